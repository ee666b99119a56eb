//! What every generated article draws on (`Ctx`), what it reports back
//! (`Written`), and the small pieces call stories and other stories share:
//! page noise, decoy numbers, closing credits, capitalising.

use std::collections::HashMap;
use std::fmt::Write as _;

use chrono::NaiveDate;

use super::credit::Credit;
use super::plan::{Meeting, Plan};
use super::rng::Rng;
use crate::lexicon::leaders::{Leader, Leaders};
use crate::lexicon::topics::Topics;

/// An article and the facts the gold takes from it.
pub(super) struct Written {
    pub text: String,
    /// The call it reports; None for a meeting story.
    pub call: Option<usize>,
    pub source: Option<&'static str>,
    pub published: Option<NaiveDate>,
    pub states_minutes: bool,
    pub states_start: bool,
}

/// What every article draws on.
pub(super) struct Ctx<'a> {
    pub leaders: &'a Leaders,
    pub topics: &'a Topics,
    pub rare: &'a [String],
    pub calls: &'a [Plan],
    pub meetings: &'a [Meeting],
    /// Calls by (home, counterpart), for roundups and meetings to cite.
    pub by_pair: HashMap<(usize, usize), Vec<usize>>,
}

impl Ctx<'_> {
    pub(super) fn people(&self, home: usize, other: usize) -> (&Leader, &Leader) {
        (&self.leaders.all[home], &self.leaders.all[other])
    }

    /// One plain keyword per topic, for headlines and filler.
    pub(super) fn topic_words(&self, plan: &Plan) -> Vec<&str> {
        plan.topics
            .iter()
            .map(|&t| {
                self.topics.all[t]
                    .keywords
                    .iter()
                    .find(|k| !k.contains('…'))
                    .map_or("trade", String::as_str)
            })
            .collect()
    }
}

/// Boilerplate before the story: "Article content", Korean page metadata,
/// a reading-time line (never this call's length).
pub(super) fn noise(rng: &mut Rng, out: &mut String, published: Option<NaiveDate>, minutes: u32) {
    if rng.chance(10) {
        out.push_str("Article content\n");
    }
    if let Some(p) = published.filter(|_| rng.chance(10)) {
        let d = p.format("%Y.%m.%d");
        let _ = writeln!(
            out,
            "입력 {d} 14:{:02} 수정 {d} 15:{:02}",
            rng.below(60),
            rng.below(60)
        );
    }
    if rng.chance(10) {
        let _ = writeln!(
            out,
            "{} min read\n",
            other_than(rng, &[2, 3, 4, 5, 6, 8], minutes)
        );
    }
}

/// A number from `pool` unlike `not`, so a decoy never agrees by chance.
pub(super) fn other_than(rng: &mut Rng, pool: &[u32], not: u32) -> u32 {
    let k = *rng.pick(pool);
    if k == not { k + 5 } else { k }
}

pub(super) fn close(out: &mut String, credit: &Credit) {
    if !credit.closing.is_empty() {
        out.push_str(&credit.closing);
        out.push('\n');
    }
}

/// "acting President" opening a sentence.
pub(super) fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
