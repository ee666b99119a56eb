//! Korean dates: "2018년 9월 4일", "3월 20일", "13일", "지난 5일" (the most
//! recent 5th before publication), "전날"/"어제" (the day before the
//! article's), "오늘"/"이날" (the article's day, as wire copy uses 이날),
//! "지난해 5월 11일" (last year). Each is read into the English side's
//! `DayRef` and resolved by the same `dates::resolve`, so both languages
//! agree on what a day means; a date tied to another event by the words
//! after it (취임, 정상회담, 발사, 이후 …) is marked background.

use std::ops::Range;
use std::sync::LazyLock;

use chrono::{Datelike, Months, NaiveDate};
use regex::Regex;

use super::window;
use crate::model::DateBasis;
use crate::pipeline::extract::dates::{DayRef, resolve};

/// A Korean date expression in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KoDate {
    /// The day, resolved against the publication date; `None` when it
    /// cannot be (no publication date for "13일", or an impossible day).
    pub date: Option<NaiveDate>,
    /// What the text said, in the English reader's terms (for
    /// `dates::resolve` and the evidence of the fact).
    pub day: DayRef,
    /// "13일", "지난 5일": the day of the month stated.
    pub day_of_month: Option<u32>,
    /// Days back from the article's day: 0 for 오늘/이날, 1 for 전날/어제.
    pub relative: Option<i64>,
    /// Byte span in the sentence, qualifiers included ("지난 5일").
    pub span: Range<usize>,
    pub basis: DateBasis,
    /// Another event's day, not the call's ("지난 1일 발사한", "5월 10일
    /// 취임 이후"): the English `DateExpr::background`.
    pub background: bool,
}

static KO_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<full>(?P<y>[0-9]{4})\s*년\s*(?P<fm>[0-9]{1,2})\s*월\s*(?P<fd>[0-9]{1,2})\s*일)
      | (?P<md>(?P<lastyear>(?:지난해|작년)\s*)?(?P<m>[0-9]{1,2})\s*월\s*(?P<d>[0-9]{1,2})\s*일)
      | (?P<dom>(?P<past>지난\s*)?(?P<dd>[0-9]{1,2})\s*일)
      | (?P<rel>전날|어젯밤|어제|간밤|오늘|이날|당일)
    ",
    )
    .expect("Korean date regex is valid")
});

/// What may follow "N일" when it counts days rather than naming one:
/// 3일간, 3일째, 3일 동안, 3일 만에, 3일 뒤, 3일 후, 3일 전, 3일 연속, and
/// the ends of a range (13일부터, 15일까지).
const NOT_A_DAY: &[&str] = &[
    "간", "째", "동안", "만에", "뒤", "후", "전", "부터", "까지", "연속", "~", "-", "∼",
];

/// Words after a date (within its clause) that make it another event's.
const OTHER_EVENT: &[&str] = &[
    "취임",
    "정상회담",
    "회담",
    "회동",
    "만남",
    "만났",
    "방문",
    "방한",
    "방중",
    "방일",
    "발사",
    "핵실험",
    "도발",
    "선거",
    "대선",
    "당선",
    "이후",
    "이래",
    "당시",
    "개최",
    "열린",
    "열리는",
    "예정",
    "계기",
    "에 이어",
    "기념",
];

/// Words after a date that make it the call's, when they come before any
/// event word ("13일 통화에서", "이날 오후 전화통화").
const CALL_AFTER: &[&str] = &["통화", "전화"];

/// How far after a date its clause is read for event words, in bytes.
const LOOK_AFTER: usize = 60;

/// Every Korean date expression in a sentence, left to right, resolved
/// against `published`. Left out: day counts (3일간, 3일 만에), ranges
/// (13일부터, 15일까지), impossible days (32일, 13월 5일), 오늘날
/// ("nowadays"), and digits glued to other digits or Latin letters. A day
/// its month lacks (2월 30일) is kept, with `date: None`.
pub fn korean_dates(sentence: &str, published: Option<NaiveDate>) -> Vec<KoDate> {
    let mut found = Vec::new();
    for caps in KO_DATE.captures_iter(sentence) {
        let Some(whole) = caps.get(0) else { continue };
        let (start, end) = (whole.start(), whole.end());
        let after = &sentence[end..];
        let before = sentence[..start].chars().next_back();
        if before.is_some_and(|c| c.is_ascii_alphanumeric()) {
            continue;
        }
        let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
        let (day, relative) = if caps.name("full").is_some() {
            let year = caps.name("y").and_then(|m| m.as_str().parse::<i32>().ok());
            let (Some(month), Some(day)) = (num("fm"), num("fd")) else {
                continue;
            };
            (DayRef::Stated { year, month, day }, None)
        } else if caps.name("md").is_some() {
            let (Some(month), Some(day)) = (num("m"), num("d")) else {
                continue;
            };
            // 지난해 5월 11일: the publication year less one.
            let year = caps.name("lastyear").and(published).map(|p| p.year() - 1);
            (DayRef::Stated { year, month, day }, None)
        } else if caps.name("dom").is_some() {
            let Some(dom) = num("dd") else { continue };
            let trimmed = after.trim_start();
            if NOT_A_DAY.iter().any(|w| trimmed.starts_with(w)) {
                continue;
            }
            (DayRef::DayOfMonth(dom), None)
        } else {
            if after.starts_with('날') {
                continue;
            }
            match caps.name("rel").map(|m| m.as_str()) {
                Some("전날" | "어제" | "어젯밤" | "간밤") => (DayRef::Yesterday, Some(1)),
                Some(_) => (DayRef::Today(None), Some(0)),
                None => continue,
            }
        };
        if !plausible(day) {
            continue;
        }
        let mut r = resolve(day, published);
        // 지난 5일 is before the article's day: on the 5th itself it is
        // last month's 5th.
        if caps.name("past").is_some()
            && let (Some(d), Some(p)) = (r.date, published)
            && d == p
        {
            r.date = p
                .checked_sub_months(Months::new(1))
                .and_then(|m| NaiveDate::from_ymd_opt(m.year(), m.month(), d.day()));
        }
        found.push(KoDate {
            date: r.date,
            day,
            day_of_month: r.day_of_month,
            relative,
            span: start..end,
            basis: r.basis,
            background: is_background(after),
        });
    }
    found
}

/// Month 1–12 and day 1–31: "45일" and "13월" are not dates.
fn plausible(day: DayRef) -> bool {
    match day {
        DayRef::Stated { month, day, .. } => (1..=12).contains(&month) && (1..=31).contains(&day),
        DayRef::DayOfMonth(d) => (1..=31).contains(&d),
        _ => true,
    }
}

/// An event word in the date's clause before any call word: "지난 1일
/// 발사한", "2019년 12월 23일 청두에서 열린 정상회담", "5월 11일 첫 통화
/// 이후" (the call word comes first, but 이후 makes the whole a since).
fn is_background(after: &str) -> bool {
    let clause = window(after, LOOK_AFTER);
    let first_event = OTHER_EVENT.iter().filter_map(|w| clause.find(w)).min();
    let first_call = CALL_AFTER.iter().filter_map(|w| clause.find(w)).min();
    let since = ["이후", "이래", "에 이어"]
        .iter()
        .any(|w| clause.contains(w));
    match (first_event, first_call) {
        (Some(_), _) if since => true,
        (Some(e), Some(c)) => e < c,
        (Some(_), None) => true,
        (None, _) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    /// (matched text, resolved date, background) of each expression.
    fn read(s: &str, published: Option<NaiveDate>) -> Vec<(&str, Option<NaiveDate>, bool)> {
        korean_dates(s, published)
            .into_iter()
            .map(|k| (&s[k.span], k.date, k.background))
            .collect()
    }

    #[test]
    fn day_of_month() {
        let p = Some(d(2020, 5, 14));
        assert_eq!(
            read("문재인 대통령은 13일 시진핑 국가주석과 통화했다.", p),
            [("13일", Some(d(2020, 5, 13)), false)]
        );
        // A day after publication's is last month's.
        assert_eq!(
            read("20일 통화에서", p),
            [("20일", Some(d(2020, 4, 20)), false)]
        );
        let k = &korean_dates("13일 통화", p)[0];
        assert_eq!((k.day_of_month, k.basis), (Some(13), DateBasis::Stated));
        assert_eq!(read("13일 통화", None), [("13일", None, false)]);
    }

    #[test]
    fn last_nth_is_strictly_before() {
        assert_eq!(
            read("이 대통령은 지난 5일 통화했다.", Some(d(2025, 6, 9))),
            [("지난 5일", Some(d(2025, 6, 5)), false)]
        );
        assert_eq!(
            read("지난 5일 통화했다.", Some(d(2025, 6, 5))),
            [("지난 5일", Some(d(2025, 5, 5)), false)]
        );
    }

    #[test]
    fn relative_days() {
        let p = Some(d(2021, 1, 27));
        for (s, back) in [
            ("전날", 1),
            ("어제", 1),
            ("어젯밤", 1),
            ("오늘", 0),
            ("이날", 0),
        ] {
            let k = &korean_dates(&format!("두 정상은 {s} 오후 통화했다."), p)[0];
            assert_eq!(k.relative, Some(back), "{s}");
            assert_eq!(k.date, Some(d(2021, 1, 27 - back as u32)), "{s}");
            assert_eq!(k.basis, DateBasis::Published, "{s}");
        }
        assert_eq!(korean_dates("이날 통화", None)[0].date, None);
    }

    #[test]
    fn stated_dates() {
        let p = Some(d(2018, 9, 5));
        assert_eq!(
            read("2018년 9월 4일 통화에서", p),
            [("2018년 9월 4일", Some(d(2018, 9, 4)), false)]
        );
        assert_eq!(
            read("3월 20일 통화", p),
            [("3월 20일", Some(d(2018, 3, 20)), false)]
        );
        // Later in the year than publication: last year's.
        assert_eq!(
            read("12월 1일 통화", p),
            [("12월 1일", Some(d(2017, 12, 1)), false)]
        );
        assert_eq!(
            read("지난해 5월 11일 통화", p),
            [("지난해 5월 11일", Some(d(2017, 5, 11)), false)]
        );
        assert_eq!(read("2월 30일 통화", p), [("2월 30일", None, false)]);
        let k = &korean_dates("2018년 9월 4일", None)[0];
        assert_eq!((k.date, k.basis), (Some(d(2018, 9, 4)), DateBasis::Stated));
    }

    #[test]
    fn counts_ranges_and_impossible_days_are_not_dates() {
        let p = Some(d(2020, 5, 14));
        for s in [
            "3일간 방문했다",
            "취임 3일 만에 통화했다",
            "3일째 이어졌다",
            "13일부터 15일까지",
            "45일",
            "13월 5일",
            "COVID19일",
            "5일 동안",
            "오늘날 한중 관계는",
        ] {
            assert_eq!(read(s, p), [], "{s}");
        }
    }

    #[test]
    fn other_events_are_background() {
        let p = Some(d(2022, 3, 25));
        assert_eq!(
            read(
                "북한이 지난 24일 발사한 ICBM에 대해 25일 통화에서 논의했다.",
                p
            ),
            [
                ("지난 24일", Some(d(2022, 3, 24)), true),
                ("25일", Some(d(2022, 3, 25)), false)
            ]
        );
        assert_eq!(
            read("2019년 12월 23일 청두에서 열린 정상회담 이후 처음이다.", p),
            [("2019년 12월 23일", Some(d(2019, 12, 23)), true)]
        );
        assert_eq!(
            read("지난해 5월 11일 첫 통화 이후 두 번째다.", p),
            [("지난해 5월 11일", Some(d(2021, 5, 11)), true)]
        );
        assert_eq!(
            read("5월 10일 취임한 윤 당선인은", p),
            [("5월 10일", Some(d(2021, 5, 10)), true)]
        );
    }
}
