//! How surely a sentence reports the article's call: its tier. A call
//! word and the two leaders in the lead are surest; a sentence about
//! another foreign leader's call has no tier at all. `report` reads each
//! fact from the surest tier that states it.

use super::facts::Sent;
use crate::lexicon::leaders::{LeaderId, Leaders};

/// How surely a sentence reports the article's call; lower is surer.
pub type Tier = u8;

/// The two leaders of the call, as far as the article names them.
#[derive(Debug, Clone, Copy)]
pub struct Parties<'l> {
    pub leaders: &'l Leaders,
    pub home: Option<LeaderId>,
    pub counterpart: Option<LeaderId>,
}

/// The sentences worth reading facts from, surest first, each with its tier.
pub fn ranked_sentences(parties: &Parties, sents: &[Sent]) -> Vec<(usize, Tier)> {
    // Room for every sentence: a list grown as it filled cost copies.
    let mut ranked: Vec<(usize, Tier)> = Vec::with_capacity(sents.len());
    ranked.extend((0..sents.len()).filter_map(|i| tier(parties, sents, i).map(|t| (i, t))));
    ranked.sort_by_key(|&(i, t)| (t, i));
    ranked
}

/// How surely sentence `i` reports the article's call:
/// 0 — a call word and the counterpart (or "the two leaders") in the lead;
/// 1 — the two leaders in the lead, next to a call sentence about no other
///     leader ("Moon and Xi agreed Thursday …" before "The two leaders spoke
///     for 40 minutes", "The call began at 9 p.m.");
/// 2 — the two leaders in the lead of an article that reports their call
///     further down;
/// 3 — a call word and the counterpart or the pair, anywhere;
/// 4 — a call word and the home leader;
/// 5 — a call word and no leader ("The call lasted 30 minutes").
///
/// A sentence naming another foreign leader and not the counterpart is
/// about another call: no tier.
fn tier(cx: &Parties, sents: &[Sent], i: usize) -> Option<Tier> {
    let s = &sents[i];
    if !s.call && !s.lead {
        return None;
    }
    let people = people_of(cx, s);
    if people.other && !people.counterpart {
        return None;
    }
    // "The two leaders" is looked for only when the names leave it open.
    let pair = || (people.home && people.counterpart) || names_the_pair(s.text);
    if s.call {
        let named = people.counterpart || pair();
        return Some(match () {
            _ if named && s.lead => 0,
            _ if named => 3,
            _ if people.home => 4,
            _ => 5,
        });
    }
    let reports_beside = |j: usize| {
        sents.get(j).is_some_and(|n| {
            n.call && {
                let p = people_of(cx, n);
                p.counterpart || !p.other
            }
        })
    };
    if !s.lead || !pair() {
        return None;
    }
    let beside = i.checked_sub(1).is_some_and(reports_beside) || reports_beside(i + 1);
    if beside {
        return Some(1);
    }
    // The pair in the lead of an article that reports their call further
    // down: "Park and Abe agreed on Monday …", quotes, then "The two
    // leaders spoke by phone for 30 minutes."
    (0..sents.len()).any(reports_beside).then_some(2)
}

/// Who a sentence names, as far as the call is concerned.
#[derive(Debug, Clone, Copy, Default)]
struct People {
    home: bool,
    counterpart: bool,
    /// A foreign leader other than the counterpart.
    other: bool,
}

fn people_of(cx: &Parties, s: &Sent) -> People {
    let mut p = People::default();
    for &(_, _, id) in s.mentions {
        if Some(id) == cx.home {
            p.home = true;
        } else if Some(id) == cx.counterpart {
            p.counterpart = true;
        } else if !cx.leaders.is_home(id) {
            p.other = true;
        }
    }
    p
}

/// "The two leaders", "both leaders", "the two presidents", "the two sides".
pub fn names_the_pair(text: &str) -> bool {
    // Every phrase holds "leaders", "presidents" or "sides": most sentences
    // hold none, and a plain search rules them out without a copy.
    if !(text.contains("leaders") || text.contains("presidents") || text.contains("sides")) {
        return false;
    }
    // In any ASCII case: the phrases are lowercase, so a lowercased copy
    // is searched (a window-by-window comparison per phrase cost more).
    let lower = text.to_ascii_lowercase();
    [
        "two leaders",
        "both leaders",
        "two presidents",
        "the two sides",
        "the leaders ",
    ]
    .iter()
    .any(|p| lower.contains(p))
}

#[cfg(test)]
mod tests {
    use super::names_the_pair;

    #[test]
    fn the_pair_is_named_in_any_case_once_a_lowercase_word_is_there() {
        assert!(names_the_pair("The two leaders spoke for 30 minutes."));
        assert!(names_the_pair("Both Leaders agreed, the leaders said."));
        assert!(names_the_pair("The Two Sides talked; both sides agreed."));
        assert!(names_the_pair("the two presidents spoke"));
        assert!(names_the_pair("as the leaders agreed"));
        // The lowercase word must stand somewhere; "the leaders" needs a
        // word after it.
        assert!(!names_the_pair("THE TWO LEADERS SPOKE"));
        assert!(!names_the_pair("They thanked the leaders."));
        assert!(names_the_pair("The leaders of both sides met."));
        assert!(!names_the_pair("They met both sides."));
        assert!(!names_the_pair("Moon and Xi spoke by phone."));
    }
}
