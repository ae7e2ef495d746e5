"""Each attribution, actor and event rule on sentences of the kind news carries."""

from __future__ import annotations

from diplograph.dates import PartialDate
from diplograph.ingest.pipeline import Analysis


def said(an: Analysis) -> list[tuple[str, str | None, str]]:
    body = an.article.body
    return [(body[q.start : q.end], q.speaker.id if q.speaker else None, q.mode) for q in an.quotes]


def test_speaker_after_the_quote(analyse_text) -> None:  # type: ignore[no-untyped-def]
    an = analyse_text("“We will not give up on dialogue,” Moon said.\n")
    assert said(an) == [("We will not give up on dialogue", "moon-jae-in", "direct_quote")]


def test_said_before_the_name_and_straight_quotes(analyse_text) -> None:  # type: ignore[no-untyped-def]
    an = analyse_text('"The door remains open for talks," said Moon Jae-in.\n')
    assert said(an) == [("The door remains open for talks", "moon-jae-in", "direct_quote")]


def test_speaker_before_the_quote_with_a_colon(analyse_text) -> None:  # type: ignore[no-untyped-def]
    an = analyse_text("Kim Jong Un told reporters: “The talks went well and we will meet again.”\n")
    assert said(an)[0] == (
        "The talks went well and we will meet again.",
        "kim-jong-un",
        "direct_quote",
    )


def test_pronoun_and_continued_paragraph_keep_the_speaker(analyse_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“We are ready to meet at any time,” Moon said on Friday.\n\n"
        "“Dialogue is the only way forward,” he added.\n\n"
        "“Nothing has been decided yet about the venue or the date of the meeting.\n"
    )
    got = said(analyse_text(text))
    assert [s for _, s, _ in got] == ["moon-jae-in"] * 3


def test_according_to(analyse_text) -> None:  # type: ignore[no-untyped-def]
    an = analyse_text("“The missiles flew about 420 kilometers,” according to Moon Jae-in.\n")
    assert said(an)[0][1] == "moon-jae-in"


def test_reported_speech_is_a_paraphrase_of_the_clause(analyse_text) -> None:  # type: ignore[no-untyped-def]
    an = analyse_text(
        "Donald Trump said that the sanctions would remain in place until further notice.\n"
    )
    assert said(an) == [
        (
            "the sanctions would remain in place until further notice",
            "donald-trump",
            "paraphrase",
        )
    ]


def test_fragment_inside_a_reporters_sentence(analyse_text) -> None:  # type: ignore[no-untyped-def]
    an = analyse_text("Trump called the meeting “very productive” and left for Washington.\n")
    modes = {w: m for w, _, m in said(an)}
    assert modes["very productive"] == "fragment"


def test_news_agency_as_speaker_and_channel(analyse_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        "North Korea’s official Korean Central News Agency said Kim inspected a new "
        "submarine. The agency said the vessel would be deployed soon.\n"
    )
    an = analyse_text(text)
    assert [(q.speaker and q.speaker.id, q.channel and q.channel.id) for q in an.quotes] == [
        ("kcna", "kcna"),
        ("kcna", "kcna"),
    ]


def test_capitals_and_demonyms_stand_for_governments(analyse_text) -> None:  # type: ignore[no-untyped-def]
    an = analyse_text("Pyongyang rejected the offer, and Washington said it was disappointed.\n")
    assert {a.id for a in an.actors} >= {"north-korea", "united-states"}
    assert said(an)[0][1] == "united-states"


def test_the_north_korean_leader_is_the_graphs_holder_of_the_post(analyse_text) -> None:  # type: ignore[no-untyped-def]
    an = analyse_text("The North Korean leader said his country wanted peace on the peninsula.\n")
    assert said(an)[0][1] == "kim-jong-un"


def test_new_person_with_title_and_apposition(analyse_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Jane Holloway, a professor at Seoul National University, said the summit had "
        "changed little. Foreign Minister Kang Kyung-wha declined to comment.\n"
    )
    an = analyse_text(text)
    by_id = {a.id: a for a in an.actors}
    jane = by_id["jane-holloway"]
    assert not jane.existing and jane.kind == "person"
    assert [(p.post, p.organization) for p in jane.positions] == [
        ("Professor", "seoul-national-university")
    ]
    assert by_id["seoul-national-university"].kind == "organization"
    kang = by_id["kang-kyung-wha"]
    assert [p.post for p in kang.positions] == ["Foreign minister"]


def test_events_link_by_place_and_date(analyse_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Since the Hanoi summit, talks have stalled. The two leaders first met last June "
        "in Singapore, and the armistice signed 66 years ago still holds.\n"
    )
    links = {e.link for e in analyse_text(text).events}
    assert links >= {"hanoi-summit-2019", "armistice-1953"}


def test_one_event_however_often_it_is_named(analyse_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Trump and Kim met at Panmunjom on Sunday. The meeting lasted an hour. "
        "After the meeting, Trump said their talks were good.\n"
    )
    events = analyse_text(text).events
    assert len(events) == 1 and len(events[0].mentions) >= 2


def test_a_new_event_when_nothing_in_the_graph_fits(analyse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Moon Jae-in and Shinzo Abe held a summit in Osaka on Thursday.\n"
    (event,) = analyse_text(text).events
    assert event.link is None and event.type == "summit"
    assert event.date == PartialDate(2019, 6, 27)


def test_statement_dated_by_its_own_verb(analyse_text) -> None:  # type: ignore[no-untyped-def]
    an = analyse_text("Moon said on Friday that the talks would resume soon.\n")
    assert str(an.quotes[0].date) == "2019-06-28"


def test_a_quote_split_by_its_attribution_keeps_the_speaker(analyse_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“We have made real progress,” Moon Jae-in said. “But the hard part of the "
        "negotiations is still ahead of us.”\n"
    )
    assert [s for _, s, _ in said(analyse_text(text))] == ["moon-jae-in", "moon-jae-in"]


def test_the_body_named_earlier_speaks_as_the_ministry(analyse_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Officials from the Unification Ministry met their counterparts on Monday. "
        "The ministry said the two sides would meet again next month.\n"
    )
    quote = next(q for q in analyse_text(text).quotes if q.mode == "paraphrase")
    assert quote.speaker is not None and quote.speaker.id == "unification-ministry"
