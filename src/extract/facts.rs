//! The facts of the call an article reports: who was on it, and the day,
//! start time and length stated in sentences about *that* call. A fact
//! counts only in a sentence with a call word ("phone", "spoke", "talks",
//! …), and only when no other foreign leader is named closer to it than
//! the counterpart — so "spoke for 20 minutes with Trump on June 6" in a
//! story about a call with Xi is left out.

use std::sync::LazyLock;

use chrono::{NaiveDate, NaiveTime};
use regex::Regex;

use super::clock::start_times;
use super::dates::{DayRef, Resolved, call_date_exprs, resolve};
use super::duration::durations;
use crate::leaders::{LeaderId, Leaders};
use crate::model::{CallFacts, DateBasis};

/// One sentence as the fact finders see it.
#[derive(Debug, Clone)]
pub struct Sent<'t> {
    pub text: &'t str,
    /// The headline or one of the first body sentences: where a report
    /// names its call.
    pub lead: bool,
    /// Holds a call word (`is_call_sentence`).
    pub call: bool,
    /// Leaders named, with byte spans, in order.
    pub mentions: Vec<(usize, usize, LeaderId)>,
}

static CALL_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:(?:tele)?phon(?:e|ed|es)|calls?|called|conversations?|spoke|speak|speaks|speaking|talk|talks|talked|teleconference|videoconference|video\s+conference)(?-u:\b)")
        .expect("call word regex is valid")
});

/// "called for cooperation", "calls on Seoul", "so-called" are not calls.
static NOT_A_CALL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s+(?:(?i:for|upon)(?-u:\b)|(?i:on)\s+(?:the\s+)?(?:\p{Ll}|[A-Z][a-z]*\s+(?:to|not)(?-u:\b)))",
    )
    .expect("not-a-call regex is valid")
});

/// A substring of every `CALL_WORD` match (ASCII case aside): a sentence
/// with none of these holds no call word.
pub const CALL_STEMS: &[&str] = &[
    "phon",
    "call",
    "conversation",
    "spoke",
    "speak",
    "talk",
    "conference",
];

pub fn is_call_sentence(s: &str) -> bool {
    CALL_WORD.find_iter(s).any(|m| {
        let word = m.as_str().to_ascii_lowercase();
        let calling = word.starts_with("call");
        !(calling && (NOT_A_CALL.is_match(&s[m.end()..]) || s[..m.start()].ends_with("so-")))
    })
}

/// Home leader and counterpart: the leaders named most where it counts —
/// lead sentences and call sentences weigh three times as much each. With
/// a publication date, leaders in office (or elect) then come first, so a
/// predecessor named at length does not take the call.
pub fn participants(
    leaders: &Leaders,
    sents: &[Sent],
    published: Option<NaiveDate>,
) -> (Option<LeaderId>, Option<LeaderId>) {
    let mut scores: Vec<(LeaderId, u32, usize)> = Vec::new();
    for (order, s) in sents.iter().enumerate() {
        let weight = if s.lead { 3 } else { 1 } * if s.call { 3 } else { 1 };
        let mut seen: Vec<LeaderId> = Vec::new();
        for &(_, _, id) in &s.mentions {
            if seen.contains(&id) {
                continue;
            }
            seen.push(id);
            match scores.iter_mut().find(|(l, _, _)| *l == id) {
                Some(entry) => entry.1 += weight,
                None => scores.push((id, weight, order)),
            }
        }
    }
    let best = |home: bool| {
        scores
            .iter()
            .filter(|(id, _, _)| leaders.is_home(*id) == home)
            .max_by(|a, b| {
                let serving = |id: LeaderId| published.is_none_or(|d| leaders.get(id).in_office(d));
                serving(a.0)
                    .cmp(&serving(b.0))
                    .then(a.1.cmp(&b.1))
                    .then(b.2.cmp(&a.2))
            })
            .map(|(id, _, _)| *id)
    };
    (best(true), best(false))
}

/// Whether a fact at `start..end` belongs to the counterpart's call: the
/// nearest foreign leader named in the sentence, if any, is the counterpart.
fn belongs(
    leaders: &Leaders,
    s: &Sent,
    start: usize,
    end: usize,
    counterpart: Option<LeaderId>,
) -> bool {
    let Some(counterpart) = counterpart else {
        return true;
    };
    let distance = |a: usize, b: usize| {
        if b <= start {
            start - b
        } else {
            a.saturating_sub(end)
        }
    };
    s.mentions
        .iter()
        .filter(|(_, _, id)| !leaders.is_home(*id))
        .min_by_key(|&&(a, b, _)| distance(a, b))
        .is_none_or(|&(_, _, id)| id == counterpart)
}

/// Facts weighed per kind: reports state their call's facts early, and a
/// cap keeps a pathological text (one endless sentence) linear.
const MAX_CANDIDATES: usize = 64;

/// Date, start time and length of the call, read from its call sentences.
pub fn call_facts(
    leaders: &Leaders,
    sents: &[Sent],
    captions: &[Sent],
    published: Option<NaiveDate>,
    dateline_month_day: Option<(u32, u32)>,
    home: Option<LeaderId>,
    counterpart: Option<LeaderId>,
) -> CallFacts {
    let mut days: Vec<(Resolved, DayRef)> = Vec::new();
    let mut minutes: Option<u32> = None;
    let mut start: Option<NaiveTime> = None;
    let mut any_call_sentence = false;
    for s in sents.iter().filter(|s| s.call) {
        any_call_sentence = true;
        let fits = |a: usize, b: usize| belongs(leaders, s, a, b, counterpart);
        if days.len() < MAX_CANDIDATES {
            for e in call_date_exprs(s.text).into_iter().take(MAX_CANDIDATES) {
                if fits(e.start, e.end) {
                    days.push((resolve(e.day, published), e.day));
                }
            }
        }
        if minutes.is_none() {
            minutes = durations(s.text)
                .into_iter()
                .take(MAX_CANDIDATES)
                .find(|&(a, b, _)| fits(a, b))
                .map(|(_, _, m)| m);
        }
        if start.is_none() {
            start = start_times(s.text)
                .into_iter()
                .take(MAX_CANDIDATES)
                .find(|&(a, b, _)| fits(a, b))
                .map(|(_, _, t)| t);
        }
    }
    if days.is_empty() {
        // A photo caption ("… over the phone on Thursday.") still dates the call.
        for s in captions.iter().filter(|s| s.call) {
            for e in call_date_exprs(s.text).into_iter().take(MAX_CANDIDATES) {
                if belongs(leaders, s, e.start, e.end, counterpart) {
                    days.push((resolve(e.day, published), e.day));
                }
            }
        }
    }
    let mut facts = CallFacts {
        home,
        counterpart,
        duration_minutes: minutes,
        start_time: start,
        ..CallFacts::default()
    };
    choose_day(&mut facts, &days, published);
    if facts.date.is_none() && published.is_none() && facts.month_day.is_none() {
        // Undated wire copy: the dateline's day lets grouping pin the call
        // ("SEOUL, Jan. 11 (Yonhap) -- ... on Wednesday").
        facts.month_day = dateline_month_day;
    }
    if facts.date.is_none()
        && days.is_empty()
        && any_call_sentence
        && home.is_some()
        && counterpart.is_some()
    {
        // No day word at all in a report of the call: a same-day report.
        facts.date = published;
        if published.is_some() {
            facts.date_basis = DateBasis::Published;
        }
        if published.is_none() {
            facts.month_day = dateline_month_day;
        }
    }
    facts
}

/// The strongest basis wins (stated > weekday > published), then the
/// earliest mention; unresolved weekdays and days are kept for grouping.
fn choose_day(facts: &mut CallFacts, days: &[(Resolved, DayRef)], published: Option<NaiveDate>) {
    let dated = days
        .iter()
        .filter(|(r, _)| r.date.is_some() && published.is_none_or(|p| r.date <= Some(p)))
        .enumerate()
        .max_by(|(i, a), (j, b)| a.0.basis.cmp(&b.0.basis).then(j.cmp(i)));
    if let Some((_, (r, _))) = dated {
        facts.date = r.date;
        facts.date_basis = r.basis;
        facts.weekday = r.weekday;
    }
    facts.weekday = facts
        .weekday
        .or_else(|| days.iter().find_map(|(r, _)| r.weekday));
    facts.day_of_month = days.iter().find_map(|(r, _)| r.day_of_month);
    if facts.date.is_none() {
        facts.month_day = days.iter().find_map(|(r, _)| r.month_day);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_call_word_holds_a_stem() {
        for word in [
            "phone",
            "phoned",
            "phones",
            "telephone",
            "telephoned",
            "call",
            "calls",
            "called",
            "conversation",
            "conversations",
            "spoke",
            "speak",
            "speaks",
            "speaking",
            "talk",
            "talks",
            "talked",
            "teleconference",
            "videoconference",
            "video  conference",
            "PHONE",
            "Talked",
            "tal\u{212a}s",
        ] {
            let lower = word
                .to_ascii_lowercase()
                .replace('\u{212a}', "k")
                .replace('\u{17f}', "s");
            assert!(CALL_WORD.is_match(word), "{word}");
            assert!(CALL_STEMS.iter().any(|s| lower.contains(s)), "{word}");
        }
    }

    #[test]
    fn call_words() {
        assert!(is_call_sentence("Moon spoke with Xi."));
        assert!(is_call_sentence("in a telephone conversation with Moon"));
        assert!(is_call_sentence("The call on Tuesday lasted long."));
        assert!(is_call_sentence("They held phone talks."));
        assert!(!is_call_sentence(
            "Xi called for cooperation to safeguard free trade."
        ));
        assert!(!is_call_sentence("He calls on Seoul to act."));
        assert!(!is_call_sentence("the so-called peace process"));
        assert!(!is_call_sentence(
            "They last met each other on Dec. 23, 2019."
        ));
    }
}
