//! Tests of the duration reader: its hand-written scanner against the
//! regex it stands in for, and the forms news writes.

use proptest::prelude::*;

use super::super::words::tests::{GAPS, text_from};
use super::*;

fn mins(s: &str) -> Vec<u32> {
    durations(s).into_iter().map(|(_, _, m)| m).collect()
}

#[test]
fn minute_forms() {
    assert_eq!(mins("They spoke for some 30 minutes."), vec![30]);
    assert_eq!(
        mins("During the 32-minute conversation, Moon said"),
        vec![32]
    );
    assert_eq!(mins("their 30-minute first phone call"), vec![30]);
    assert_eq!(mins("The call lasted approximately 40 minutes."), vec![40]);
    assert_eq!(mins("They talked for about forty-five minutes."), vec![45]);
    assert_eq!(mins("a twenty minute call"), vec![20]);
    assert_eq!(mins("a 50-minute-long phone conversation"), vec![50]);
    assert_eq!(mins("talks lasting 25 mins"), vec![25]);
}

#[test]
fn hour_forms() {
    assert_eq!(mins("They spoke for about half an hour."), vec![30]);
    assert_eq!(mins("a half-hour phone call"), vec![30]);
    assert_eq!(mins("They spoke for an hour."), vec![60]);
    assert_eq!(mins("an hour-long phone call"), vec![60]);
    assert_eq!(mins("They talked for an hour and 10 minutes."), vec![70]);
    assert_eq!(mins("They talked for one hour and a half."), vec![90]);
    assert_eq!(mins("They talked for one and a half hours."), vec![90]);
    assert_eq!(mins("The call lasted 1.5 hours."), vec![90]);
    assert_eq!(
        mins("They talked for two hours and fifteen minutes."),
        vec![135]
    );
}

#[test]
fn delays_and_other_spans_are_not_lengths() {
    assert!(mins("An hour later, the office announced it.").is_empty());
    assert!(mins("The plane landed 40 minutes late on Wednesday.").is_empty());
    assert_eq!(
        mins("Lee spoke with Ishiba for about 40 minutes late on Wednesday."),
        vec![40]
    );
    assert!(mins("The readout came 30 minutes after the call.").is_empty());
    assert!(mins("They promised to reply within 30 minutes.").is_empty());
    assert!(mins("Visitors can stay for up to 15 days.").is_empty());
    assert!(mins("It happened on Tuesday.").is_empty());
}

#[test]
fn newsroom_length_forms() {
    for (s, want) in [
        ("They spoke for half an hour.", 30),
        ("They spoke for an hour.", 60),
        ("They spoke for an hour and 10 minutes.", 70),
        ("They spoke for one hour and a half.", 90),
        ("The call lasted about 50 min.", 50),
        ("They held 40-minute talks.", 40),
        ("They talked for 40 minutes.", 40),
        ("They spoke for some 25 minutes.", 25),
        ("They held a roughly half-hour call.", 30),
        ("a 40-minute phone call", 40),
        ("a 30 minute telephone conversation", 30),
        ("a 20-minute video call", 20),
        ("a 45-minute chat", 45),
        ("Lee spoke with Trump (20 min) and Ishiba.", 20),
        ("They talked for 25 min on Tuesday.", 25),
        ("They talked between 10:12 and 10:40 a.m.", 28),
        ("They talked from 5:28 to 6 p.m.", 32),
        ("They talked from 10:12 to 10:40.", 28),
    ] {
        assert_eq!(mins(s), vec![want], "{s}");
    }
}

#[test]
fn negative_and_zero_are_no_length() {
    for text in [
        "They spoke for -30 minutes.",
        "They spoke for \u{2212}30 minutes.",
        "They spoke for minus 30 minutes.",
        "They spoke for 0 minutes.",
        "They spoke for -1 hour.",
    ] {
        assert_eq!(mins(text), Vec::<u32>::new(), "{text}");
    }
    assert_eq!(mins("They spoke for 20-30 minutes."), [30]);
    assert_eq!(mins("They spoke for (30 minutes)."), [30]);
}

#[test]
fn newsroom_length_decoys() {
    for s in [
        "5 min read",
        "1 minute read",
        "After a 30-minute briefing, Lee left.",
        "Xi gave a 20-minute speech.",
        "The statement came 30 minutes after the call.",
        "30 minutes before the call",
        "30 minutes later, they met",
        "30 minutes earlier",
        "30 minutes ago",
        "Reply within 30 minutes.",
        "Buses run every 30 minutes.",
        "The call began 5 hours 30 minutes in the afternoon.",
        "a two-hour meeting",
        "from 9 a.m. to 5 p.m.",
        "from 3 to 4",
        "between 10:40 and 10:12",
    ] {
        assert!(mins(s).is_empty(), "{s}: {:?}", mins(s));
    }
}

fn by_regex(text: &str) -> Vec<(usize, usize, Span<'_>)> {
    DURATION
        .captures_iter(text)
        .map(|caps| {
            let whole = caps.get(0).unwrap();
            (whole.start(), whole.end(), span_of(&caps).unwrap())
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20000))]

    #[test]
    fn the_word_scan_finds_what_the_regex_finds(text in text_from(&[
        "an", "a", "one", "two", "three", "single", "full", "half", "hour", "hours",
        "hourlong", "hourly", "long", "longer", "and", "min", "mins", "minute",
        "minutes", "minuted", "twenty", "thirty", "ninety", "five", "nine", "ten",
        "thirteen", "eleven", "twelve", "1", "5", "12", "123", "1234", "for", "x",
        "one and a half", "and a half", "an hour and", "half an hour", "a single",
        "a full", "1.5", "twenty-five",
    ], GAPS)) {
        prop_assume!(!has_exotic_fold(&text));
        prop_assert_eq!(scan(&Words::new(&text)).collect::<Vec<_>>(), by_regex(&text));
    }

    #[test]
    fn lengths_never_panic(text in text_from(&[
        "an", "hour", "30", "minute", "min", "read", "call", "between", "from", "10:12",
        "and", "to", "10:40", "a.m.", "p.m.", "6", "5 hours 30 minutes", "in the",
        "afternoon", "half-hour", "é", "’", "ſ", "-long",
    ], GAPS)) {
        for (start, end, m) in durations(&text) {
            prop_assert!(start < end && end <= text.len() && (1..=600).contains(&m));
        }
    }

    #[test]
    fn text_with_an_exotic_fold_takes_the_regex(text in text_from(&[
        "an", "one", "hour", "hours", "and", "a", "half", "minute", "minutes",
        "minute\u{17f}", "\u{17f}ix", "\u{17f}even", "twenty", "x",
    ], GAPS)) {
        prop_assert_eq!(spans(&Words::new(&text)).collect::<Vec<_>>(), by_regex(&text));
    }
}

#[test]
fn number_words() {
    assert_eq!(number("thirty"), Some(30));
    assert_eq!(number("Forty-five"), Some(45));
    assert_eq!(number("seventeen"), Some(17));
    assert_eq!(number("an"), Some(1));
    assert_eq!(number("lots"), None);
}
