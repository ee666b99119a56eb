//! The `:` command line: what a typed command means (`parse`) and what
//! Tab offers (`completions`). Pure over the timeline; `update::command`
//! runs the result, `view::command` draws the line. The text is the
//! user's and so untrusted: it is only compared, never executed, and shown
//! through the same inert rendering as the filter bar.

use chrono::{Datelike, NaiveDate};

use crate::model::Timeline;

/// The commands Tab offers besides leader names and years.
const WORDS: [&str; 4] = ["help", "q", "quit", "stats"];

/// What a command line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// `:q`, `:quit`.
    Quit,
    /// `:help`.
    Help,
    /// `:stats`: the statistics screen.
    Stats,
    /// `:2020`, `:2020-05`, `:2020-05-13`: the call nearest to this span
    /// of days (both ends included).
    Date { from: NaiveDate, to: NaiveDate },
    /// `:moon`: the era of the home leader whose name or alias starts so.
    Era(usize),
    /// Nothing typed: close quietly.
    Empty,
    /// Anything else; the status line says so.
    Unknown(String),
}

/// What `text` asks for in `timeline`.
pub fn parse(timeline: &Timeline, text: &str) -> Command {
    let t = text.trim();
    match t.to_lowercase().as_str() {
        "" => Command::Empty,
        "q" | "quit" => Command::Quit,
        "help" | "h" => Command::Help,
        "stats" | "stat" => Command::Stats,
        lower => {
            if let Some((from, to)) = date_span(lower) {
                Command::Date { from, to }
            } else if let Some(e) = era_named(timeline, lower) {
                Command::Era(e)
            } else {
                Command::Unknown(t.to_string())
            }
        }
    }
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as the days it covers.
fn date_span(text: &str) -> Option<(NaiveDate, NaiveDate)> {
    let parts: Vec<&str> = text.split('-').collect();
    let num = |s: &str, len: usize| -> Option<u32> {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let year = i32::try_from(num(parts.first()?, 4)?).ok()?;
    match parts[..] {
        [_] => Some((
            NaiveDate::from_ymd_opt(year, 1, 1)?,
            NaiveDate::from_ymd_opt(year, 12, 31)?,
        )),
        [_, m] => {
            let from = NaiveDate::from_ymd_opt(year, num(m, 2)?, 1)?;
            let next = from.checked_add_months(chrono::Months::new(1))?;
            Some((from, next.pred_opt()?))
        }
        [_, m, d] => {
            let day = NaiveDate::from_ymd_opt(year, num(m, 2)?, num(d, 2)?)?;
            Some((day, day))
        }
        _ => None,
    }
}

/// The era whose leader's name, surname, short name or an alias starts
/// with `prefix` (lower case); the newest such era.
fn era_named(timeline: &Timeline, prefix: &str) -> Option<usize> {
    timeline.eras.iter().position(|era| {
        let l = timeline.leaders.get(era.leader);
        [&l.name, &l.surname, &l.short, &l.id]
            .into_iter()
            .chain(&l.aliases)
            .any(|n| {
                let n = n.to_lowercase();
                n.starts_with(prefix) || n.split_whitespace().any(|w| w.starts_with(prefix))
            })
    })
}

/// Days between `date` and the span (0 inside it).
pub fn distance(date: NaiveDate, from: NaiveDate, to: NaiveDate) -> i64 {
    if date < from {
        (from - date).num_days()
    } else if date > to {
        (date - to).num_days()
    } else {
        0
    }
}

/// What Tab may complete to: the commands, the home leaders' surnames of
/// the eras (lower case, as typed), and the years the calls fall in.
pub fn candidates(timeline: &Timeline) -> Vec<String> {
    let mut out: Vec<String> = WORDS.iter().map(|w| w.to_string()).collect();
    for era in &timeline.eras {
        let name = timeline.leaders.get(era.leader).surname.to_lowercase();
        if !out.contains(&name) {
            out.push(name);
        }
    }
    let mut years: Vec<i32> = timeline.calls.iter().map(|c| c.date.year()).collect();
    years.sort_unstable();
    years.dedup();
    out.extend(years.iter().rev().map(|y| y.to_string()));
    out
}

/// The candidates `text` begins (case-insensitive), and the longest text
/// all of them share: what Tab puts on the line.
pub fn complete(timeline: &Timeline, text: &str) -> (String, Vec<String>) {
    let lower = text.trim_start().to_lowercase();
    let matches: Vec<String> = candidates(timeline)
        .into_iter()
        .filter(|c| c.starts_with(&lower))
        .collect();
    let common = match matches.split_first() {
        Some((first, rest)) => rest.iter().fold(first.clone(), |acc, m| {
            acc.chars()
                .zip(m.chars())
                .take_while(|(a, b)| a == b)
                .map(|(a, _)| a)
                .collect()
        }),
        None => text.to_string(),
    };
    let line = if common.chars().count() > lower.chars().count() {
        common
    } else {
        text.to_string()
    };
    (line, matches)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("a real date")
    }

    #[test]
    fn dates_become_spans_and_nonsense_does_not() {
        assert_eq!(date_span("2020"), Some((d(2020, 1, 1), d(2020, 12, 31))));
        assert_eq!(date_span("2020-02"), Some((d(2020, 2, 1), d(2020, 2, 29))));
        assert_eq!(
            date_span("2020-05-13"),
            Some((d(2020, 5, 13), d(2020, 5, 13)))
        );
        for bad in [
            "2020-13",
            "2020-02-30",
            "20-05",
            "2020-5",
            "2020-05-13-1",
            "２０２０",
            "-",
        ] {
            assert_eq!(date_span(bad), None, "{bad}");
        }
    }

    #[test]
    fn distance_is_zero_inside_the_span() {
        let (from, to) = (d(2020, 5, 1), d(2020, 5, 31));
        assert_eq!(distance(d(2020, 5, 20), from, to), 0);
        assert_eq!(distance(d(2020, 4, 29), from, to), 2);
        assert_eq!(distance(d(2020, 6, 3), from, to), 3);
    }
}
