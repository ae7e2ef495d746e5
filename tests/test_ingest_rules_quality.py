"""Attribution, date and event rules added for quality, on sentences written for these tests."""

from __future__ import annotations

from datetime import date

from diplograph._relative import resolve_relative
from diplograph.ingest.pipeline import Analysis
from diplograph.ingest.quotes import quote_spans


def said(an: Analysis) -> list[tuple[str, str | None, str]]:
    body = an.article.body
    return [
        (body[q.start : q.end], q.speaker.name if q.speaker else None, q.mode) for q in an.quotes
    ]


def dated(an: Analysis) -> dict[str, str]:
    body = an.article.body
    return {body[d.start : d.end]: str(d.value) for d in an.dates}


# -- statements ---------------------------------------------------------------------------


def test_a_reported_clause_holding_a_quotation_is_only_the_quotation(analyse_text) -> None:  # type: ignore[no-untyped-def]
    an = analyse_text("Moon Jae-in said the two sides had held “frank and useful” discussions.\n")
    assert said(an) == [("frank and useful", "Moon Jae-in", "fragment")]


def test_a_stray_closing_straight_mark_opens_nothing() -> None:
    text = 'They spoke of trade and farm quotas". Later she called it "a good start".'
    assert [text[a:b] for a, b, _ in quote_spans(text, 0, len(text))] == ["a good start"]


def test_two_apostrophes_close_a_curly_quote() -> None:
    text = "“We are not in a hurry,’’ she said. Then she left."
    assert [text[a:b] for a, b, _ in quote_spans(text, 0, len(text))] == ["We are not in a hurry,"]


def test_a_pronoun_takes_the_person_the_sentence_is_about(analyse_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“The road ahead is long,” Moon Jae-in said.\n\n"
        "Donald Trump gave a brighter account, which he called “very productive” in Seoul.\n"
    )
    got = said(analyse_text(text))
    assert got[1] == ("very productive", "Donald Trump", "fragment")


def test_a_pronoun_with_no_speaker_yet_takes_the_last_person_named(analyse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Moon Jae-in arrived in Busan.\n\n“Our work has only started,” he said.\n"
    assert said(analyse_text(text))[0][1] == "Moon Jae-in"


def test_a_fragment_takes_the_subject_of_its_clause(analyse_text) -> None:  # type: ignore[no-untyped-def]
    an = analyse_text("Kim Jong Un promised “a new era of peace” for the peninsula.\n")
    assert said(an) == [("a new era of peace", "Kim Jong Un", "fragment")]


def test_according_to_a_medium_with_an_adjective(analyse_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Soldiers fired “two short-range rockets into the sea,” according to the official "
        "Yonhap News Agency.\n"
    )
    (quote,) = analyse_text(text).quotes
    assert quote.speaker is not None and quote.speaker.kind == "media"


def test_a_surname_names_the_person_of_this_article_before_a_graph_alias(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # the graph knows Lee Sang-min; this article names another Lee in full first
    text = (
        "Foreign Minister Lee Jung-hoon of the Republic of Korea met his Japanese counterpart.\n\n"
        "“We agreed to meet again,” Mr Lee said.\n"
    )
    assert said(analyse_text(text))[0][1] == "Lee Jung-hoon"


def test_a_name_cut_at_a_hyphen_is_taken_whole(analyse_text) -> None:  # type: ignore[no-untyped-def]
    an = analyse_text("“We hope for calm,” said Moon Jae-in on Friday.\n")
    assert said(an)[0][1] == "Moon Jae-in"
    assert all(a.name != "Moon Jae" for a in an.actors)


# -- dates --------------------------------------------------------------------------------

MONDAY = date(2019, 7, 1)


def test_month_abbreviations_without_a_stop_and_day_ranges_with_to() -> None:
    assert str(resolve_relative("Sep 18 to 20", MONDAY, future=None).value) == (
        "2019-09-18/2019-09-20"
    )


def test_a_weekday_with_a_part_of_the_day_is_the_day(analyse_text) -> None:  # type: ignore[no-untyped-def]
    an = analyse_text(
        "The envoys will hold talks Thursday morning in Geneva.\n", published="2019-07-01"
    )
    assert dated(an) == {"Thursday morning": "2019-07-04"}


def test_a_day_without_a_year_and_no_tense_is_the_nearest(analyse_text) -> None:  # type: ignore[no-untyped-def]
    an = analyse_text("The deadline for the reply is 5 January.\n", published="2019-12-20")
    assert dated(an) == {"5 January": "2020-01-05"}


def test_earlier_this_week_ends_the_day_before() -> None:
    friday = date(2019, 7, 5)
    assert str(resolve_relative("earlier this week", friday).value) == "2019-07-01/2019-07-04"


def test_a_year_modifying_a_noun_counts_but_a_count_of_years_does_not(analyse_text) -> None:  # type: ignore[no-untyped-def]
    an = analyse_text("Both sides still honour the 1991 treaty after the 1000 years of rivalry.\n")
    assert dated(an) == {"1991": "1991"}


def test_a_capitalized_programme_name_is_no_date(analyse_text) -> None:  # type: ignore[no-untyped-def]
    an = analyse_text("She said so on the programme “This Week” yesterday.\n")
    assert dated(an) == {"yesterday": "2019-07-01"}


# -- events -------------------------------------------------------------------------------


def _links(an: Analysis) -> dict[str, str | None]:
    body = an.article.body
    return {body[a:b]: e.link for e in an.events for a, b in e.mentions}


def test_a_date_after_since_is_not_the_events_date(analyse_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        "North Korea fired two short-range missiles on Saturday, the first missile launch "
        "since 2017.\n"
    )
    an = analyse_text(text, published="2019-05-06")
    assert all(e.date is None or str(e.date) != "2017" for e in an.events)


def test_a_drill_and_a_launch_are_one_family(analyse_text) -> None:  # type: ignore[no-untyped-def]
    an = analyse_text(
        "North Korea staged a military drill on Saturday, state media said.\n", "2019-05-06"
    )
    assert "missile-test-2019-05-04" in _links(an).values()


def test_a_ceremony_joins_the_summit_named_before(analyse_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kim Jong Un and Donald Trump ended their summit in Hanoi on Thursday and left "
        "before the signing ceremony.\n"
    )
    links = _links(analyse_text(text, published="2019-02-28"))
    assert links.get("the signing ceremony") == "hanoi-summit-2019"


def test_an_undated_deal_of_other_parties_is_no_old_event(analyse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Iran and the United States said the deal could be saved.\n"
    assert not any(_links(analyse_text(text, published="2021-04-02")).values())


def test_a_meeting_with_a_date_but_no_participants_or_place_is_not_linked(analyse_text) -> None:  # type: ignore[no-untyped-def]
    text = "The two prime ministers praised their informal meeting on Friday.\n"
    assert not any(_links(analyse_text(text, published="2018-04-28")).values())


def test_words_reported_inside_a_participle_clause_are_the_subjects(analyse_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Donald Trump played down the launch on Sunday, saying in a tweet that Kim "
        "“will keep his word to me.”\n"
    )
    assert said(analyse_text(text))[0][1] == "Donald Trump"


def test_a_quotation_with_no_verb_goes_on_after_a_fragment(analyse_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Moon Jae-in called the talks “a turning point” on Friday.\n\n"
        "“We must now keep the momentum going for both Koreas.”\n"
    )
    assert [s for _, s, _ in said(analyse_text(text))] == ["Moon Jae-in", "Moon Jae-in"]


def test_another_form_of_a_graph_persons_given_name(analyse_text) -> None:  # type: ignore[no-untyped-def]
    an = analyse_text(
        "“Markets stayed calm,” Ali Evans said in London.\n"
    )  # the graph has Alison Evans
    assert said(an)[0][1] == "Alison Evans"


def test_sentence_bounds_are_read_once_and_agree_with_spacy() -> None:
    from diplograph.ingest._common import sentence
    from diplograph.ingest.nlp import parse

    doc = parse("Kim met Moon. They talked for hours. Then both left Seoul.")
    assert all(sentence(t).start == t.sent.start and sentence(t).end == t.sent.end for t in doc)


def test_a_dated_meeting_links_when_the_article_names_its_principals(analyse_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Moon Jae-in will travel north for talks with Kim Jong Un.\n\n"
        "Both sides expect much of the summit from Sept. 18 to 20.\n"
    )
    links = _links(analyse_text(text, published="2018-09-06"))
    assert "inter-korean-summit-2018-09" in links.values()


def test_the_test_refers_to_the_launch_named_before(analyse_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        "North Korea carried out a missile test on Saturday, state media said.\n\n"
        "Officials in Seoul said the launch was a warning.\n"
    )
    an = analyse_text(text, published="2019-05-06")
    linked = [e for e in an.events if e.link == "missile-test-2019-05-04"]
    assert linked and any(an.article.body[a:b] == "the launch" for a, b in linked[0].mentions)


def test_a_document_signed_at_a_linked_summit_is_its_statement(analyse_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Donald Trump and Kim Jong Un met at a summit in Singapore on June 12.\n\n"
        "Critics said the signed document was vague.\n"
    )
    links = _links(analyse_text(text, published="2018-06-13"))
    assert links.get("the signed document") == "singapore-joint-statement-2018"


def test_a_question_is_no_paraphrase(analyse_text) -> None:  # type: ignore[no-untyped-def]
    an = analyse_text("Moon Jae-in was asked whether he would travel to Pyongyang again.\n")
    assert said(an) == []


def test_a_statement_relayed_by_an_agency_is_the_speakers(analyse_text) -> None:  # type: ignore[no-untyped-def]
    an = analyse_text(
        "Moon Jae-in noted that the talks would resume soon, reports Yonhap News Agency.\n"
    )
    assert said(an) == [("the talks would resume soon", "Moon Jae-in", "paraphrase")]


def test_a_title_in_quotes_is_no_statement(analyse_text) -> None:  # type: ignore[no-untyped-def]
    an = analyse_text("Moon Jae-in said on “Meet The Press” that talks would go on.\n")
    assert all("Meet" not in words for words, _, _ in said(an))


def test_a_medium_reporting_a_persons_words_is_the_channel(analyse_text) -> None:  # type: ignore[no-untyped-def]
    an = analyse_text("“We can wait,” Moon Jae-in said, Yonhap News Agency reported.\n")
    (quote,) = an.quotes
    assert quote.speaker is not None and quote.speaker.name == "Moon Jae-in"
    assert quote.channel is not None and quote.channel.kind == "media"
