"""CAMEO event labels to codes, for files that name the event instead of coding it (ICEWS KGs).

The temporal-KG derivatives of ICEWS give each relation as its CAMEO label
("Make a visit"). This table maps the labels of the codes this package
reads, compared folded (case, spaces and punctuation do not count); a label
it lacks stays text on the report.

>>> cameo_code("Make a visit"), cameo_code("Meet at a 'third' location"), cameo_code("Dance")
('042', '044', None)
"""

from __future__ import annotations

from ..kg import normalize_name

__all__ = ["cameo_code"]

_LABELS = """
010 Make statement
011 Decline comment
012 Make pessimistic comment
013 Make optimistic comment
014 Consider policy option
015 Acknowledge or claim responsibility
016 Deny responsibility
017 Engage in symbolic act
018 Make empathetic comment
019 Express accord
020 Make an appeal or request
021 Appeal for material cooperation
0214 Appeal for intelligence
022 Appeal for diplomatic cooperation (such as policy support)
023 Appeal for aid
024 Appeal for political reform
025 Appeal to yield
0251 Appeal for easing of administrative sanctions
0253 Appeal for release of persons or property
0254 Appeal for easing of economic sanctions, boycott, or embargo
0256 Appeal for de-escalation of military engagement
026 Appeal to others to meet or negotiate
027 Appeal to others to settle dispute
028 Appeal to engage in or accept mediation
030 Express intent to cooperate
031 Express intent to engage in material cooperation
0311 Express intent to cooperate economically
0312 Express intent to cooperate militarily
0313 Express intent to cooperate on judicial matters
032 Express intent to engage in diplomatic cooperation (such as policy support)
033 Express intent to provide material aid
0331 Express intent to provide economic aid
0333 Express intent to provide humanitarian aid
034 Express intent to institute political reform
035 Express intent to yield
0354 Express intent to ease economic sanctions, boycott, or embargo
036 Express intent to meet or negotiate
037 Express intent to settle dispute
038 Express intent to accept mediation
039 Express intent to mediate
040 Consult
041 Discuss by telephone
042 Make a visit
043 Host a visit
044 Meet at a 'third' location
045 Mediate
046 Engage in negotiation
050 Engage in diplomatic cooperation
051 Praise or endorse
052 Defend verbally
053 Rally support on behalf of
054 Grant diplomatic recognition
055 Apologize
056 Forgive
057 Sign formal agreement
060 Engage in material cooperation
061 Cooperate economically
062 Cooperate militarily
063 Engage in judicial cooperation
064 Share intelligence or information
070 Provide aid
071 Provide economic aid
072 Provide military aid
073 Provide humanitarian aid
074 Provide military protection or peacekeeping
075 Grant asylum
080 Yield
081 Ease administrative sanctions
084 Return, release
0841 Return, release person(s)
085 Ease economic sanctions, boycott, embargo
087 De-escalate military engagement
0871 Declare truce, ceasefire
090 Investigate
100 Demand
110 Disapprove
111 Criticize or denounce
112 Accuse
1121 Accuse of crime, corruption
1122 Accuse of human rights abuses
1123 Accuse of aggression
1124 Accuse of war crimes
1125 Accuse of espionage, treason
113 Rally opposition against
114 Complain officially
115 Bring lawsuit against
116 Find guilty or liable (legally)
120 Reject
125 Reject proposal to meet, discuss, or negotiate
126 Reject mediation
127 Reject plan, agreement to settle dispute
128 Defy norms, law
129 Veto
130 Threaten
138 Threaten with military force
140 Engage in political dissent
141 Demonstrate or rally
145 Protest violently, riot
150 Demonstrate military or police power
160 Reduce relations
161 Reduce or break diplomatic relations
162 Reduce or stop material aid
1623 Reduce or stop military assistance
163 Impose embargo, boycott, or sanctions
164 Halt negotiations
166 Expel or withdraw
170 Coerce
171 Seize or damage property
172 Impose administrative sanctions
173 Arrest, detain, or charge with legal action
174 Expel or deport individuals
175 Use tactics of violent repression
180 Use unconventional violence
181 Abduct, hijack, or take hostage
182 Physically assault
183 Conduct suicide, car, or other non-military bombing
185 Attempt to assassinate
186 Assassinate
190 Use conventional military force
191 Impose blockade, restrict movement
192 Occupy territory
193 Fight with small arms and light weapons
194 Fight with artillery and tanks
195 Employ aerial weapons
200 Use unconventional mass violence
"""

_BY_LABEL = {
    normalize_name(label): code
    for code, label in (line.split(" ", 1) for line in _LABELS.strip().splitlines())
}


def cameo_code(label: str) -> str | None:
    """The CAMEO code whose label is ``label`` (folded), or None."""
    return _BY_LABEL.get(normalize_name(label))
