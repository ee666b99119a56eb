//! Filler prose: quotes and sentences over a Zipf-distributed vocabulary
//! (common news words plus pseudo-words), so the vocabulary grows with the
//! corpus as real text does. Filler never states a date, a clock time or a
//! length of time: those come only from the phrases the gold accounts for.

use std::fmt::Write as _;

use super::rng::Rng;
use crate::lexicon::leaders::Leader;

#[rustfmt::skip]
pub(super) const REPORTERS: &[&str] = &[
    "Bae Joo-yon", "Kim Eun-jung", "Park Si-soo", "Lee Haye-ah", "Choi Soo-hyang", "Wang Qi",
    "Zhang Hui", "Jane Chung", "Hyonhee Shin", "Sarah Kim", "Kang Seung-woo", "Yoo Jee-ho",
];

#[rustfmt::skip]
pub(super) const SPOKESPEOPLE: &[&str] = &[
    "presidential spokesperson Kang Yu-jung", "Cheong Wa Dae spokesperson Kang Min-seok",
    "presidential spokesman Kim Eui-kyeom", "senior press secretary Yoon Jae-kwan",
    "deputy national security adviser Kim Tae-hyo", "presidential spokesperson Kim Eun-hye",
];

#[rustfmt::skip]
const COMMON: &[&str] = &[
    "the", "of", "and", "to", "in", "a", "that", "on", "for", "with", "said", "two", "as",
    "was", "is", "by", "their", "at", "it", "he", "his", "will", "from", "be", "have", "also",
    "countries", "leaders", "cooperation", "relations", "president", "government", "would",
    "agreed", "bilateral", "ties", "an", "this", "year", "they", "which", "has", "had", "not",
    "more", "new", "between", "first", "were", "sides", "officials", "after", "during",
    "security", "economic", "peace", "stability", "region", "regional", "development", "issues",
    "talks", "meeting", "summit", "visit", "support", "efforts", "future", "people", "national",
    "international", "policy", "government's", "foreign", "ministry", "statement",
    "spokesperson", "office", "week", "month", "phone", "call", "conversation", "discussed",
    "exchanged", "views", "hope", "expressed", "stressed", "noted", "added", "called", "said",
    "important", "strategic", "partnership", "communication", "dialogue", "mutual", "trust",
    "common", "interests", "global", "economy", "growth", "investment", "markets", "industry",
    "technology", "energy", "climate", "health", "culture", "tourism", "students", "youth",
    "exchanges", "friendship", "neighbors", "neighboring", "history", "anniversary",
    "diplomatic", "normalization", "commitment", "principle", "framework", "consultation",
    "mechanism", "agenda", "priority", "situation", "tension", "tensions", "response",
    "measures", "challenges", "opportunities", "progress", "results", "plan", "plans",
    "administration", "election", "inauguration", "congratulated", "thanked", "invited",
    "welcomed", "proposed", "reaffirmed", "emphasized", "pledged", "vowed", "urged", "shared",
    "understanding", "consensus", "resolution", "vision", "roadmap", "initiative", "project",
    "projects", "companies", "firms", "businesses", "workers", "citizens", "residents",
    "authorities", "agencies", "ministers", "envoys", "delegation", "delegations", "analysts",
    "experts", "observers", "sources", "reporters", "briefing", "remarks", "comments", "tariff",
    "tariffs", "exports", "imports", "sanctions", "missile", "nuclear", "alliance",
];

#[rustfmt::skip]
const SYLLABLES: &[&str] = &[
    "ka", "ro", "mi", "ten", "sa", "lo", "ver", "an", "ti", "pre", "con", "dis", "ment", "al",
    "ic", "ous", "ble", "ter", "gra", "phi", "lu", "nor", "vi", "sto", "pan", "mer", "ex", "ul",
    "qua", "zo", "bri", "dem", "fen", "gal", "hul", "jor", "kes", "lin", "mor", "nex", "pol",
];

pub(super) fn pseudo_word(rng: &mut Rng) -> String {
    let n = 2 + rng.below(3);
    (0..n).map(|_| *rng.pick(SYLLABLES)).collect()
}

/// `n` paragraphs of filler, each ending in a blank line.
pub(super) fn paragraphs(
    rng: &mut Rng,
    out: &mut String,
    n: usize,
    people: (&Leader, &Leader),
    topics: &[&str],
    rare: &[String],
) {
    for _ in 0..n {
        let sentences = 2 + rng.below(4);
        for s in 0..sentences {
            if s > 0 {
                out.push(' ');
            }
            sentence(rng, out, people, topics, rare);
        }
        out.push_str("\n\n");
    }
}

fn sentence(
    rng: &mut Rng,
    out: &mut String,
    (home, other): (&Leader, &Leader),
    topics: &[&str],
    rare: &[String],
) {
    match rng.below(6) {
        0 => {
            let _ = write!(
                out,
                "\"We agreed to work closely on {},\" {} said.",
                rng.pick(topics),
                home.surname
            );
            return;
        }
        1 => {
            let _ = write!(out, "{} said ", other.surname);
        }
        2 => {
            let _ = write!(out, "{} and {} ", home.surname, other.surname);
        }
        _ => {}
    }
    let words = 8 + rng.below(18);
    let start = out.len();
    for w in 0..words {
        if w > 0 {
            out.push(' ');
        }
        if rng.chance(12) {
            out.push_str(&rare[rng.zipf(rare.len())]);
        } else if rng.chance(4) {
            let topic: &str = rng.pick::<&str>(topics);
            out.push_str(topic);
        } else {
            out.push_str(COMMON[rng.zipf(COMMON.len())]);
        }
    }
    if let Some(first) = out[start..].chars().next()
        && first.is_ascii_lowercase()
    {
        out.replace_range(start..start + 1, &first.to_ascii_uppercase().to_string());
    }
    out.push('.');
}
