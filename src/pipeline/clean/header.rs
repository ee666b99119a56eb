//! The ` date YYYY-MM-DD headline` line that opens a seed article, and
//! what is wrong with a header date that is not a real date.

use crate::sanitize;
use chrono::NaiveDate;

/// ` date 2025-06-10 rest…` (any case and spacing before the numbers) →
/// the date and the rest of the line. The line is a header whenever it
/// reads like one (`-`, `/` or `.` between one- or two-digit numbers),
/// but only a real date written `YYYY-MM-DD` gives a date:
/// `header_date_problem` says what is wrong with the others.
pub(super) fn parse_header(line: &str) -> Option<(Option<NaiveDate>, &str)> {
    let (written, rest) = header_date_text(line)?;
    let strict = written.len() == 10
        && written.as_bytes()[4] == b'-'
        && written.as_bytes()[7] == b'-'
        && written.bytes().filter(u8::is_ascii_digit).count() == 8;
    // Digits checked above: a plain read beats a format-string parse on
    // every file.
    let num = |range: std::ops::Range<usize>| written.get(range)?.parse::<u32>().ok();
    let date = strict
        .then(|| NaiveDate::from_ymd_opt(i32::try_from(num(0..4)?).ok()?, num(5..7)?, num(8..10)?))
        .flatten();
    Some((date, rest))
}

/// The date as written in a header line, and the rest of the line.
pub(super) fn header_date_text(line: &str) -> Option<(&str, &str)> {
    let s = line.trim_start();
    if s.len() < 4 || !s.as_bytes()[..4].eq_ignore_ascii_case(b"date") {
        return None;
    }
    let from = s[4..].trim_start_matches([' ', ':']);
    let (_, s) = take_digits(from, 4, 4)?;
    let s = s.strip_prefix(['-', '/', '.'])?;
    let (_, s) = take_digits(s, 1, 2)?;
    let s = s.strip_prefix(['-', '/', '.'])?;
    let (_, rest) = take_digits(s, 1, 2)?;
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some((&from[..from.len() - rest.len()], rest))
}

/// When a text starts with a date header whose date is not a real
/// `YYYY-MM-DD` date (` date 2021-02-30`, `2021-13-01`, `2021-1-1`), the
/// date as written (inert), for a warning naming it.
pub fn header_date_problem(text: &str) -> Option<String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.split('\n').next()?;
    match parse_header(first) {
        Some((None, rest)) => {
            let (written, _) = header_date_text(first)?;
            debug_assert!(first.ends_with(rest));
            Some(sanitize::inert(written, false).into_owned())
        }
        _ => None,
    }
}

pub(super) fn take_digits(s: &str, min: usize, max: usize) -> Option<(u32, &str)> {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    if n < min || n > max {
        return None;
    }
    Some((s[..n].parse().ok()?, &s[n..]))
}
