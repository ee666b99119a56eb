//! Tests of the date reader: the expressions it finds, how they resolve
//! against the publication date, and page-line dates.

use super::*;

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn days(s: &str) -> Vec<DayRef> {
    call_date_exprs(s).into_iter().map(|e| e.day).collect()
}

fn resolve_in(s: &str, published: Option<&str>) -> Resolved {
    let e = call_date_exprs(s);
    assert_eq!(e.len(), 1, "{s}: {e:?}");
    resolve(e[0].day, published.map(date))
}

#[test]
fn weekdays_resolve_to_the_latest_such_day_on_or_before_publication() {
    // 2021-01-27 was a Wednesday.
    let r = resolve_in("Moon spoke with Xi on Tuesday.", Some("2021-01-27"));
    assert_eq!(
        (r.date, r.basis),
        (Some(date("2021-01-26")), DateBasis::Weekday)
    );
    let r = resolve_in("The call took place late Tuesday.", Some("2021-01-27"));
    assert_eq!(r.date, Some(date("2021-01-26")));
    let r = resolve_in("They talked Thursday night.", Some("2020-02-20"));
    assert_eq!(r.date, Some(date("2020-02-20")));
    let r = resolve_in("They talked on Wednesday.", Some("2021-01-26"));
    assert_eq!(r.date, Some(date("2021-01-20")));
    let r = resolve_in("They talked last Wednesday.", Some("2021-01-27"));
    assert_eq!(r.date, Some(date("2021-01-20")));
}

#[test]
fn weekday_without_publication_is_kept_unresolved() {
    let r = resolve_in(
        "Xi made the remarks in a phone call with Lee on Tuesday.",
        None,
    );
    assert_eq!(
        (r.date, r.basis, r.weekday),
        (None, DateBasis::Unknown, Some(Weekday::Tue))
    );
}

#[test]
fn today_and_yesterday_follow_publication() {
    let r = resolve_in("Moon held phone talks with Abe today.", Some("2019-03-05"));
    assert_eq!(
        (r.date, r.basis),
        (Some(date("2019-03-05")), DateBasis::Published)
    );
    let r = resolve_in(
        "Earlier in the day, Yoon spoke with Biden.",
        Some("2022-05-21"),
    );
    assert_eq!(r.date, Some(date("2022-05-21")));
    let r = resolve_in("Park spoke with Xi by phone yesterday.", Some("2016-01-01"));
    assert_eq!(r.date, Some(date("2015-12-31")));
    let e = days("President Moon spoke with Xi today (20th).");
    assert_eq!(e, vec![DayRef::Today(Some(20))]);
    let r = resolve(e[0], Some(date("2020-02-20")));
    assert_eq!(
        (r.date, r.basis, r.day_of_month),
        (Some(date("2020-02-20")), DateBasis::Published, Some(20))
    );
    let r = resolve(e[0], Some(date("2020-02-21")));
    assert_eq!(
        (r.date, r.basis),
        (Some(date("2020-02-20")), DateBasis::Stated)
    );
    let r = resolve(e[0], None);
    assert_eq!((r.date, r.day_of_month), (None, Some(20)));
}

#[test]
fn impossible_days_are_no_dates() {
    // No day at all: the article reads as one that states no date.
    assert!(days("They spoke on February 29, 2021.").is_empty());
    assert!(days("They spoke on February 30.").is_empty());
    assert_eq!(days("They spoke on February 29, 2020.").len(), 1);
    // A yearless February 29 after a non-leap February names no day.
    let r = resolve_in("They spoke on February 29.", Some("2021-03-05"));
    assert_eq!(r.date, None);
    // Before publication's month and day, it is last year's.
    let r = resolve_in("They spoke on February 29.", Some("2021-01-05"));
    assert_eq!(r.date, Some(date("2020-02-29")));
}

#[test]
fn stated_dates_take_the_publication_year_unless_that_is_later() {
    let r = resolve_in("They spoke on June 10.", Some("2025-06-11"));
    assert_eq!(
        (r.date, r.basis),
        (Some(date("2025-06-10")), DateBasis::Stated)
    );
    let r = resolve_in("They spoke on Dec. 30.", Some("2025-01-02"));
    assert_eq!(r.date, Some(date("2024-12-30")));
    let r = resolve_in("BEIJING, Jan. 26 they spoke.", Some("2021-01-27"));
    assert_eq!(r.date, Some(date("2021-01-26")));
    let r = resolve_in("They spoke on June 10, 2025.", None);
    assert_eq!(r.date, Some(date("2025-06-10")));
    let r = resolve_in("They spoke on 3 March.", None);
    assert_eq!((r.date, r.month_day), (None, Some((3, 3))));
    let r = resolve_in("They spoke on the 10th.", Some("2025-06-11"));
    assert_eq!(r.date, Some(date("2025-06-10")));
    let r = resolve_in("They spoke on the 28th.", Some("2025-03-02"));
    assert_eq!(r.date, Some(date("2025-02-28")));
    let r = resolve_in("They spoke on the 10th.", None);
    assert_eq!(r.day_of_month, Some(10));
}

#[test]
fn dates_of_other_events_are_left_out() {
    assert!(days("six days after Lee's inauguration on June 4").is_empty());
    assert!(days("They last met each other on Dec. 23, 2019, during Moon's visit").is_empty());
    assert!(days("Lee will attend the summit in Alberta on June 16–17 as an observer.").is_empty());
    assert!(days("Abe will visit Seoul next Monday.").is_empty());
    assert!(days("the 30th anniversary of diplomatic ties").is_empty());
    assert!(days("He won the election on March 9.").is_empty());
    assert!(days("to discuss North Korea's January 6 nuclear test").is_empty());
    assert!(days("after the missile launch on Sunday").is_empty());
    assert!(days("the bus caught fire on Tuesday").is_empty());
    assert_eq!(
        days("after the missile launch, Xi called Moon on Tuesday").len(),
        1
    );
    assert!(days("The phone call in 2019 was their third.").is_empty());
}

#[test]
fn call_days_next_to_ordinary_words_are_kept() {
    let d = days("Abe held phone talks with the newly inaugurated President Kim Min-su on Monday.");
    assert_eq!(
        d,
        vec![DayRef::Weekday {
            day: Weekday::Mon,
            before: false
        }]
    );
    assert!(days("He was inaugurated on Monday as president.").is_empty());
    let d = days("Xi spoke with newly elected President Lee on Tuesday.");
    assert_eq!(
        d,
        vec![DayRef::Weekday {
            day: Weekday::Tue,
            before: false
        }]
    );
    let d = days("Moon will hold phone talks with Xi at 5 p.m. Thursday.");
    assert_eq!(
        d,
        vec![DayRef::Weekday {
            day: Weekday::Thu,
            before: false
        }]
    );
    assert_eq!(
        days("They spoke on 2025-06-10."),
        vec![DayRef::Stated {
            year: Some(2025),
            month: 6,
            day: 10
        }]
    );
}

proptest::proptest! {
    /// The look for an event word before `OTHER_EVENT` only skips
    /// windows the regex cannot match.
    #[test]
    fn event_precheck_never_skips_a_match(
        pieces in proptest::collection::vec(proptest::sample::select(vec![
            "inaugurated", "Inauguration", "election", "vote", "summit", "met", "meet",
            "meeting", "visited", "since", "\u{17f}ince", "until", "till", "sworn", "took",
            "office", "anniversary", "scheduled", "slated", "set", "for", "previously",
            "TOOK", "to\u{212a}", "the", "x", "_", "9", " ", "\t", "  ", ",", "-",
            "\u{a0}", "remet", "settle",
        ]), 0..10)
    ) {
        let s = pieces.concat();
        if OTHER_EVENT.is_match(&s) {
            proptest::prop_assert!(
                forms::may_hold_word(&s, OTHER_EVENT_WORDS),
                "{:?}",
                s
            );
        }
    }
}

#[test]
fn group_numbers_match_the_pattern() {
    let names: Vec<_> = DATE_EXPR.capture_names().collect();
    let expected = [
        (ISO, "iso"),
        (IY, "iy"),
        (IM, "im"),
        (ID, "id"),
        (SL, "sl"),
        (SM, "sm"),
        (SD, "sd"),
        (SY, "sy"),
        (MDY, "mdy"),
        (MON, "mon"),
        (MD, "md"),
        (MY, "my"),
        (DMY, "dmy"),
        (DD, "dd"),
        (MON2, "mon2"),
        (DY, "dy"),
        (PD, "pd"),
        (PDM, "pdm"),
        (PDD, "pdd"),
        (NTH, "nth"),
        (NTHE, "nthe"),
        (ND, "nd"),
        (KDAYS, "kdays"),
        (KDN, "kdn"),
        (WD, "wd"),
        (WDQ, "wdq"),
        (WDAY, "wday"),
        (WDM, "wdm"),
        (WDD, "wdd"),
        (TODAY, "today"),
        (TDAY, "tday"),
        (YDAY, "yday"),
        (VAGUE, "vague"),
    ];
    assert_eq!(names.len(), expected.len() + 1);
    for (group, name) in expected {
        assert_eq!(names[group], Some(name));
    }
}

#[test]
fn publication_dates_come_only_from_page_lines() {
    assert_eq!(
        page_line_date("Briefings | Speeches | May 11, 2017"),
        Some(date("2017-05-11"))
    );
    assert_eq!(
        page_line_date("Published: 2020-02-20"),
        Some(date("2020-02-20"))
    );
    assert_eq!(page_line_date("2020.02.20 10:31"), Some(date("2020-02-20")));
    assert_eq!(
        page_line_date("입력 2020년 2월 20일"),
        Some(date("2020-02-20"))
    );
    assert_eq!(
        page_line_date("Posted : 3 March 2018 09:00 KST"),
        Some(date("2018-03-03"))
    );
    assert_eq!(
        page_line_date("They last met each other on Dec. 23, 2019, in Beijing."),
        None
    );
}
