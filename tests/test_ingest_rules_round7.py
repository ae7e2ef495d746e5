"""Rules fitted to the misses of the first run of excerpts 53-64 (the ``blind`` split), each
on real sentences from those excerpts."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("spacy")

from diplograph.ingest.nlp import parse
from diplograph.ingest.speakers import that_clause

ARTICLES = Path(__file__).parent / "ingest_eval" / "articles"


def _excerpt(prefix: str, first: int, last: int) -> str:
    """Paragraphs ``first``-``last`` (from 1) of the evaluation excerpt ``prefix``."""
    (path,) = ARTICLES.glob(f"{prefix}-*.txt")
    paragraphs = path.read_text(encoding="utf-8").split("\n\n")
    return "\n\n".join(paragraphs[first - 1 : last]) + "\n"


def _said(analysis, words: str):  # type: ignore[no-untyped-def]
    """The speaker id and channel id of the statement whose words start with ``words``."""
    text = analysis.article.body
    (q,) = [q for q in analysis.quotes if text[q.start : q.end].startswith(words)]
    return (q.speaker.id if q.speaker else None), (q.channel.id if q.channel else None)


def test_a_name_after_a_title_is_a_person_whatever_the_model_says(analyse_text):
    # the model reads "Morgan Ortagus" as an organization: "she" then found nobody
    an = analyse_text(_excerpt("61", 5, 7), "2019-10-06")
    ortagus = next(a for a in an.actors if a.name == "Morgan Ortagus")
    assert ortagus.kind == "person"
    assert _said(an, "The U.S. brought")[0] == ortagus.id
    assert _said(an, "the U.S. delegation had previewed")[0] == ortagus.id
    assert _said(an, "The United States and the DPRK")[0] == ortagus.id


def test_a_description_after_a_dateline_is_named_by_the_next_sentence(analyse_text):
    # "STOCKHOLM, (Reuters) – North Korea's top negotiator said …" ¶ "The North's chief
    # nuclear negotiator, Kim Myong Gil, …": neither the medium nor the state speaks
    an = analyse_text(_excerpt("61", 1, 3), "2019-10-06")
    assert _said(an, "working-level nuclear talks")[0] == "kim-myong-gil"


def test_a_fragment_in_a_clause_a_medium_reports_is_the_person_s(analyse_text):
    an = analyse_text(_excerpt("59", 2, 3), "2019-03-16")
    assert _said(an, "US demands in any form") == ("choe-son-hui", "tass")  # not "Russian …"


def test_a_news_service_and_its_dispatch(analyse_text):
    an = analyse_text(_excerpt("60", 2, 3), "2019-04-23")
    assert _said(an, "will soon pay a visit")[0] == "kcna"  # "… KCNA news service said"
    assert _said(an, "They will have talks")[0] == "kcna"  # "the brief dispatch added"


def test_a_that_clause_hung_on_an_audience_reports_a_clause():
    doc = parse(
        "Trump told a post-summit press conference in Hanoi that the North Korean leader "
        "had promised he would maintain his moratorium on missile and nuclear tests."
    )
    promised = next(t for t in doc if t.text == "promised")
    assert that_clause(promised) is not None and that_clause(promised).text == "told"
    # excerpt 27: the content of an account a speaker denies is not the speaker's words
    doc = parse(
        "Ri Yong Ho summoned the press in Hanoi at midnight and denied the White House "
        "account that Pyongyang was only seeking a complete deal."
    )
    seeking = next(t for t in doc if t.text == "seeking")
    assert that_clause(seeking) is None


def test_a_planned_summit_with_another_leader_is_not_one_of_the_graph(analyse_text):
    # Kim and North Korea are one side: a summit with Putin is not the Panmunjom meeting
    an = analyse_text(_excerpt("60", 1, 1), "2019-04-23")
    text = an.article.body
    summit = [e for e in an.events if any("first summit" in text[a:b] for a, b in e.mentions)]
    assert all(e.link is None for e in summit)
    assert not any(e.link == "panmunjom-meeting-2019" for e in an.events)


def test_a_group_described_then_named_speaks_as_itself(analyse_text):
    # excerpt 52: "Sudan's main opposition coalition said …" ¶ "… the Forces for Freedom and
    # Change (FFC) coalition": the coalition speaks, not Sudan
    an = analyse_text(_excerpt("52", 1, 9), "2019-06-25")
    speakers = {q.speaker.name for q in an.quotes if q.speaker is not None}
    assert any(name.startswith("Forces for Freedom and Change") for name in speakers)
    assert "Sudan" not in speakers


def _dates(analysis) -> dict[str, str]:  # type: ignore[no-untyped-def]
    text = analysis.article.body
    return {text[d.start : d.end]: str(d.value) for d in analysis.dates}


def test_a_range_of_weekdays_is_one_span(analyse_text):
    an = analyse_text(
        "KCNA described the visit as unofficial and said it ran from Sunday to Wednesday, "
        "implying that Kim’s armored train entered China over the weekend.\n",
        "2018-03-28",
    )
    assert _dates(an)["Sunday to Wednesday"] == "2018-03-25/2018-03-28"


def test_a_deadline_and_a_plan_of_the_past_take_the_nearest_day(analyse_text):
    an = analyse_text(_excerpt("57", 1, 9), "2018-09-17")
    assert _dates(an)["October 10"] == "2018-10-10"  # "withdrawn from the zone by October 10"
    an = analyse_text(_excerpt("63", 1, 9), "2019-07-15")
    # "India had pulled out of the second round of talks scheduled for April 2"
    assert _dates(an)["April 2"] == "2019-04-02"
    an = analyse_text("The talks are scheduled for April 2.\n", "2019-07-15")
    assert _dates(an)["April 2"] == "2020-04-02"  # a plan still to come counts forward


def test_half_of_a_month_and_a_year_as_a_modifier(analyse_text):
    an = analyse_text(_excerpt("60", 4, 4), "2019-04-23")
    assert _dates(an)["the second half of April"] == "2019-04"
    an = analyse_text(
        "The United States called on Russia to implement a 2015 plan that called for a "
        "cease-fire.\n",
        "2019-11-27",
    )
    assert _dates(an)["2015"] == "2015"


def test_an_initial_ends_no_sentence(analyse_text):
    # the stop of "U.S." cut the reporter's sentence before "said"
    an = analyse_text(_excerpt("62", 8, 8), "2019-11-27")
    assert _said(an, "Our support for Ukraine")[0] == "mike-pompeo"


def test_an_apposition_names_the_speaker_before_a_possessive(analyse_text):
    an = analyse_text(_excerpt("62", 1, 3), "2019-11-27")
    assert _said(an, "a separate meeting")[0] == "yury-ushakov"  # not Putin, whose adviser


def test_a_name_the_model_missed_is_a_person_its_apposition_titles(analyse_text):
    # in its paragraphs, the model marks no entity on "Ziad Nakhala"
    an = analyse_text(_excerpt("58", 3, 4), "2014-08-26")
    assert _said(an, "open-ended") == ("ziad-nakhala", "associated-press")


def _links(analysis, words: str) -> set[str | None]:  # type: ignore[no-untyped-def]
    """The graph events the mentions starting with ``words`` were linked to (None: none)."""
    text = analysis.article.body
    found = {e.link for e in analysis.events for a, b in e.mentions if text[a:b].startswith(words)}
    return found or {None}


def test_a_visit_whose_visitor_is_not_named_is_no_one_s_in_particular(analyse_text):
    # "Had a good trip to #Pyongyang", Pompeo's, three weeks after Moon's visit there
    an = analyse_text(_excerpt("55", 1, 4), "2018-10-07")
    assert _links(an, "a good trip") == {None}
    assert _links(an, "his trip") == {None}


def test_a_meeting_owned_by_one_person_is_not_of_whoever_hears_of_it(analyse_text):
    # "Moon is expected to be briefed about Pompeo's meeting with Kim": not Moon's meeting
    an = analyse_text(_excerpt("55", 1, 2), "2018-10-07")
    assert _links(an, "Pompeo’s meeting") == {None}
    assert not any(e.link == "inter-korean-summit-2018-09" for e in an.events)


def test_two_states_joined_by_a_hyphen_are_the_sides_of_the_talks(analyse_text):
    # "the U.S.-North Korea denuclearization talks", during the Moon-Kim summit
    an = analyse_text(_excerpt("54", 1, 1), "2018-09-18")
    assert _links(an, "the U.S.-North Korea") == {None}  # not the Moon-Kim summit
    assert {"united-states", "north-korea"} <= {a.id for a in an.actors}


def test_talks_a_visit_includes_are_part_of_it(analyse_text):
    an = analyse_text(_excerpt("54", 8, 8), "2018-09-18")
    assert _links(an, "a three-day visit") == {"inter-korean-summit-2018-09"}
    assert "hanoi-summit-2019" not in {e.link for e in an.events}


def test_hope_or_concern_voiced_that_reports_a_clause(analyse_text):
    an = analyse_text(_excerpt("59", 1, 1), "2019-03-16")
    assert _said(an, "nuclear disarmament negotiations")[0] == "united-states"  # not AFP
    an = analyse_text(
        "The minister expressed concern that the ceasefire might collapse within days.\n"
        "He also expressed his thanks to the mediators.\n",
        "2019-03-16",
    )
    text = an.article.body
    assert [text[q.start : q.end] for q in an.quotes] == [
        "the ceasefire might collapse within days"  # thanks are no clause of his
    ]


# rules fitted to the first run of excerpts 65-76 (the ``last`` split)


def test_according_to_before_a_clause_of_the_reporter(analyse_text):
    # "…, according to the commerce ministry, tempering fears …" and "…, according to the
    # Chinese ministry, which did not elaborate …"
    an = analyse_text(_excerpt("68", 1, 2), "2019-05-07")
    assert _said(an, "China’s chief trade negotiator")[0] == "commerce-ministry"
    assert _said(an, "Liu He, a vice-premier")[0] == "commerce-ministry"


def test_a_person_the_model_missed_or_cut_short(analyse_text):
    # in their excerpts the model marks no person on "Stephane Visconti" and takes "Qureshi"
    # of "Shah Mahmood Qureshi" for a place
    an = analyse_text(_excerpt("74", 1, 9), "2019-03-29")
    assert _said(an, "positive")[0] == "stephane-visconti"
    assert _said(an, "We hope that a new meeting")[0] == "stephane-visconti"
    an = analyse_text(_excerpt("75", 1, 9), "2019-06-27")
    assert _said(an, "achieving peace in Afghanistan")[0] == "shah-mahmood-qureshi"
    assert _said(an, "For decades now")[0] == "shah-mahmood-qureshi"  # "FM Qureshi said"


def test_a_speaker_after_an_inverted_verb(analyse_text):
    an = analyse_text(_excerpt("75", 2, 2), "2019-06-27")
    assert _said(an, "One on one meeting")[0] == "pakistan"  # "tweeted the government of …"


def test_single_curly_quotation_marks_and_a_quotation_over_two_paragraphs(analyse_text):
    # a ministry's release: "‘I would like …" ¶ "Both sides …,’ Minister … Børge Brende said"
    an = analyse_text(_excerpt("70", 1, 2), "2017-01-25")
    assert _said(an, "I would like to congratulate")[0] == "borge-brende"
    assert _said(an, "Both sides are still showing")[0] == "borge-brende"
    assert [a.name for a in an.actors if a.id == "borge-brende"] == ["Børge Brende"]


def test_more_months_and_no_day_in_a_name(analyse_text):
    an = analyse_text(
        "They also talked during the summits held in September and December.\n\n"
        "The US government has proposed the event be held in mid-March.\n\n"
        "Source: government.no / Norway Today\n",
        "2020-01-18",
    )
    dates = _dates(an)
    assert dates["September"] == "2019-09" and dates["December"] == "2019-12"
    an2 = analyse_text("Kerry met Zarif as an end-of-March deadline loomed.\n", "2015-03-16")
    assert _dates(an2)["end-of-March"] == "2015-03"
    assert dates["mid-March"] == "2020-03"  # a proposal lies ahead, however the verb reads
    assert "Today" not in dates  # a medium's name
    an = analyse_text("Both are among the most vigorous economies in today's world.\n")
    assert _dates(an) == {}


def test_a_readout_s_first_person_sentences_go_on_with_the_speaker(analyse_text):
    # a foreign ministry's readout: "Wang Yi expressed that … . We share …"
    an = analyse_text(_excerpt("76", 1, 2), "2018-11-24")
    assert _said(an, "both China and India are great countries")[0] == "wang-yi"
    assert _said(an, "We share extensive common interests")[0] == "wang-yi"
    # the reporter's own sentence after reported words is nobody's
    an = analyse_text(
        "The minister said that the talks had gone well. The meeting lasted three hours.\n"
    )
    assert [an.article.body[q.start : q.end] for q in an.quotes] == ["the talks had gone well"]


def test_a_state_s_leader_is_the_head_of_state_named_before(analyse_text):
    an = analyse_text(_excerpt("66", 4, 11), "2019-06-20")
    assert _said(an, "something will happen that is very positive")[0] == "donald-trump"
    an = analyse_text(_excerpt("73", 1, 5), "2017-07-07")  # "the UN chief said …"
    assert _said(an, "but that does not mean")[0] == "antonio-guterres"


# rules fitted to the first run of excerpts 77-88 (the ``final`` split)


def test_an_attribution_after_the_clause_with_a_phrase_after_it(analyse_text):
    an = analyse_text(_excerpt("77", 1, 5), "2018-04-26")
    # "…, South Korea said, in an occasion laden with symbolism."
    text = an.article.body
    (meet,) = [q for q in an.quotes if "will meet North Korean leader" in text[q.start : q.end]]
    assert meet.speaker is not None and meet.speaker.id == "south-korea"
    # "the chief of the South's presidential secretariat Im Jong Seok said", then "Im told"
    assert _said(an, "Moon will greet his visitor")[0] == "im-jong-seok"
    assert _said(an, "At the end of the one-day summit")[0] == "im-jong-seok"


def test_a_name_before_a_title_the_parse_made_the_subject(analyse_text):
    an = analyse_text(_excerpt("83", 1, 3), "2018-03-05")
    assert _said(an, "Chairman Kim Jong-un is currently hosting")[0] == "kim-eui-kyeom"


def test_an_arabic_article_before_a_surname(analyse_text):
    an = analyse_text(
        "Kiir and Machar signed the document in the presence of Sudanese President Omar "
        'al-Bashir.\n\n"This agreement says that peace has started to return," said Bashir.\n',
        "2018-06-27",
    )
    assert _said(an, "This agreement says")[0] == "omar-al-bashir"


def test_a_second_year_after_and(analyse_text):
    an = analyse_text("It follows summits in Pyongyang in 2000 and 2007.\n", "2018-04-26")
    assert _dates(an) == {"2000": "2000", "2007": "2007"}


def test_talks_told_in_a_past_clause_are_not_planned(analyse_text):
    # "Moon will visit Trump on April 11, after U.S. denuclearization talks with North Korea
    # fizzled": the talks are over, not the next meeting of the two (Panmunjom, in June)
    an = analyse_text(_excerpt("78", 1, 1), "2019-03-29")
    assert _links(an, "U.S. denuclearization talks") == {None}
