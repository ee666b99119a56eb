//! Tests of the start-time reader: its hand-written scanner against the
//! regex it stands in for, and the forms news writes.

use proptest::prelude::*;

use super::super::words::tests::{GAPS, text_from};
use super::*;

fn by_regex(text: &str) -> Vec<(usize, usize, Clock<'_>)> {
    CLOCK
        .captures_iter(text)
        .map(|caps| {
            let whole = caps.get(0).unwrap();
            (whole.start(), whole.end(), clock_of(&caps).unwrap())
        })
        .collect()
}

#[rustfmt::skip]
const WORDS: &[&str] = &[
    "1", "9", "10", "12", "123", "05", "30", "59", "60", "65", "17", "19", "20", "23",
    "24", "am", "pm", "a", "p", "m", "ap", "mm", "noon", "midday", "midnight", "noons",
    "o", "oo", "clock", "clockwork", "in", "the", "afternoon", "afternoons", "evening",
    "at", "night", "nightly", "tonight", "tonights", "from", "starting", "beginning",
    "began", "around", "about", "since", "until", "one", "twelve", "thirteen", "x",
    "9 a.m.", "10.15am", "5:30 p.m.", "10 o'clock", "o’clock", "at 17:00", "at 24:00",
    "since 23:59", "at 9:65", "starting at", "in the evening",
    "between", "0815", "1600", "2400", "2360", "815", "GMT", "KST", "ET", "EDT", "hours",
    "hrs", "hour", "minute", "minutes", "morning", "in the", "at night", "5 hours",
    "30 minutes", "5 hours 30 minutes in the afternoon", "9 hours at night", "between 10:12",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20000))]

    #[test]
    fn the_word_scan_finds_what_the_regex_finds(text in text_from(WORDS, GAPS)) {
        prop_assume!(!has_exotic_fold(&text));
        prop_assert_eq!(scan(&Words::new(&text)).collect::<Vec<_>>(), by_regex(&text));
    }

    #[test]
    fn start_times_never_panic(text in text_from(WORDS, GAPS)) {
        for (start, end, _) in start_times(&text) {
            prop_assert!(start < end && end <= text.len());
            let _ = stated_zone(&text, end);
        }
    }

    #[test]
    fn text_with_an_exotic_fold_takes_the_regex(text in text_from(
        &["10", "o", "cloc\u{212a}", "clock", "night", "\u{17f}ince", "9", "am", "x"],
        GAPS,
    )) {
        prop_assert_eq!(clocks(&Words::new(&text)).collect::<Vec<_>>(), by_regex(&text));
    }
}

fn times(s: &str) -> Vec<String> {
    start_times(s)
        .into_iter()
        .map(|(_, _, t)| t.format("%H:%M").to_string())
        .collect()
}

#[test]
fn twelve_hour_forms() {
    assert_eq!(
        times("They spoke starting at 11:30 a.m. on Tuesday."),
        ["11:30"]
    );
    assert_eq!(
        times("The call, which began at 11:30 a.m., lasted"),
        ["11:30"]
    );
    assert_eq!(times("They talked at 9 p.m. Seoul time."), ["21:00"]);
    assert_eq!(times("from 5:30 p.m. for 40 minutes"), ["17:30"]);
    assert_eq!(times("at 12 a.m."), ["00:00"]);
    assert_eq!(times("at 10.15am"), ["10:15"]);
}

#[test]
fn words_and_24_hour_forms() {
    assert_eq!(times("They spoke from noon for half an hour."), ["12:00"]);
    assert_eq!(times("The leaders spoke at 10 o'clock."), ["10:00"]);
    assert_eq!(times("at nine o'clock in the evening"), ["21:00"]);
    assert_eq!(times("The call began at 17:00 local time."), ["17:00"]);
}

#[test]
fn newsroom_start_forms() {
    for (s, want) in [
        ("They spoke from 5:30 p.m. for 40 minutes.", "17:30"),
        ("The call, starting at 9 p.m., lasted long.", "21:00"),
        ("The talks, beginning at noon, lasted 30 minutes.", "12:00"),
        ("They spoke from noon.", "12:00"),
        ("They spoke at noon.", "12:00"),
        ("They spoke at midnight.", "00:00"),
        ("The call began at 0815 GMT.", "08:15"),
        ("The leaders talked from 1600 KST.", "16:00"),
        ("The call began at 10:05 a.m.", "10:05"),
        ("They talked at 9 o'clock at night.", "21:00"),
        ("around 9 o'clock in the evening", "21:00"),
        (
            "The call began 5 hours 30 minutes in the afternoon.",
            "17:30",
        ),
        ("The call was made 9 hours at night.", "21:00"),
        ("It began 10 hours in the morning.", "10:00"),
        ("They spoke at 9 p.m. on Wednesday.", "21:00"),
        ("They talked between 10:12 and 10:40 a.m.", "10:12"),
        ("They talked from 10:12 to 10:40 a.m.", "10:12"),
        ("They talked from 1:12 to 1:40 p.m.", "13:12"),
        ("They talked from 11:40 to 12:10 p.m.", "11:40"),
        ("They talked from 5:28 to 6 p.m.", "17:28"),
    ] {
        assert_eq!(times(s), [want], "{s}");
    }
}

#[test]
fn ranges_opening_with_a_bare_hour_start_at_that_hour() {
    for (s, want) in [
        ("The talks took place between 11 and 11:20 a.m.", "11:00"),
        ("They spoke from 10 to 11 a.m. on Friday.", "10:00"),
        ("The call ran from 9 to 9:40 p.m. Seoul time.", "21:00"),
        // The second's p.m. would put the start after the end.
        ("They talked from 11 to 12:30 p.m.", "11:00"),
        ("Between 3 and 3:30 p.m., the two leaders talked.", "15:00"),
    ] {
        assert_eq!(times(s), [want], "{s}");
    }
    let s = "The leaders talked between 11 and 11:20 a.m. KST.";
    let (start, end, _) = start_times(s)[0];
    assert_eq!(&s[start..end], "between 11 and 11:20 a.m.");
    assert_eq!(stated_zone(s, end), Some(Zone::Offset(540)));
    // Not a range's end: counts, scores, a range of more than three
    // hours, "from" inside a word, a stamp.
    for s in [
        "Turnout rose from 10 to 11 percent.",
        "The vote was 11 and 12 p.m. was late.",
        "They met from 1 to 11 a.m. in talks.",
        "The office worked therefrom 10 to 11 a.m.",
        "Updated between 9 and 9:30 a.m.",
        "The call lasted until 11:20 a.m.",
    ] {
        assert!(times(s).is_empty(), "{s}: {:?}", times(s));
    }
}

#[test]
fn decoys_are_not_start_times() {
    for s in [
        "5 min read",
        "a 30-minute briefing",
        "30 minutes after the call",
        "published 10:05",
        "입력 2025.06.10 (21:12)",
        "Updated 9:30 a.m.",
        "Published: June 10, 2025 10:05 a.m. KST",
        "수정 2025.06.10 9:30 a.m.",
        "He flew 5 hours 30 minutes.",
        "at 2460 GMT",
        "at 1600 kst",
    ] {
        assert!(times(s).is_empty(), "{s}: {:?}", times(s));
    }
}

#[test]
fn a_time_ends_before_its_zone() {
    let s = "The call began at 0815 GMT on Friday.";
    let (_, end, _) = start_times(s)[0];
    assert_eq!(&s[..end], "The call began at 0815");
    assert_eq!(stated_zone(s, end), Some(Zone::Offset(0)));
    let s = "They spoke at 9 p.m. (local time).";
    let (_, end, _) = start_times(s)[0];
    assert_eq!(stated_zone(s, end), Some(Zone::Local));
}

#[test]
fn end_times_and_stray_numbers_are_not_starts() {
    assert_eq!(times("from 5:30 p.m. until 6:10 p.m."), ["17:30"]);
    assert!(times("The score was 3:1 and the vote 17:00 was").is_empty());
    assert!(times("Growth reached 2.5 percent.").is_empty());
    assert!(times("They spoke on Tuesday.").is_empty());
}
