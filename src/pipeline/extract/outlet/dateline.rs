//! Datelines and wire credits opening a story: "BEIJING, Jan. 26 (Xinhua)
//! --", "Tokyo, June 9 (Jiji Press)--Prime Minister …", "SEOUL (Reuters)
//! -", "(Bloomberg) —", and TASS's house form "MOSCOW, May 11. /TASS/.".

use std::sync::LazyLock;

use regex::Regex;

use super::super::dates::{MONTHS, month_number};
use super::super::korean;
use crate::hangul::is_syllable;

/// A dateline or wire credit opening a story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline<'t> {
    /// Byte offset where the story text proper begins.
    pub end: usize,
    /// "WASHINGTON", "Tokyo": where the story was filed, which tells the
    /// time zone of its days and times.
    pub city: Option<&'t str>,
    pub outlet: Option<&'t str>,
    pub month_day: Option<(u32, u32)>,
    pub year: Option<i32>,
}

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*(?:(?P<city>[A-Z][A-Za-z.'\- ]{{1,30}}(?:,\s*[A-Z][A-Za-z.\- ]{{1,20}})?)(?:,\s*(?P<mon>{MONTHS})\.?\s+(?P<d>[0-9]{{1,2}})(?:,\s*(?P<y>[0-9]{{4}}))?)?\s*)?(?:\((?P<outlet>[^()]+)\)\s*)?(?:--|—|–|-)\s*"
    ))
    .expect("dateline regex is valid")
});

/// TASS's house form: "MOSCOW, May 11. /TASS/.", a city in capitals, an
/// optional date, and the credit between slashes where others put a dash.
static SLASHED_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*(?P<city>[A-Z][A-Z.'\- ]{{1,30}}(?:,\s*[A-Z][A-Z.\- ]{{1,20}})?)(?:,\s*(?P<mon>{MONTHS})\.?\s+(?P<d>[0-9]{{1,2}})(?:,\s*(?P<y>[0-9]{{4}}))?)?(?:\.\s*|\s+)/(?P<outlet>[^/]+)/(?:\.|\s*(?:--|—|–|-))?(?:\s+|$)"
    ))
    .expect("slashed dateline regex is valid")
});

/// Compiles the dateline pattern, which most articles reach (see
/// `Extractor::with_outlets`).
pub(super) fn warm_up() {
    LazyLock::force(&DATELINE);
}

/// "BEIJING, Jan. 26 (Xinhua) --", "SEOUL (Reuters) -", "(Bloomberg) —",
/// "Tokyo, June 9 (Jiji Press)--", "MOSCOW, May 11. /TASS/.".
pub fn dateline(sentence: &str) -> Option<Dateline<'_>> {
    if let Some(d) = korean_dateline(sentence) {
        return Some(d);
    }
    if !may_open_with_dateline(sentence) {
        return None;
    }
    parse(sentence)
}

/// "(서울=연합뉴스) 김태훈 기자 =", "[워싱턴=뉴시스]": looked at only when a
/// bracket and a Hangul syllable open the sentence.
fn korean_dateline(sentence: &str) -> Option<Dateline<'_>> {
    let mut chars = sentence.trim_start().chars();
    if !matches!(chars.next(), Some('(' | '[')) || !chars.next().is_some_and(is_syllable) {
        return None;
    }
    let (end, city, outlet) = korean::outlet::dateline(sentence)?;
    Some(Dateline {
        end,
        city: Some(city),
        outlet: Some(outlet),
        month_day: None,
        year: None,
    })
}

/// `dateline` without the cheap look first.
pub(super) fn parse(sentence: &str) -> Option<Dateline<'_>> {
    let caps = match DATELINE.captures(sentence) {
        Some(caps) => caps,
        None if may_hold_slash(sentence) => SLASHED_DATELINE.captures(sentence)?,
        None => return None,
    };
    let city = caps.name("city").map(|m| m.as_str().trim());
    let outlet = caps
        .name("outlet")
        .map(|m| m.as_str().trim())
        .filter(|o| (2..=40).contains(&o.len()));
    let dated = caps.name("mon").is_some();
    match city {
        // A city in capitals ("SEOUL", "U.S.") before a dash is a dateline
        // with a date or a credit.
        Some(c) if !c.chars().any(|ch| ch.is_ascii_lowercase()) => {
            if outlet.is_none() && !dated {
                return None;
            }
        }
        // A city in any other case ("Tokyo", "Hong Kong") is one only with
        // both, and only in capitalised words: "Moon said (briefly) -" is
        // story text.
        Some(c) => {
            let capitalised = c
                .split([' ', ','])
                .filter(|w| !w.is_empty())
                .all(|w| w.starts_with(|ch: char| ch.is_ascii_uppercase()));
            if outlet.is_none() || !dated || !capitalised {
                return None;
            }
        }
        // "(Bloomberg) —": the credit alone.
        None => {
            outlet?;
        }
    }
    let month_day = match (caps.name("mon"), caps.name("d")) {
        (Some(m), Some(d)) => month_number(m.as_str())
            .zip(d.as_str().parse().ok())
            .filter(|&(_, d)| (1..=31).contains(&d)),
        _ => None,
    };
    let year = caps.name("y").and_then(|y| y.as_str().parse().ok());
    Some(Dateline {
        end: caps.get(0).map_or(0, |m| m.end()),
        city,
        outlet,
        month_day,
        year,
    })
}

/// What a dateline needs first: a city in capitals ("SEOUL", "U.S.") with
/// a credit or a date close behind, a credit in parentheses, the dash
/// itself, or a capitalised city with a date and a credit in parentheses
/// close behind ("Tokyo, June 9 (Jiji Press)"). Nearly every sentence fails
/// this at its first two characters or at a short byte scan, without
/// running the regex.
pub(super) fn may_open_with_dateline(sentence: &str) -> bool {
    let s = sentence.trim_start();
    let head = &s.as_bytes()[..s.len().min(CREDIT_WITHIN)];
    let mut chars = s.chars();
    match chars.next() {
        Some('A'..='Z') => match chars.next() {
            // A credit ('(' or '/') or a date's digit.
            Some('A'..='Z' | '.' | '\'' | '-' | ' ') => head
                .iter()
                .any(|&b| b == b'(' || b == b'/' || b.is_ascii_digit()),
            Some('a'..='z' | ',') => capitalised_and_dated_before_credit(head),
            _ => false,
        },
        Some('(' | '-' | '—' | '–') => true,
        _ => false,
    }
}

/// A city in any case but capitals opens a dateline only with a date and a
/// credit, every word capitalised: before the first '(' there must be a
/// comma and a digit, and no word opening in lowercase ("By Kim Min-ji
/// (Yonhap)" and "President Moon (center) said" fail).
fn capitalised_and_dated_before_credit(head: &[u8]) -> bool {
    let (mut comma, mut digit) = (false, false);
    let mut prev = 0;
    for &b in head {
        match b {
            b'(' => return comma && digit,
            b',' => comma = true,
            b'0'..=b'9' => digit = true,
            b'a'..=b'z' if prev == b' ' || prev == b',' => return false,
            _ => {}
        }
        prev = b;
    }
    false
}

/// Whether a slash stands where `SLASHED_DATELINE` needs its credit.
fn may_hold_slash(sentence: &str) -> bool {
    let head = &sentence.as_bytes()[..sentence.len().min(CREDIT_WITHIN)];
    head.contains(&b'/')
}

/// How far into a sentence a dateline's credit can open: a city of at most
/// 31 bytes, a state of 22, a date of 20; with room for spacing.
const CREDIT_WITHIN: usize = 160;

/// A credit is accepted unknown only in a dateline, and only when it reads
/// like a name rather than an editor's note ("(Adds background.)").
pub(super) fn looks_like_outlet(credit: &str) -> bool {
    let words: Vec<&str> = credit.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 4
        && !credit.contains([',', ';', '.', ':'])
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
}
