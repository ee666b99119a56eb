//! Tests of the date reader: the expressions it finds, how they resolve
//! against the publication date, and page-line dates.

use super::*;
use proptest::prelude::*;

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
    let branches = date_branches();
    let info = DATE_EXPR.group_info();
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
    assert_eq!(info.pattern_len(), branches.len());
    let groups: usize = (0..branches.len())
        .map(|p| info.group_len(regex_automata::PatternID::must(p)))
        .sum();
    assert_eq!(groups, expected.len());
    for ((branch, group), name) in expected {
        let pattern = regex_automata::PatternID::must(branch);
        match group {
            // The whole branch: its place in `date_branches`.
            0 => assert_eq!(branches[branch].0, name),
            _ => assert_eq!(info.to_index(pattern, name), Some(group), "{name}"),
        }
    }
}

/// The matches of `DATE_EXPR` in `sentence`, each as its branch's name
/// and its groups' spans, and the same read from the `regex` crate's
/// alternation of the branches (each a named group): they must agree.
fn by_patterns_and_by_alternation(sentence: &str) -> (Vec<Branched>, Vec<Branched>) {
    static ALTERNATION: LazyLock<regex::Regex> = LazyLock::new(|| {
        let branches: Vec<_> = date_branches()
            .iter()
            .map(|(name, p)| format!("(?P<{name}>{p})"))
            .collect();
        regex::Regex::new(&branches.join("|")).expect("valid")
    });
    let branches = date_branches();
    let mut caps = DATE_EXPR.create_captures();
    let (mut ours, mut at) = (Vec::new(), 0);
    loop {
        DATE_EXPR.search_captures(&regex_automata::Input::new(sentence).range(at..), &mut caps);
        let (Some(m), Some(p)) = (caps.get_match(), caps.pattern()) else {
            break;
        };
        let groups = (0..caps.group_len())
            .map(|g| caps.get_group(g).map(|s| (s.start, s.end)))
            .collect();
        ours.push((branches[p.as_usize()].0, groups));
        at = m.end();
    }
    let names: Vec<_> = ALTERNATION.capture_names().collect();
    let theirs = ALTERNATION
        .captures_iter(sentence)
        .map(|c| {
            // The branch: the first named group that took part.
            let from = (1..names.len())
                .find(|&g| c.get(g).is_some())
                .expect("a branch");
            let (name, pattern) = branches
                .iter()
                .find(|(name, _)| names[from] == Some(*name))
                .expect("a branch's group");
            let count = regex::Regex::new(pattern).expect("valid").captures_len();
            let groups = (from..from + count)
                .map(|g| c.get(g).map(|m| (m.start(), m.end())))
                .collect();
            (*name, groups)
        })
        .collect();
    (ours, theirs)
}

type Branched = (&'static str, Vec<Option<(usize, usize)>>);

/// The branches as patterns of one regex read every sentence as their
/// alternation does (leftmost-first): the same matches in the same
/// places, each by the same branch with the same groups.
#[test]
fn the_branches_match_as_their_alternation_does() {
    let sentences = [
        "Moon spoke with Xi on Tuesday, Jan. 26, 2021, for 40 minutes (3.14) and the 4th of May.",
        "The call, on 26 days, came last Monday 3.14 after 2020-02-20 and 03/14/2019; today (20th) too.",
        "Earlier this week and earlier in the day, last night, yesterday, tonight, this morning.",
        "On the 10th; the 3rd; (20th) June 16th, 2025 16 June 2025 on 5 days morning of 12 days",
        "9/11 1.2.3 Mon. Tue x-Monday Mondays Thursday-Friday 12345",
    ];
    for sentence in sentences {
        let (ours, theirs) = by_patterns_and_by_alternation(sentence);
        assert!(ours.len() >= 3, "{sentence}: {ours:?}");
        assert_eq!(ours, theirs, "{sentence}");
    }
}

proptest! {
    #[test]
    fn any_sentence_matches_as_the_alternation_does(
        words in proptest::collection::vec(
            prop_oneof![
                Just("on "), Just("On "), Just("the "), Just("The "), Just("Tuesday"), Just("last "),
                Just("this "), Just("morning "), Just("night"), Just("Jan. "), Just("June "), Just("May"),
                Just("26"), Just("4th"), Just(", "), Just("2025"), Just("."), Just("/"), Just("-"),
                Just("("), Just(")"), Just(" "), Just("days"), Just("of "), Just("today "), Just("earlier "),
                Just("in "), Just("week"), Just("yesterday"), Just("3.14"), Just("\u{a0}"), Just("x"),
            ],
            0..40,
        ),
    ) {
        let sentence = words.concat();
        let (ours, theirs) = by_patterns_and_by_alternation(&sentence);
        prop_assert_eq!(ours, theirs, "{:?}", sentence);
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
