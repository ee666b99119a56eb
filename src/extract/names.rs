//! Leader mentions: full names and their variants (case-insensitive),
//! surnames ("President Moon", "Mr. Xi", "Lee") and descriptors ("Chinese
//! President", "his Chinese counterpart", "China's leader"), each resolved
//! to a leader through the names the article spells out and the terms of
//! office at a reference date.

use std::collections::HashSet;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use chrono::NaiveDate;

use super::text::{boundary_after, boundary_before};
use crate::leaders::{LeaderId, Leaders};

/// What a matched phrase names, before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Alias(LeaderId),
    /// Index into `NameMatcher::surnames`.
    Surname(usize),
    /// A country's leader by office; `elect` for "president-elect".
    Role {
        country: usize,
        elect: bool,
    },
}

/// A phrase naming a leader, with its byte span in the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawMention {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

const ROLES: &[&str] = &[
    "president",
    "president-elect",
    "leader",
    "leader-elect",
    "counterpart",
    "prime minister",
    "prime minister-elect",
    "premier",
    "pm",
    "head of state",
    "chairman",
    "state councilor",
];

/// Words that may stand before a surname without making it part of a
/// longer proper name ("President Park", but not "Olympic Park").
const TITLES: &[&str] = &[
    "president",
    "president-elect",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "madam",
    "minister",
    "premier",
    "chairman",
    "leader",
    "secretary",
    "general",
    "dr",
    "dr.",
    "pm",
    "acting",
    "and",
];

/// Every leader-naming phrase of a registry, compiled once per `Leaders`.
#[derive(Debug, Clone)]
pub struct NameMatcher {
    /// Full names and descriptors, case-insensitive.
    phrases: Option<AhoCorasick>,
    /// The patterns of `phrases`, in order.
    pub(super) phrase_patterns: Vec<String>,
    kinds: Vec<Kind>,
    /// Surnames as written ("Lee", "LEE"): case-sensitive, since "han",
    /// "aso" or "hu" turn up inside every other English word.
    surname_ac: Option<AhoCorasick>,
    /// For each `surname_ac` pattern, its index in `surnames`.
    surname_of: Vec<usize>,
    /// Leaders sharing each surname, and the surname as written.
    surnames: Vec<(String, Vec<LeaderId>)>,
    countries: Vec<String>,
}

impl NameMatcher {
    pub fn new(leaders: &Leaders) -> NameMatcher {
        let mut patterns: Vec<String> = Vec::new();
        let mut kinds: Vec<Kind> = Vec::new();
        let mut seen = HashSet::new();
        let mut add = |pattern: String, kind: Kind| {
            if !pattern.trim().is_empty() && seen.insert(pattern.to_ascii_lowercase()) {
                patterns.push(pattern);
                kinds.push(kind);
            }
        };
        for id in leaders.ids() {
            let l = leaders.get(id);
            for alias in std::iter::once(&l.name).chain(&l.aliases) {
                add(alias.clone(), Kind::Alias(id));
            }
        }
        for (ci, c) in leaders.countries.iter().enumerate() {
            let possessives = [format!("{}'s", c.name), format!("{}’s", c.name)];
            for adj in c.adjectives.iter().chain(&possessives) {
                for role in ROLES {
                    let elect = role.ends_with("-elect");
                    add(format!("{adj} {role}"), Kind::Role { country: ci, elect });
                }
            }
        }
        let mut surnames: Vec<(String, Vec<LeaderId>)> = Vec::new();
        for id in leaders.ids() {
            let surname = &leaders.get(id).surname;
            match surnames.iter_mut().find(|(s, _)| s == surname) {
                Some((_, ids)) => ids.push(id),
                None => surnames.push((surname.clone(), vec![id])),
            }
        }
        let mut surname_patterns = Vec::new();
        let mut surname_of = Vec::new();
        for (i, (surname, _)) in surnames.iter().enumerate() {
            for written in [surname.clone(), surname.to_uppercase()] {
                if !written.is_empty() && !surname_patterns.contains(&written) {
                    surname_patterns.push(written);
                    surname_of.push(i);
                }
            }
        }
        let phrases = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .ok();
        let surname_ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&surname_patterns)
            .ok();
        let countries = leaders.countries.iter().map(|c| c.code.clone()).collect();
        NameMatcher {
            phrases,
            phrase_patterns: patterns,
            kinds,
            surname_ac,
            surname_of,
            surnames,
            countries,
        }
    }

    /// The leader-naming phrases of one sentence, in order.
    pub fn scan(&self, sentence: &str) -> Vec<RawMention> {
        match &self.phrases {
            Some(ac) => {
                let found: Vec<(usize, usize, usize)> = ac
                    .find_iter(sentence)
                    .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
                    .collect();
                self.scan_with(sentence, &found)
            }
            None => self.scan_with(sentence, &[]),
        }
    }

    /// `scan`, given what the `phrases` automaton finds in `sentence`
    /// (leftmost-longest, as `(start, end, pattern)`): lets one pass over a
    /// paragraph serve several matchers.
    pub(super) fn scan_with(
        &self,
        sentence: &str,
        phrases: &[(usize, usize, usize)],
    ) -> Vec<RawMention> {
        let mut out = Vec::new();
        let on_word = |start: usize, end: usize| {
            boundary_before(sentence, start) && boundary_after(sentence, end)
        };
        {
            for &(start, end, pattern) in phrases {
                let Some(&kind) = self.kinds.get(pattern) else {
                    continue;
                };
                let keep = on_word(start, end)
                    && match kind {
                        Kind::Role { .. } => {
                            let prev = prev_token(&sentence[..start]).to_ascii_lowercase();
                            !matches!(
                                prev.as_str(),
                                "north" | "former" | "late" | "then" | "ex" | "previous"
                            )
                        }
                        _ => true,
                    };
                if keep {
                    out.push(RawMention { start, end, kind });
                }
            }
        }
        let Some(ac) = &self.surname_ac else {
            return out;
        };
        let phrases = out.len();
        let mut title_case: Option<bool> = None;
        for m in ac.find_iter(sentence) {
            let (start, end) = (m.start(), m.end());
            // A surname inside a full name or descriptor is already counted.
            if !on_word(start, end)
                || out[..phrases]
                    .iter()
                    .any(|p| p.start < end && start < p.end)
            {
                continue;
            }
            let Some(&i) = self.surname_of.get(m.pattern().as_usize()) else {
                continue;
            };
            if stands_alone(sentence, start, end)
                || *title_case.get_or_insert_with(|| is_title_case(sentence))
            {
                out.push(RawMention {
                    start,
                    end,
                    kind: Kind::Surname(i),
                });
            }
        }
        out.sort_by_key(|m| m.start);
        out
    }

    /// The leader a phrase names in an article that spells out `named` in
    /// full, at `date` (publication or call date) when known.
    pub fn resolve(
        &self,
        leaders: &Leaders,
        kind: Kind,
        date: Option<NaiveDate>,
        named: &[LeaderId],
    ) -> Option<LeaderId> {
        let in_office = |id: &LeaderId| date.is_none_or(|d| leaders.get(*id).in_office(d));
        match kind {
            Kind::Alias(id) => Some(id),
            Kind::Surname(i) => {
                let (_, ids) = self.surnames.get(i)?;
                if let Some(id) = named.iter().find(|n| ids.contains(n) && in_office(n)) {
                    return Some(*id);
                }
                match date {
                    Some(d) => by_office(
                        leaders,
                        ids.iter().copied().filter(in_office).collect(),
                        d,
                        false,
                    ),
                    None if ids.len() == 1 => ids.first().copied(),
                    None => None,
                }
            }
            Kind::Role { country, elect } => {
                let code = self.countries.get(country)?;
                if let Some(id) = named
                    .iter()
                    .find(|n| &leaders.get(**n).country == code && in_office(n))
                {
                    return Some(*id);
                }
                let d = date?;
                by_office(leaders, leaders.in_office(code, d), d, elect)
            }
        }
    }
}

/// Of several leaders covering `date`, the one actually in office (or, for
/// "president-elect", the one not yet in office), elected before acting.
fn by_office(
    leaders: &Leaders,
    mut ids: Vec<LeaderId>,
    date: NaiveDate,
    elect: bool,
) -> Option<LeaderId> {
    ids.sort_by_key(|&id| {
        let l = leaders.get(id);
        let sworn = l
            .terms
            .iter()
            .any(|t| t.from <= date && t.to.is_none_or(|to| date <= to));
        (sworn == elect, l.only_acting())
    });
    ids.first().copied()
}

/// A surname stands alone unless a capitalised word glued to it makes it
/// someone else's name ("Lee Kang-in", "Han Chinese", "Olympic Park").
fn stands_alone(sentence: &str, start: usize, end: usize) -> bool {
    let next = sentence[end..].split_whitespace().next().unwrap_or("");
    if sentence[end..].starts_with(char::is_whitespace) && next.starts_with(char::is_uppercase) {
        return false;
    }
    let before = &sentence[..start];
    if !before.ends_with(char::is_whitespace) {
        return true;
    }
    let raw_prev = before.split_whitespace().next_back().unwrap_or("");
    let prev = prev_token(before);
    // Scans run over whole paragraphs: a sentence may start just before.
    let first_word = raw_prev.is_empty()
        || before.trim().len() == raw_prev.len()
        || raw_prev.ends_with(['.', '!', '?', ':', '"', '”'])
            && !TITLES.contains(&raw_prev.to_lowercase().as_str());
    let lower = prev.to_lowercase();
    first_word
        || !prev.starts_with(char::is_uppercase)
        || TITLES.contains(&lower.as_str())
        || lower.ends_with("'s")
        || lower.ends_with("’s")
}

/// The last token before a position, punctuation trimmed.
fn prev_token(before: &str) -> &str {
    before
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .trim_matches(|c: char| {
            !c.is_alphanumeric() && c != '.' && c != '\'' && c != '’' && c != '-'
        })
}

/// Headlines in Title Case capitalise every word, so capitalised
/// neighbours say nothing about names there.
fn is_title_case(sentence: &str) -> bool {
    let mut long_words = 0;
    for w in sentence.split_whitespace() {
        if w.len() > 3 && w.chars().next().is_some_and(char::is_alphabetic) {
            if !w.starts_with(char::is_uppercase) {
                return false;
            }
            long_words += 1;
        }
    }
    long_words >= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_in(sentence: &str, date: &str) -> Vec<String> {
        let leaders = Leaders::embedded();
        let m = NameMatcher::new(&leaders);
        let d: NaiveDate = date.parse().unwrap();
        m.scan(sentence)
            .into_iter()
            .filter_map(|r| m.resolve(&leaders, r.kind, Some(d), &[]))
            .map(|id| leaders.get(id).name.clone())
            .collect()
    }

    #[test]
    fn full_names_and_variants() {
        assert_eq!(
            names_in("moon jae-in met Xi Jin-ping", "2020-01-01"),
            ["Moon Jae-in", "Xi Jinping"]
        );
        assert_eq!(
            names_in("Moon Jane told Mr. Shi", "2020-01-01"),
            ["Moon Jae-in", "Xi Jinping"]
        );
    }

    #[test]
    fn surnames_resolve_by_term_of_office() {
        assert_eq!(
            names_in("President Lee spoke with Mr. Hu.", "2010-06-01"),
            ["Lee Myung-bak", "Hu Jintao"]
        );
        assert_eq!(
            names_in("President Lee spoke with Xi.", "2025-06-10"),
            ["Lee Jae-myung", "Xi Jinping"]
        );
        assert_eq!(
            names_in("South Korea's Yoon and Biden", "2022-05-21"),
            ["Yoon Suk Yeol", "Joe Biden"]
        );
    }

    #[test]
    fn descriptors_resolve_by_country_and_date() {
        assert_eq!(
            names_in("Park spoke with his Chinese counterpart.", "2015-03-01"),
            ["Park Geun-hye", "Xi Jinping"]
        );
        assert_eq!(
            names_in("the Japanese Prime Minister said", "2019-03-01"),
            ["Shinzo Abe"]
        );
        assert_eq!(
            names_in("U.S. President-elect said", "2020-12-01"),
            ["Joe Biden"]
        );
        assert_eq!(
            names_in("the US president said", "2020-12-01"),
            ["Donald Trump"]
        );
    }

    #[test]
    fn other_people_sharing_a_surname_are_not_leaders() {
        assert!(names_in("Lee Kang-in scored twice.", "2025-06-10").is_empty());
        assert!(names_in("They walked in Olympic Park.", "2015-01-01").is_empty());
        assert!(names_in("Most Han Chinese agree.", "2025-01-01").is_empty());
        assert!(names_in("The moon rose.", "2020-01-01").is_empty());
        assert!(names_in("North Korean leader Kim spoke.", "2020-01-01").is_empty());
        assert!(
            names_in(
                "Former South Korean President Park was jailed.",
                "2020-01-01"
            )
            .is_empty()
        );
    }

    #[test]
    fn names_named_in_full_win_over_the_calendar() {
        let leaders = Leaders::embedded();
        let m = NameMatcher::new(&leaders);
        let lee = leaders.by_key("lee-jae-myung").unwrap();
        let r = m.scan("Lee said so.");
        assert_eq!(m.resolve(&leaders, r[0].kind, None, &[lee]), Some(lee));
        assert_eq!(m.resolve(&leaders, r[0].kind, None, &[]), None);
    }
}
