//! A publication date read from a page line in the body ("Published:
//! 2020-02-20", "Briefings | … | May 11, 2017", "2020.02.20 10:31").

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::{Captures, Regex};

use super::words::{MONTHS, month_number};

static FULL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)(?P<iy>[0-9]{{4}})[-./](?P<im>[0-9]{{1,2}})[-./](?P<id>[0-9]{{1,2}})(?-u:\b)|(?-u:\b)(?P<mon>{MONTHS})\.?\s+(?P<md>[0-9]{{1,2}}),?\s+(?P<my>[0-9]{{4}})(?-u:\b)|(?-u:\b)(?P<dd>[0-9]{{1,2}})\s+(?P<mon2>{MONTHS})\.?,?\s+(?P<dy>[0-9]{{4}})(?-u:\b)|(?P<ky>[0-9]{{4}})년\s*(?P<km>[0-9]{{1,2}})월\s*(?P<kd>[0-9]{{1,2}})일"
    ))
    .expect("full date regex is valid")
});

static PAGE_LINE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:published|posted|updated|modified|date|released|입력|수정|등록|기사입력)(?-u:\b)|\|",
    )
    .expect("page line regex is valid")
});

/// A full date (with year) on a page line: a short line that is mostly the
/// date, or one marked as page metadata ("Published:", "A | B | date").
/// Dates in running prose are never a publication date.
pub fn page_line_date(line: &str) -> Option<NaiveDate> {
    // Every form of `FULL_DATE` writes the year in four digits.
    if line.len() > 160 || !has_four_digits(line) {
        return None;
    }
    let caps = FULL_DATE.captures(line)?;
    let whole = caps.get(0)?;
    // The words around the date, as if it were a space.
    let words = [&line[..whole.start()], &line[whole.end()..]]
        .iter()
        .flat_map(|part| part.split_whitespace())
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    if words >= 3 && !PAGE_LINE_WORD.is_match(line) {
        return None;
    }
    full_date(&caps)
}

/// Whether `line` holds four ASCII digits in a row.
fn has_four_digits(line: &str) -> bool {
    let mut run = 0;
    line.bytes().any(|b| {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        run == 4
    })
}

fn full_date(caps: &Captures) -> Option<NaiveDate> {
    let n = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
    let y = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<i32>().ok());
    if let Some(year) = y("iy") {
        return NaiveDate::from_ymd_opt(year, n("im")?, n("id")?);
    }
    if let Some(year) = y("my") {
        return NaiveDate::from_ymd_opt(year, month_number(caps.name("mon")?.as_str())?, n("md")?);
    }
    if let Some(year) = y("dy") {
        return NaiveDate::from_ymd_opt(year, month_number(caps.name("mon2")?.as_str())?, n("dd")?);
    }
    NaiveDate::from_ymd_opt(y("ky")?, n("km")?, n("kd")?)
}
