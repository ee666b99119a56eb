//! Tests of the words around a date: background, other numbers, and the
//! prechecks against the regexes they stand in for.

use chrono::{NaiveDate, Weekday};
use proptest::prelude::*;

use super::super::{DateExpr, DayRef, call_date_exprs, date_exprs, resolve};
use crate::model::DateBasis;

/// Words and gaps the background and event prechecks are tried on.
const PIECES: &[&str] = &[
    "since",
    "Since",
    "SINCE",
    "\u{17f}ince",
    "following",
    "previous",
    "previously",
    "prior",
    "last",
    "met",
    "meeting",
    "earlier",
    "call",
    "after",
    "the",
    "one",
    "their",
    "first",
    "of",
    "a",
    "year",
    "month",
    "ago",
    "inaugurated",
    "election",
    "vote",
    "summit",
    "meet",
    "visits",
    "until",
    "till",
    "sworn",
    "took",
    "office",
    "anniversary",
    "scheduled",
    "slated",
    "set",
    "for",
    "x",
    "_",
    "9",
    " ",
    "  ",
    ",",
    ", ",
    "\u{a0}",
    "\t",
    "-",
    "\u{212a}",
    "talked",
    "Last",
    "OF",
    "A",
];

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(PIECES), 0..10).prop_map(|p| p.concat())
}

proptest! {
    /// The cheap looks before the background regexes only skip
    /// windows the regexes cannot match.
    #[test]
    fn background_prechecks_never_skip_a_match(s in text()) {
        if super::BACKGROUND_BEFORE.is_match(&s) {
            prop_assert!(super::may_hold_word(&s, super::BACKGROUND_BEFORE_WORDS), "{:?}", s);
        }
        if super::BACKGROUND_AFTER.is_match(super::first_words(&s, 4)) {
            prop_assert!(super::may_open_background_after(&s), "{:?}", s);
        }
    }
}

fn date(s: &str) -> Option<NaiveDate> {
    s.parse().ok()
}

/// The one call date expression in `s`, resolved against `published`.
fn one(s: &str, published: &str) -> (Option<NaiveDate>, DateBasis) {
    let e = call_date_exprs(s);
    assert_eq!(e.len(), 1, "{s}: {e:?}");
    let r = resolve(e[0].day, date(published));
    (r.date, r.basis)
}

fn days(s: &str) -> Vec<DayRef> {
    call_date_exprs(s).into_iter().map(|e| e.day).collect()
}

fn stated(month: u32, day: u32) -> DayRef {
    DayRef::Stated {
        year: None,
        month,
        day,
    }
}

// 2025-06-12 was a Thursday.
const PUB: &str = "2025-06-12";

#[test]
fn today_like_words_resolve_to_publication() {
    for s in [
        "Lee spoke with Xi by phone today.",
        "Lee spoke with Xi by phone this morning.",
        "The two leaders talked this afternoon.",
        "Lee will speak with Xi tonight.",
    ] {
        assert_eq!(one(s, PUB), (date(PUB), DateBasis::Published), "{s}");
    }
    for s in [
        "Lee spoke with Xi by phone yesterday.",
        "The two leaders talked last night.",
    ] {
        assert_eq!(
            one(s, PUB),
            (date("2025-06-11"), DateBasis::Published),
            "{s}"
        );
    }
}

#[test]
fn weekday_forms_resolve_by_weekday() {
    for (s, want) in [
        ("Lee talked with Xi on Friday night.", "2025-06-06"),
        ("The call came late Tuesday.", "2025-06-10"),
        ("They spoke early Wednesday.", "2025-06-11"),
        ("They spoke on Thursday.", "2025-06-12"),
    ] {
        assert_eq!(one(s, PUB), (date(want), DateBasis::Weekday), "{s}");
    }
    let e = call_date_exprs("Trump spoke with Lee on Wednesday (local time).");
    assert_eq!(e.len(), 1);
    assert_eq!(
        e[0].day,
        DayRef::Weekday {
            day: Weekday::Wed,
            before: false
        }
    );
    let s = "Trump spoke with Lee on Wednesday (local time).";
    assert_eq!(&s[e[0].start..e[0].end], "Wednesday (local time)");
}

#[test]
fn earlier_this_week_is_found_but_dates_nothing() {
    for s in [
        "Lee spoke with Xi earlier this week.",
        "Earlier in the week the two leaders talked.",
    ] {
        let e = call_date_exprs(s);
        assert_eq!(days(s), vec![DayRef::EarlierThisWeek], "{s}");
        let r = resolve(e[0].day, date(PUB));
        assert_eq!((r.date, r.basis), (None, DateBasis::Unknown));
    }
    assert!(days("The week ahead is busy.").is_empty());
}

#[test]
fn day_of_month_forms() {
    assert_eq!(one("They spoke on the 4th.", PUB).0, date("2025-06-04"));
    assert_eq!(
        one("The call, held the 4th, lasted long.", PUB),
        (date("2025-06-04"), DateBasis::Stated)
    );
    assert_eq!(days("They spoke on the 4th of March."), vec![stated(3, 4)]);
    // Ordinals that modify a noun are not days.
    for s in [
        "It was the 4th round of talks.",
        "He spoke at the 19th Party Congress.",
        "for the 3rd time",
        "the 20th century",
    ] {
        assert!(days(s).is_empty(), "{s}");
    }
}

#[test]
fn korean_machine_translated_days_of_month() {
    for (s, want) in [
        ("The phone call was made at the night of 26 days.", 26),
        ("President Moon talked with Xi on 26 days.", 26),
        ("They spoke at the afternoon of 20 days by phone.", 20),
    ] {
        assert_eq!(days(s), vec![DayRef::DayOfMonth(want)], "{s}");
    }
    for s in [
        "The statement came on 3 days later.",
        "They met in 3 days.",
        "The talks ran for 3 days.",
        "A deal is due within 30 days.",
        "It happened on 5 days ago.",
        "He agreed on 5 days' notice.",
        "a period of 30 days",
        "on 40 days before the vote",
    ] {
        assert!(days(s).is_empty(), "{s}");
    }
}

#[test]
fn calendar_forms() {
    let y = |year, month, day| DayRef::Stated {
        year: Some(year),
        month,
        day,
    };
    assert_eq!(days("They spoke on March 14."), vec![stated(3, 14)]);
    assert_eq!(days("They spoke on 14 March."), vec![stated(3, 14)]);
    assert_eq!(days("They spoke on Mar. 14."), vec![stated(3, 14)]);
    assert_eq!(days("They spoke on March 14, 2019."), vec![y(2019, 3, 14)]);
    assert_eq!(days("They spoke on 14 March 2019."), vec![y(2019, 3, 14)]);
    assert_eq!(days("They spoke on 2019-03-14."), vec![y(2019, 3, 14)]);
    assert_eq!(days("They spoke on 3/14."), vec![stated(3, 14)]);
    assert_eq!(days("They spoke on 03/14/2019."), vec![y(2019, 3, 14)]);
    assert_eq!(days("The call (3.14) lasted long."), vec![stated(3, 14)]);
    assert_eq!(
        one("The leaders spoke on 3/14 by phone.", "2025-03-20"),
        (date("2025-03-14"), DateBasis::Stated)
    );
    let both = days("They spoke on Tuesday (3.14).");
    assert_eq!(both.len(), 2);
    assert_eq!(both[1], stated(3, 14));
    assert_eq!(days("They spoke on Tuesday 3.14."), vec![stated(3, 14)]);
}

#[test]
fn numbers_that_only_look_like_days() {
    for s in [
        "They spoke 24/7.",
        "They spoke on 2/30.",
        "They spoke on 13/01/2019.",
        "It won a 2/3 majority.",
        "the 9/11 attacks",
        "See example.com/3/14/ for more.",
        "Version 1.3/14 shipped.",
        "Growth hit 3.14 percent.",
        "Shares rose (3.5%) on news.",
        "The ratio was 3/14/19.",
    ] {
        assert!(
            days(s).iter().all(|d| !matches!(d, DayRef::Stated { .. })),
            "{s}: {:?}",
            days(s)
        );
    }
    // A weekday followed by a clock time or an amount keeps its weekday.
    for s in ["They spoke Tuesday 9.30 a.m.", "Shares rose Tuesday 2.5%."] {
        assert_eq!(
            days(s),
            vec![DayRef::Weekday {
                day: Weekday::Tue,
                before: false
            }],
            "{s}"
        );
    }
}

fn background(s: &str) -> Vec<(String, bool)> {
    date_exprs(s)
        .into_iter()
        .map(|e: DateExpr| (s[e.start..e.end].to_string(), e.background))
        .collect()
}

#[test]
fn dates_of_earlier_events_are_background() {
    for (s, when) in [
        ("It is their first call since Jan. 11.", "Jan. 11"),
        (
            "The call follows the one held on May 11 last year.",
            "May 11",
        ),
        (
            "Xi repeated the point following their call on February 20.",
            "February 20",
        ),
        (
            "They last met on Dec. 23, 2019, in Chengdu.",
            "Dec. 23, 2019",
        ),
        ("It came after their previous call on 3/14.", "3/14"),
        ("Their earlier call on Tuesday was brief.", "Tuesday"),
        ("It is their first talk after the one on June 4.", "June 4"),
    ] {
        assert_eq!(background(s), vec![(when.to_string(), true)], "{s}");
        assert!(call_date_exprs(s).is_empty(), "{s}");
    }
    // A call reported in the same breath keeps its date.
    let s = "Lee spoke with Xi on Tuesday, following their call on June 10.";
    assert_eq!(
        background(s),
        vec![("Tuesday".into(), false), ("June 10".into(), true)]
    );
    assert_eq!(
        days("Moon said after speaking with Xi on Tuesday.").len(),
        1
    );
    assert_eq!(days("They spoke on May 11 by phone.").len(), 1);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn date_scans_never_panic(text in crate::pipeline::extract::words::tests::text_from(&[
        "on", "the", "4th", "of", "March", "3/14", "03/14/2019", "(3.14)", "3.14", "Tuesday",
        "26", "days", "night", "ago", "since", "last", "year", "(local time)", "local",
        "time", "earlier", "this", "week", "2/30", "é", "’", "Mar.", "9", "/", "%",
    ], crate::pipeline::extract::words::tests::GAPS)) {
        for e in date_exprs(&text) {
            prop_assert!(e.start < e.end && e.end <= text.len());
            prop_assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
            let _ = resolve(e.day, date(PUB));
        }
    }
}
