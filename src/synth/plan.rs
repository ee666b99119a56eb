//! What a generated corpus reports: the calls (date, the two leaders in
//! office that day, length, start in Seoul time, topics) and the in-person
//! meetings some articles are about instead, and how people are titled.

use std::collections::HashSet;

use chrono::{Duration, NaiveDate};

use super::rng::Rng;
use crate::lexicon::leaders::{Leader, Leaders};
use crate::lexicon::topics::Topics;

/// A call the generated articles report. `start` is Seoul time (KST).
pub(super) struct Plan {
    pub date: NaiveDate,
    pub home: usize,
    pub counterpart: usize,
    pub minutes: u32,
    pub start: (u32, u32),
    pub topics: Vec<usize>,
}

/// An in-person meeting: its articles join no call.
pub(super) struct Meeting {
    pub date: NaiveDate,
    pub home: usize,
    pub counterpart: usize,
    pub venue: &'static str,
}

#[rustfmt::skip]
const VENUES: &[&str] = &[
    "on the sidelines of the G20 summit in Osaka", "on the sidelines of the APEC summit in Da Nang",
    "at the East Asia Summit in Phnom Penh", "on the sidelines of the UN General Assembly in New York",
    "at the NATO summit in Madrid", "on the sidelines of the G7 summit in Hiroshima",
];

/// `n` calls, no two on the same day between the same two leaders: those
/// would be one call to the grouping, and the gold could not tell them apart.
pub(super) fn calls(rng: &mut Rng, leaders: &Leaders, topics: &Topics, n: usize) -> Vec<Plan> {
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let Some((date, home, counterpart)) = pair(rng, leaders) else {
            continue;
        };
        if !seen.insert((date, home, counterpart)) {
            continue;
        }
        let minutes = *rng.pick(&[20, 25, 30, 30, 32, 35, 40, 40, 45, 50, 60, 70]);
        let start = (
            *rng.pick(&[9, 10, 11, 12, 14, 15, 16, 17, 21, 22]),
            *rng.pick(&[0, 0, 0, 5, 12, 15, 28, 30, 30, 45]),
        );
        let k = 1 + rng.below(4);
        let topics = (0..k).map(|_| rng.below(topics.all.len())).collect();
        out.push(Plan {
            date,
            home,
            counterpart,
            minutes,
            start,
            topics,
        });
    }
    out
}

/// `n` meetings, never on a day the same two leaders also spoke by phone.
pub(super) fn meetings(rng: &mut Rng, leaders: &Leaders, n: usize, calls: &[Plan]) -> Vec<Meeting> {
    let busy: HashSet<_> = calls
        .iter()
        .map(|c| (c.date, c.home, c.counterpart))
        .collect();
    (0..n)
        .filter_map(|_| {
            let (date, home, counterpart) = pair(rng, leaders)?;
            let venue = *rng.pick(VENUES);
            (!busy.contains(&(date, home, counterpart))).then_some(Meeting {
                date,
                home,
                counterpart,
                venue,
            })
        })
        .collect()
}

/// A day from March 2003 on, and the two leaders in office then.
fn pair(rng: &mut Rng, leaders: &Leaders) -> Option<(NaiveDate, usize, usize)> {
    for _ in 0..20 {
        let start = NaiveDate::from_ymd_opt(2003, 3, 1)?;
        let date = start + Duration::days(rng.below(8300) as i64);
        let home = *leaders.in_office("KR", date).first()?;
        let country = *rng.pick(&["CN", "CN", "CN", "US", "US", "JP", "RU"]);
        if let Some(&other) = leaders.in_office(country, date).first() {
            return Some((date, home.0, other.0));
        }
    }
    None
}

/// How the press titles a leader on `date`: "President", "acting
/// President", "Prime Minister", "President-elect" (Chinese party leaders
/// are called President in English news).
pub(super) fn title(leader: &Leader, date: NaiveDate) -> String {
    let Some(term) = leader.terms.iter().find(|t| t.covers(date)) else {
        return "President".to_string();
    };
    let office = if term.role.contains("prime minister") {
        "Prime Minister"
    } else {
        "President"
    };
    if date < term.from {
        format!("{office}-elect")
    } else if term.is_acting() {
        format!("acting {office}")
    } else {
        office.to_string()
    }
}

/// The country adjective the press uses ("Chinese", "US").
pub(super) fn adjective<'a>(leaders: &'a Leaders, leader: &Leader) -> &'a str {
    leaders
        .country(&leader.country)
        .and_then(|c| c.adjectives.first())
        .map_or("foreign", String::as_str)
}
