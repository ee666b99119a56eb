//! Which sentence reports the call: each failure class with an article
//! written for the test.

use super::*;
use crate::lexicon::topics::Topics;
use crate::model::Place;
use crate::pipeline::clean::clean;
use crate::pipeline::extract::extract;

fn facts_of(text: &str) -> crate::pipeline::extract::Extracted {
    let leaders = Leaders::embedded();
    let topics = Topics::embedded();
    extract(&clean(text), &leaders, &topics)
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

/// The exact words each fact of `x` was read from, by kind.
fn evidence_text<'a>(
    x: &'a crate::pipeline::extract::Extracted,
    cleaned: &'a crate::model::Cleaned,
    fact: FactKind,
) -> Option<&'a str> {
    let e = x.evidence.iter().find(|e| e.fact == fact)?;
    let text = match e.place {
        Place::Headline => cleaned.header.headline.as_deref()?,
        Place::Caption(i) => cleaned.captions.get(i as usize)?.as_str(),
        Place::Paragraph(i) => cleaned.paragraphs.get(i as usize)?.text,
    };
    assert!(
        e.sentence.0 <= e.span.0 && e.span.1 <= e.sentence.1,
        "{e:?}"
    );
    text.get(e.span.0 as usize..e.span.1 as usize)
}

#[test]
fn an_event_before_the_term_does_not_date_the_call() {
    // The condolences name a fire two days before the inauguration; the
    // lead dates the call by the sentence next to the call sentence.
    let text = " date 2017-05-12\n\n\
        Moon, Xi agree to exchange envoys\n\n\
        President Moon Jae-in and Chinese President Xi Jinping agreed Friday to exchange envoys, officials said.\n\n\
        The two leaders spoke by phone for 25 minutes in their first conversation.\n\n\
        Xi began the call with condolences for the victims of a ferry fire on Monday.\n";
    let x = facts_of(text);
    assert_eq!(x.facts.date, Some(date("2017-05-12")));
    assert_eq!(x.facts.duration_minutes, Some(25));
}

#[test]
fn an_earlier_call_named_in_passing_is_background() {
    let text = " date 2019-03-08\n\n\
        SEOUL, March 8 (Yonhap) -- President Moon Jae-in and Chinese President Xi Jinping agreed Friday to widen exchanges, the presidential office said.\n\n\
        The two leaders talked by phone for 28 minutes from 4:10 p.m.\n\n\
        It was their third call, after the one held on Nov. 2 last year and their talks since Dec. 4.\n";
    let x = facts_of(text);
    assert_eq!(x.facts.date, Some(date("2019-03-08")));
    assert_eq!(x.facts.start_time, NaiveTime::from_hms_opt(16, 10, 0));
}

#[test]
fn the_lead_call_outranks_a_stated_date_of_an_older_call() {
    let text = " date 2020-07-15\n\n\
        Xi tells Moon his visit still stands\n\n\
        Chinese President Xi Jinping has told President Moon Jae-in that his visit plan stands.\n\n\
        The two leaders talked on the phone for 31 minutes starting at 8 p.m. on Wednesday, the spokesperson said.\n\n\
        It was their second call this year, following their call on March 3, when they spoke for 50 minutes.\n";
    let x = facts_of(text);
    assert_eq!(x.facts.date, Some(date("2020-07-15")));
    assert_eq!(x.facts.date_basis, DateBasis::Weekday);
    assert_eq!(x.facts.duration_minutes, Some(31));
    assert_eq!(x.facts.start_time, NaiveTime::from_hms_opt(20, 0, 0));
}

#[test]
fn page_furniture_does_not_push_the_lead_away() {
    let text = " date 2019-10-05\n\n\
        Moon, Xi to talk trade\n\n\
        Home > National > Politics\n\n\
        print dictionary print\n\n\
        President Moon Jae-in and Chinese President Xi Jinping agreed on Friday to resume trade talks.\n\n\
        The two leaders talked by phone for 22 minutes starting at 3 p.m., the spokesman said.\n";
    let x = facts_of(text);
    assert_eq!(x.facts.date, Some(date("2019-10-04")));
}

#[test]
fn a_meeting_in_person_is_not_a_call() {
    let text = " date 2025-06-17\n\n\
        Lee, Ishiba hold first summit in Kananaskis\n\n\
        President Lee Jae-myung and Japanese Prime Minister Shigeru Ishiba met on the sidelines of the Group of Seven summit on Tuesday.\n\n\
        The two leaders had talked by phone on June 9 for 25 minutes.\n";
    let x = facts_of(text);
    assert!(x.facts.meeting);
    assert_eq!(x.facts.date, None);
}

#[test]
fn a_named_leader_stays_the_counterpart() {
    // Putin's presidency ended on 2008-05-06 in the registry; the text
    // names him, so he stays on the call.
    let text = " date 2008-05-09\n\n\
        Lee, Putin discuss energy\n\n\
        President Lee Myung-bak spoke by phone with Russian President Vladimir Putin on Thursday.\n";
    let leaders = Leaders::embedded();
    let x = facts_of(text);
    assert_eq!(
        x.facts.counterpart.map(|c| leaders.get(c).surname.as_str()),
        Some("Putin")
    );
    assert_eq!(x.facts.date, Some(date("2008-05-08")));
}

#[test]
fn every_fact_keeps_the_words_it_was_read_from() {
    let text = " date 2021-01-27\n\n\
        Xi, Moon talk by phone\n\n\
        Chinese President Xi Jinping and President Moon Jae-in spoke by phone late Tuesday, the presidential office said.\n\n\
        The call began at 9 p.m. and lasted 40 minutes.\n";
    let cleaned = clean(text);
    let leaders = Leaders::embedded();
    let topics = Topics::embedded();
    let x = extract(&cleaned, &leaders, &topics);
    assert_eq!(x.facts.date, Some(date("2021-01-26")));
    assert!(evidence_text(&x, &cleaned, FactKind::Date).is_some_and(|t| t.contains("Tuesday")));
    assert_eq!(evidence_text(&x, &cleaned, FactKind::Start), Some("9 p.m."));
    assert!(
        evidence_text(&x, &cleaned, FactKind::Duration).is_some_and(|t| t.contains("40 minutes"))
    );
    // The headline names him first.
    assert_eq!(
        evidence_text(&x, &cleaned, FactKind::Counterpart),
        Some("Xi")
    );
}

#[test]
fn a_washington_evening_is_the_next_morning_in_seoul() {
    let text = " date 2019-06-05\n\n\
        Trump, Moon discuss North Korea talks\n\n\
        WASHINGTON (Reuters) - U.S. President Donald Trump and South Korean President Moon Jae-in talked by phone on Wednesday, the White House said.\n\n\
        The call began at 8:15 p.m. and lasted 20 minutes.\n";
    let x = facts_of(text);
    assert_eq!(x.facts.date, Some(date("2019-06-06")));
    assert_eq!(x.facts.start_time, NaiveTime::from_hms_opt(9, 15, 0));
    assert_eq!(x.facts.duration_minutes, Some(20));
}

#[test]
fn a_time_in_gmt_is_told_on_the_home_clock() {
    let text = " date 2018-03-09\n\n\
        SEOUL, March 9 (AFP) - President Moon Jae-in and Chinese President Xi Jinping spoke by phone from 0815 GMT on Friday, Seoul said.\n";
    let x = facts_of(text);
    assert_eq!(x.facts.date, Some(date("2018-03-09")));
    assert_eq!(x.facts.start_time, NaiveTime::from_hms_opt(17, 15, 0));
    let late = " date 2018-03-09\n\n\
        SEOUL, March 9 (AFP) - President Moon Jae-in and Chinese President Xi Jinping spoke by phone at 2330 GMT on Friday, Seoul said.\n";
    let x = facts_of(late);
    assert_eq!(x.facts.date, Some(date("2018-03-10")));
    assert_eq!(x.facts.start_time, NaiveTime::from_hms_opt(8, 30, 0));
}

#[test]
fn a_seoul_dateline_keeps_the_home_clock() {
    let text = " date 2018-03-09\n\n\
        SEOUL, March 9 (Yonhap) -- President Moon Jae-in and Chinese President Xi Jinping talked by phone for 30 minutes from 9 p.m. Friday.\n";
    let x = facts_of(text);
    assert_eq!(x.facts.date, Some(date("2018-03-09")));
    assert_eq!(x.facts.start_time, NaiveTime::from_hms_opt(21, 0, 0));
}

#[test]
fn the_first_lead_sentence_dates_the_call_over_a_dated_roundup_line() {
    let text = " date 2022-07-01 Yoon and Putin discuss trade\n\n\
        Russian President Vladimir Putin spoke with South Korean President Yoon Suk Yeol over the phone on Thursday.\n\n\
        The two leaders also spoke by phone on May 28, 2022, for 30 minutes from 11:28 a.m.\n";
    let x = facts_of(text);
    assert_eq!(x.facts.date, Some(date("2022-06-30")));
    assert_eq!(
        x.facts.duration_minutes, None,
        "the 30 minutes were May 28's"
    );
    assert_eq!(x.facts.start_time, None);
}

#[test]
fn a_seoul_clock_in_a_washington_story_keeps_the_city_day() {
    let text = " date 2024-11-06 Trump talks shipbuilding with Yoon\n\n\
        WASHINGTON (AP) — President-elect Donald Trump spoke Wednesday evening with South Korean President Yoon Suk Yeol, his office said.\n\n\
        The call began at 7:59 a.m. Seoul time and lasted about 12 minutes.\n";
    let x = facts_of(text);
    assert_eq!(x.facts.date, Some(date("2024-11-07")));
    assert_eq!(x.facts.start_time, NaiveTime::from_hms_opt(7, 59, 0));
    assert_eq!(x.facts.duration_minutes, Some(12));
}

#[test]
fn the_previous_day_counts_back_from_the_announcement() {
    let text = " date 2016-02-07 Park, Xi discuss N. Korea\n\n\
        President Park Geun-hye and Chinese President Xi Jinping talked by phone the previous day about the North's launch, Cheong Wa Dae said Saturday.\n";
    let x = facts_of(text);
    assert_eq!(x.facts.date, Some(date("2016-02-05")));
    let alone = " date 2016-02-06 Park, Xi discuss N. Korea\n\n\
        President Park Geun-hye and Chinese President Xi Jinping talked by phone the day before, officials said.\n";
    assert_eq!(facts_of(alone).facts.date, Some(date("2016-02-05")));
}

#[test]
fn a_related_stories_list_is_page_furniture() {
    let text = " date 2017-11-29 Moon, Trump discuss ICBM launch\n\n\
        President Moon Jae-in and U.S. President Donald Trump talked by phone on Wednesday after the North's missile launch.\n\n\
        Related Stories\n\
        - Moon, Abe talk by phone on North Korea, 20 minutes\n\
        - Xi Jinping's envoy visits Pyongyang\n";
    let cleaned = clean(text);
    assert!(
        cleaned
            .paragraphs
            .iter()
            .all(|p| !p.text.contains("Abe talk"))
    );
    let x = facts_of(text);
    assert_eq!(x.facts.duration_minutes, None);
    assert_eq!(x.facts.date, Some(date("2017-11-29")));
}
