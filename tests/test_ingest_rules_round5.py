"""Rules added after reading the benchmark's misses on excerpts 35-40 of the evaluation set.

Those excerpts were annotated by hand before the pipeline ran on them; the rules below were
then written for the general causes of the misses. Each test runs the pipeline on sentences
of ``tests/ingest_eval`` (the excerpt's number is in a comment) and checks the rule a reader
of news would state; the expected values are the gold's.
"""

from __future__ import annotations

from diplograph.ingest.pipeline import Analysis


def said(an: Analysis) -> list[tuple[str, str | None]]:
    body = an.article.body
    return [(body[q.start : q.end], q.speaker.name if q.speaker else None) for q in an.quotes]


def dates(an: Analysis) -> dict[str, str]:
    body = an.article.body
    return {body[d.start : d.end]: str(d.value) for d in an.dates}


def links(an: Analysis) -> dict[str, str | None]:
    body = an.article.body
    return {body[a:b]: e.link for e in an.events for a, b in e.mentions}


def linked_to(an: Analysis, words: str) -> str | None:
    found = [link for text, link in links(an).items() if words in text]
    assert found, f"no mention on {words!r}: {links(an)}"
    return found[0]


# -- speakers ---------------------------------------------------------------------------


def test_a_pronoun_is_the_subject_of_the_sentence_before_not_a_name_in_the_quote(
    analyse_text,
) -> None:  # type: ignore[no-untyped-def]
    text = (  # 37
        "Trump expressed optimism about his upcoming bargaining with Kim.\n\n"
        '"Heading over to Vietnam for my meeting with Kim Jong Un. Looking forward to a very '
        'productive Summit!" he tweeted aboard Air Force One.\n'
    )
    an = analyse_text(text, "2019-02-26")
    assert said(an) == [
        (
            "Heading over to Vietnam for my meeting with Kim Jong Un. Looking forward to a very "
            "productive Summit!",
            "Donald Trump",
        )
    ]


# -- reported speech --------------------------------------------------------------------


def test_said_a_and_that_b_are_two_statements_of_the_speaker(analyse_text) -> None:  # type: ignore[no-untyped-def]
    text = (  # 36
        "Trump has said he plans to hold a second meeting with Kim Jong Un after the midterm "
        "elections, and that he was considering three or four possible locations for the event.\n"
    )
    assert said(analyse_text(text, "2018-11-05")) == [
        (
            "he plans to hold a second meeting with Kim Jong Un after the midterm elections",
            "Donald Trump",
        ),
        ("he was considering three or four possible locations for the event", "Donald Trump"),
    ]


def test_made_it_clear_reports_the_clause_after_it(analyse_text) -> None:  # type: ignore[no-untyped-def]
    text = (  # 35
        '"We have teams in Singapore," Mike Pompeo said.\n\n'
        "Despite his optimism, he also made it clear the president is not yet ready to sit down "
        "with the North Korean leader.\n"
    )
    assert (
        "the president is not yet ready to sit down with the North Korean leader",
        "Mike Pompeo",
    ) in said(analyse_text(text, "2018-05-31"))


def test_made_it_official_reports_the_clause_after_the_colon(analyse_text) -> None:  # type: ignore[no-untyped-def]
    text = (  # 39
        "President Barack Obama made it official on Wednesday: The United States will reopen its "
        "Embassy in Cuba and restore full diplomatic relations with the communist-led nation for "
        "the first time since 1961.\n"
    )
    assert said(analyse_text(text, "2015-07-01")) == [
        (
            "The United States will reopen its Embassy in Cuba and restore full diplomatic "
            "relations with the communist-led nation for the first time since 1961",
            "Barack Obama",
        )
    ]


def test_repeating_that_reports_a_clause(analyse_text) -> None:  # type: ignore[no-untyped-def]
    text = (  # 39
        "“I strongly believe that the best way for America to support our values is through "
        "engagement,” Obama said, repeating that efforts by previous administrations to isolate "
        "Cuba had not achieved their goals.\n"
    )
    assert (
        "efforts by previous administrations to isolate Cuba had not achieved their goals",
        "Obama",
    ) in said(analyse_text(text, "2015-07-01"))


def test_a_clause_in_the_reporters_past_ends_a_report_in_the_present(analyse_text) -> None:  # type: ignore[no-untyped-def]
    text = (  # 38
        "Japanese Foreign Minister Taro Kono met his counterpart on Wednesday.\n\n"
        "Kono argues that the wartime labor issue is South Korea's responsibility and he called "
        "on Seoul to take immediate measures to correct the current situation, which Japan "
        "considers a violation of international law.\n"
    )
    assert said(analyse_text(text, "2019-08-21")) == [
        ("the wartime labor issue is South Korea's responsibility", "Taro Kono")
    ]


def test_in_his_words_gives_the_rest_of_the_sentence_to_him(analyse_text) -> None:  # type: ignore[no-untyped-def]
    text = (  # 40
        "Tigran Balayan, Spokesperson of the Ministry of Foreign Affairs (MFA) of Armenia, said "
        "the aforementioned at a press briefing on Tuesday.\n\n"
        "In his words, although there is a proposal by the OSCE Minsk Group co-chairs, there is no "
        "agreement yet.\n"
    )
    assert said(analyse_text(text, "2018-07-31")) == [
        (
            "although there is a proposal by the OSCE Minsk Group co-chairs, there is no agreement "
            "yet",
            "Tigran Balayan",
        )
    ]


def test_words_before_an_attribution_are_a_statement_only_when_they_are_a_clause(
    analyse_text,
) -> None:  # type: ignore[no-untyped-def]
    text = (  # 40: a name and its post before ", said ..." are nobody's words
        "Tigran Balayan, Spokesperson of the Ministry of Foreign Affairs (MFA) of Armenia, said "
        "the aforementioned at a press briefing on Tuesday.\n"
    )
    assert said(analyse_text(text, "2018-07-31")) == []


def test_a_demonym_with_government_is_the_state_speaking(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # written for this test, after RULES.md section 6 ("the Eritrean government", 30) and a
    # report on Japan and South Korea read while checking the rules of 35-40
    text = (
        "Kang urged Japan on Sunday to scrap its stricter export controls swiftly, the South "
        "Korean government said Monday.\n"
    )
    assert said(analyse_text(text, "2019-12-16")) == [
        ("Kang urged Japan on Sunday to scrap its stricter export controls swiftly", "South Korea")
    ]


def test_a_surname_with_a_particle_names_the_person_named_in_full(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # written for this test, on the pattern of a report on the Colombian peace talks read while
    # checking the rules of 35-40 on articles outside the set
    text = (
        '"This will be a rapid process," government negotiator Humberto de la Calle told '
        "reporters on Sunday.\n\n"
        'De la Calle said he believed this was "the defining moment" for the peace efforts.\n'
    )
    assert said(analyse_text(text, "2012-11-19")) == [
        ("This will be a rapid process", "Humberto de la Calle"),
        ("the defining moment", "Humberto de la Calle"),
    ]


# -- dates ------------------------------------------------------------------------------


def test_a_weekday_joined_to_another_takes_its_tense(analyse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Kim is scheduled to hold a summit with Trump on Wednesday and Thursday.\n"  # 37
    assert dates(analyse_text(text, "2019-02-26")) == {
        "Wednesday": "2019-02-27",
        "Thursday": "2019-02-28",
    }


# -- events -----------------------------------------------------------------------------


def test_plans_for_a_summit_name_the_next_summit_of_its_participants(analyse_text) -> None:  # type: ignore[no-untyped-def]
    text = (  # 35
        "NEW YORK (CBSNewYork/AP) -- Secretary of State Mike Pompeo and a top North Korean "
        "official opened talks Thursday in New York City as they try to revive plans for a summit "
        "between President Donald Trump and North Korean leader Kim Jong Un.\n"
    )
    an = analyse_text(text, "2018-05-31")
    assert linked_to(an, "a summit between") == "singapore-summit-2018"
    assert linked_to(an, "talks") is None


def test_an_ordinal_names_the_nth_meeting_of_the_speaker_and_the_with_side(analyse_text) -> None:  # type: ignore[no-untyped-def]
    text = (  # 36: "he" is Trump, who says it; "with Kim Jong Un" the other side
        "Trump has said he plans to hold a second meeting with Kim Jong Un after the midterm "
        "elections, and that he was considering three or four possible locations for the event.\n"
    )
    an = analyse_text(text, "2018-11-05")
    assert linked_to(an, "a second meeting") == "hanoi-summit-2019"
    assert linked_to(an, "the event") == "hanoi-summit-2019"


def test_planned_mentions_of_a_coming_summit_are_that_summit(analyse_text) -> None:  # type: ignore[no-untyped-def]
    text = (  # 37
        "North Korean leader Kim Jong-un arrived in Vietnam on Tuesday for a second summit with "
        "US President Donald Trump.\n\n"
        '"Heading over to Vietnam for my meeting with Kim Jong Un. Looking forward to a very '
        'productive Summit!" he tweeted aboard Air Force One.\n\n'
        "The two leaders are scheduled to begin a two-day summit with a one-on-one meeting and a "
        "social dinner, to be joined by their top aides, in Hanoi Wednesday night.\n\n"
        "Kim and Trump will have follow-up talks the next day in a bid to flesh out the details "
        "of their Singapore accord eight months earlier.\n"
    )
    an = analyse_text(text, "2019-02-26")
    for words in ("a second summit", "my meeting", "a one-on-one meeting", "follow-up talks"):
        assert linked_to(an, words) == "hanoi-summit-2019", words
    assert linked_to(an, "a very productive Summit") == "hanoi-summit-2019"
    # "in a bid to flesh out … their Singapore accord" is not where the talks are held
    assert not any("bid" in words for words in links(an))
    # written for this test: a place named inside the phrase after "in" still is
    an = analyse_text(
        "Moon Jae-in and Kim Jong Un held talks in the border village of Panmunjom.\n",
        "2018-05-30",
    )
    assert links(an) == {
        "talks in the border village of Panmunjom": "inter-korean-summit-2018-05-26"
    }


def test_a_meeting_dated_by_a_possessive_after_before_is_not_another_events(analyse_text) -> None:  # type: ignore[no-untyped-def]
    text = (  # 35
        "Mike Pompeo and Kim Yong Chol opened talks Thursday in New York City as they try to "
        "revive plans for a summit between President Donald Trump and North Korean leader Kim "
        "Jong Un.\n\n"
        '"The people of #NorthKorea can have a brighter future," Pompeo tweeted shortly before '
        "Thursday's meeting began.\n\n"
        'The two officials had discussions over what Pompeo described on Twitter as a "good '
        'working dinner" on Wednesday.\n'
    )
    an = analyse_text(text, "2018-05-31")
    assert linked_to(an, "a summit between") == "singapore-summit-2018"
    assert linked_to(an, "Thursday's meeting") is None  # the talks in New York
    # the dinner on Wednesday cannot be part of the summit of June 12
    assert all(link is None for words, link in links(an).items() if "dinner" in words)


# -- actors -----------------------------------------------------------------------------


def test_aircraft_airports_event_words_and_agreements_are_no_actors(analyse_text) -> None:  # type: ignore[no-untyped-def]
    text = (  # 37, 38
        "Trump is flying from Washington DC and is due to land at Noi Bai International Airport "
        "in the Vietnamese capital Tuesday night.\n\n"
        '"Heading over to Vietnam for my meeting with Kim Jong Un. Looking forward to a very '
        'productive Summit!" he tweeted aboard Air Force One.\n\n'
        "The South Korean government declined to offer information about the extension of a "
        "bilateral intelligence-sharing pact called the General Security of Military Information "
        "Agreement, which will expire Aug. 24.\n"
    )
    names = {a.name for a in analyse_text(text, "2019-02-26").actors}
    assert names & {"Summit", "Air Force One", "Noi Bai International Airport"} == set()
    assert not any(name.endswith("Agreement") for name in names)
    assert {"Donald Trump", "Kim Jong Un", "South Korea"} <= names


def test_a_dateline_dash_ends_the_name_of_the_agency_before_it(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # written for this test, on the pattern of a wire report's dateline read while checking the
    # rules of 35-40 on articles outside the set (the model reads "Kyodo - North" as one name)
    text = (
        "HANOI, Kyodo - North Korean leader Kim Jong Un arrived in Vietnam on Tuesday after a "
        "70-hour train trip via China.\n"
    )
    names = {a.name for a in analyse_text(text, "2019-02-26").actors}
    assert "Kyodo" in names
    assert not any(" - " in name for name in names)


def test_a_post_the_model_takes_into_a_bodys_name_is_left_out(analyse_text) -> None:  # type: ignore[no-untyped-def]
    text = (  # 40
        "Tigran Balayan, Spokesperson of the Ministry of Foreign Affairs (MFA) of Armenia, said "
        "the aforementioned at a press briefing on Tuesday.\n"
    )
    an = analyse_text(text, "2018-07-31")
    bodies = {a.name for a in an.actors if a.kind != "person"}
    assert "Ministry of Foreign Affairs" in bodies
    assert not any(name.startswith("Spokesperson") for name in bodies)
    ministry = next(a for a in an.actors if a.name == "Ministry of Foreign Affairs")
    assert {text[a:b] for a, b in ministry.mentions} == {"Ministry of Foreign Affairs", "MFA"}


def test_a_summit_slated_to_take_place_is_dated_by_the_verb_below(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # written for this test, on the pattern of a report of Kim's arrival in Vietnam read while
    # checking the rules of 35-40 on articles outside the set
    text = "The summit between Trump and Kim is slated to take place on Wednesday and Thursday.\n"
    an = analyse_text(text, "2019-02-26")
    assert links(an) == {"The summit between Trump and Kim": "hanoi-summit-2019"}
    assert [str(e.date) for e in an.events] == ["2019-02-27"]


def test_the_run_up_to_a_summit_in_the_present_is_before_the_coming_summit(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # written for this test, on the same pattern; "arrived … ahead of his summit" in a report
    # written after the summit (02) stays the summit before the report
    text = (
        "The United States and North Korea have held working-level talks in Hanoi since "
        "Thursday, in the run-up to the Trump-Kim summit.\n"
    )
    assert linked_to(analyse_text(text, "2019-02-26"), "the Trump-Kim summit") == (
        "hanoi-summit-2019"
    )
    text = (  # 02
        "North Korean leader Kim Jong Un exuded confidence when he arrived in Vietnam on his "
        "heavily armored luxury train Wednesday, ahead of his summit with US President Donald "
        "Trump.\n"
    )
    assert linked_to(analyse_text(text, "2019-03-02"), "his summit") == "hanoi-summit-2019"
