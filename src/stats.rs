//! A picture of the timeline in numbers: calls per year and counterpart,
//! per era, durations over the years, outlets per call, how each call's
//! date was found. Pure: computed from a `Timeline`, read by the
//! `hotline stats` table (`cli::stats`) and the browser's statistics
//! screen (`ui::view::stats`), so the two never disagree.

use chrono::Datelike;
use serde::Serialize;

use crate::export;
use crate::lexicon::leaders::LeaderId;
use crate::model::{DateBasis, Timeline};

/// A span of years wider than this is not filled with empty years: a date
/// misread by centuries must not turn the chart into a thousand empty bars.
const MAX_FILLED_YEARS: i32 = 60;

/// Everything the statistics view and `hotline stats` show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// The counterpart the numbers are confined to, by name; `None`: all.
    pub only: Option<String>,
    pub calls: usize,
    /// Articles of the calls counted (articles in no call are not).
    pub articles: usize,
    /// Counterparts' names, most calls first: the columns of `years`.
    pub counterparts: Vec<String>,
    /// Their surnames ("Xi"), in the same order: the charts' labels.
    #[serde(skip)]
    pub surnames: Vec<String>,
    /// Oldest first; a year between two calls' years is there with zeros.
    pub years: Vec<YearCalls>,
    /// Newest first, as the timeline lists them; eras without calls too.
    pub eras: Vec<EraCalls>,
    pub durations: Vec<YearDurations>,
    /// Most calls first.
    pub outlets: Vec<OutletCount>,
    /// (articles a call has, calls with that many), fewest articles first.
    pub articles_per_call: Vec<(usize, usize)>,
    /// How each call's date was found, in `DateBasis` order, with counts.
    pub date_basis: Vec<(String, usize)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct YearCalls {
    pub year: i32,
    /// One count per `Stats::counterparts`, in that order.
    pub per_counterpart: Vec<usize>,
    pub total: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EraCalls {
    pub leader: String,
    pub from: i32,
    /// `None` while the term runs.
    pub to: Option<i32>,
    pub calls: usize,
}

/// The lengths of one year's calls, in minutes, over those that state one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct YearDurations {
    pub year: i32,
    pub calls: usize,
    /// Calls whose length no article states.
    pub unknown: usize,
    pub min: Option<u32>,
    pub median: Option<u32>,
    pub max: Option<u32>,
}

impl YearDurations {
    /// The table's column names, for `cells`.
    pub const HEADINGS: [&'static str; 6] = ["year", "calls", "unknown", "min", "median", "max"];

    /// One row as both views print it: "?" where no length is known.
    pub fn cells(&self) -> Vec<String> {
        let minutes = |m: Option<u32>| m.map_or("?".to_string(), |m| m.to_string());
        vec![
            self.year.to_string(),
            self.calls.to_string(),
            self.unknown.to_string(),
            minutes(self.min),
            minutes(self.median),
            minutes(self.max),
        ]
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutletCount {
    pub outlet: String,
    /// Calls it reported.
    pub calls: usize,
    /// Its articles about those calls.
    pub articles: usize,
}

/// The statistics of `timeline`, confined to calls with `only` when given.
pub fn compute(timeline: &Timeline, only: Option<LeaderId>) -> Stats {
    let calls: Vec<&crate::model::Call> = timeline
        .calls
        .iter()
        .filter(|c| only.is_none_or(|o| c.counterpart == o))
        .collect();
    let counterparts = counterparts_by_calls(timeline, &calls);
    let names: Vec<String> = counterparts
        .iter()
        .map(|&id| timeline.leader_name(id).to_string())
        .collect();
    let surnames = counterparts
        .iter()
        .map(|&id| capitalized(&timeline.leaders.get(id).surname))
        .collect();

    let mut years: Vec<YearCalls> = year_span(calls.iter().map(|c| c.date.year()))
        .into_iter()
        .map(|year| YearCalls {
            year,
            per_counterpart: vec![0; counterparts.len()],
            total: 0,
        })
        .collect();
    for call in &calls {
        let year = call.date.year();
        if let Some(row) = years.iter_mut().find(|r| r.year == year) {
            row.total += 1;
            if let Some(k) = counterparts.iter().position(|&id| id == call.counterpart)
                && let Some(n) = row.per_counterpart.get_mut(k)
            {
                *n += 1;
            }
        }
    }

    let eras = timeline
        .eras
        .iter()
        .map(|era| EraCalls {
            leader: timeline.leader_name(era.leader).to_string(),
            from: era.from.year(),
            to: era.to.map(|d| d.year()),
            calls: era
                .calls
                .iter()
                .filter_map(|&c| timeline.calls.get(c))
                .filter(|c| only.is_none_or(|o| c.counterpart == o))
                .count(),
        })
        .collect();

    let durations = years
        .iter()
        .filter(|y| y.total > 0)
        .map(|y| {
            let mut known: Vec<u32> = calls
                .iter()
                .filter(|c| c.date.year() == y.year)
                .filter_map(|c| c.duration_minutes.value)
                .collect();
            known.sort_unstable();
            YearDurations {
                year: y.year,
                calls: y.total,
                unknown: y.total - known.len(),
                min: known.first().copied(),
                median: median(&known),
                max: known.last().copied(),
            }
        })
        .collect();

    let mut outlets: Vec<OutletCount> = Vec::new();
    let mut per_call: Vec<(usize, usize)> = Vec::new();
    let mut articles = 0;
    for call in &calls {
        articles += call.articles.len();
        match per_call.iter_mut().find(|(n, _)| *n == call.articles.len()) {
            Some((_, k)) => *k += 1,
            None => per_call.push((call.articles.len(), 1)),
        }
        for name in export::outlets(timeline, call) {
            let told = call
                .articles
                .iter()
                .filter_map(|&a| timeline.articles.get(a))
                .filter(|a| {
                    a.source.as_deref().unwrap_or(export::SOURCE_NOT_STATED) == name.as_str()
                })
                .count();
            match outlets.iter_mut().find(|o| o.outlet == name) {
                Some(o) => {
                    o.calls += 1;
                    o.articles += told;
                }
                None => outlets.push(OutletCount {
                    outlet: name,
                    calls: 1,
                    articles: told,
                }),
            }
        }
    }
    outlets.sort_by(|a, b| {
        b.calls
            .cmp(&a.calls)
            .then(b.articles.cmp(&a.articles))
            .then_with(|| a.outlet.cmp(&b.outlet))
    });
    per_call.sort_unstable();

    let bases = [
        DateBasis::Stated,
        DateBasis::Weekday,
        DateBasis::Published,
        DateBasis::Inferred,
        DateBasis::Unknown,
    ];
    let date_basis = bases
        .iter()
        .map(|&b| {
            let n = calls.iter().filter(|c| c.date_basis == b).count();
            (b.as_str().to_string(), n)
        })
        .filter(|(_, n)| *n > 0)
        .collect();

    Stats {
        only: only.map(|id| timeline.leader_name(id).to_string()),
        calls: calls.len(),
        articles,
        counterparts: names,
        surnames,
        years,
        eras,
        durations,
        outlets,
        articles_per_call: per_call,
        date_basis,
    }
}

/// Counterparts of `calls`, most calls first, then by name.
fn counterparts_by_calls(timeline: &Timeline, calls: &[&crate::model::Call]) -> Vec<LeaderId> {
    let mut counts: Vec<(LeaderId, usize)> = Vec::new();
    for call in calls {
        match counts.iter_mut().find(|(id, _)| *id == call.counterpart) {
            Some((_, n)) => *n += 1,
            None => counts.push((call.counterpart, 1)),
        }
    }
    counts.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then_with(|| timeline.leader_name(a.0).cmp(timeline.leader_name(b.0)))
    });
    counts.into_iter().map(|(id, _)| id).collect()
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Every year from the first to the last (a year without calls is a gap
/// worth seeing), or only the years given when they lie too far apart.
fn year_span(years: impl Iterator<Item = i32>) -> Vec<i32> {
    let mut seen: Vec<i32> = years.collect();
    seen.sort_unstable();
    seen.dedup();
    match (seen.first(), seen.last()) {
        (Some(&a), Some(&b)) if b - a <= MAX_FILLED_YEARS => (a..=b).collect(),
        _ => seen,
    }
}

/// The middle of sorted `values` (the mean of the two middle ones, rounded
/// down, for an even count).
fn median(values: &[u32]) -> Option<u32> {
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => values.get(n / 2).copied(),
        _ => {
            let (a, b) = (values.get(n / 2 - 1)?, values.get(n / 2)?);
            Some(((u64::from(*a) + u64::from(*b)) / 2) as u32)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[5]), Some(5));
        assert_eq!(median(&[10, 30, 40]), Some(30));
        assert_eq!(median(&[10, 20, 30, 41]), Some(25));
        assert_eq!(median(&[u32::MAX, u32::MAX]), Some(u32::MAX));
    }

    #[test]
    fn years_between_calls_are_filled_unless_far_apart() {
        assert_eq!(
            year_span([2020, 2017, 2020].into_iter()),
            vec![2017, 2018, 2019, 2020]
        );
        assert_eq!(year_span([1, 2020].into_iter()), vec![1, 2020]);
        assert_eq!(year_span(std::iter::empty()), Vec::<i32>::new());
    }
}
