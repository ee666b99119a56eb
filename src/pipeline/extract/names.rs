//! Leader mentions: full names and their variants (case-insensitive),
//! surnames ("President Moon", "Mr. Xi", "Lee") and descriptors ("Chinese
//! President", "his Chinese counterpart", "China's leader"), each resolved
//! to a leader through the names the article spells out and the terms of
//! office at a reference date.

use std::collections::HashSet;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use chrono::NaiveDate;

use super::korean::names::{DESCRIPTOR_TITLES, KoSurnames, particle_follows};
use super::text::Found;
use super::text::{boundary_after, boundary_before, is_word_char};
use crate::lexicon::leaders::{LeaderId, Leaders};

pub use super::mention::{Kind, RawMention};

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
    /// Full names and descriptors, case-insensitive. Built on first use:
    /// the extractor's shared pass usually finds these phrases itself.
    phrases: OnceLock<Option<AhoCorasick>>,
    /// The patterns of `phrases`, in order.
    phrase_patterns: Vec<String>,
    kinds: Vec<Kind>,
    /// Surnames as written ("Lee", "LEE"): case-sensitive, since "han",
    /// "aso" or "hu" turn up inside every other English word.
    surname_patterns: Vec<String>,
    /// `surname_patterns` as one automaton, built on first use: the shared
    /// pass usually finds surnames itself (see `surnames_are_words`).
    surname_ac: OnceLock<Option<AhoCorasick>>,
    /// For each surname pattern, its index in `surnames`.
    surname_of: Vec<usize>,
    /// The surname patterns up to ASCII case, each once, with the patterns
    /// spelt so: what the shared pass looks for.
    surname_spellings: Vec<(String, Vec<usize>)>,
    /// Every surname pattern is letters and digits only, so a surname on
    /// word boundaries is a whole word, which the shared pass can find
    /// (see `surname_word`).
    pub(super) surnames_are_words: bool,
    /// Leaders sharing each surname, and the surname as written.
    surnames: Vec<(String, Vec<LeaderId>)>,
    /// Korean one-syllable surnames (문, 시): names only before a title.
    ko_surnames: KoSurnames,
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
            for ko in &c.ko_names {
                for &(title, elect) in DESCRIPTOR_TITLES {
                    add(format!("{ko} {title}"), Kind::Role { country: ci, elect });
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
        let ko_surnames = KoSurnames::new(leaders, &mut surnames);
        let mut surname_patterns = Vec::new();
        let mut surname_of = Vec::new();
        for (i, (surname, _)) in surnames.iter().enumerate() {
            if ko_surnames.holds(i) {
                continue;
            }
            for written in [surname.clone(), surname.to_uppercase()] {
                if !written.is_empty() && !surname_patterns.contains(&written) {
                    surname_patterns.push(written);
                    surname_of.push(i);
                }
            }
        }
        let mut surname_spellings: Vec<(String, Vec<usize>)> = Vec::new();
        for (p, written) in surname_patterns.iter().enumerate() {
            let spelling = written.to_ascii_lowercase();
            match surname_spellings.iter_mut().find(|(s, _)| *s == spelling) {
                Some((_, patterns)) => patterns.push(p),
                None => surname_spellings.push((spelling, vec![p])),
            }
        }
        let surnames_are_words = surname_patterns.iter().all(|p| p.chars().all(is_word_char));
        let countries = leaders.countries.iter().map(|c| c.code.clone()).collect();
        NameMatcher {
            phrases: OnceLock::new(),
            phrase_patterns: patterns,
            kinds,
            surname_patterns,
            surname_ac: OnceLock::new(),
            surname_of,
            surname_spellings,
            surnames_are_words,
            surnames,
            ko_surnames,
            countries,
        }
    }

    fn phrases(&self) -> Option<&AhoCorasick> {
        self.phrases
            .get_or_init(|| {
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&self.phrase_patterns)
                    .ok()
            })
            .as_ref()
    }

    fn surname_ac(&self) -> Option<&AhoCorasick> {
        self.surname_ac
            .get_or_init(|| {
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&self.surname_patterns)
                    .ok()
            })
            .as_ref()
    }

    /// What the shared pass looks for on this matcher's behalf: the name
    /// phrases, and the surname spellings when surnames are whole words
    /// (none otherwise: `scan_with` then finds them itself).
    pub(super) fn shared_patterns(&self) -> (&[String], &[(String, Vec<usize>)]) {
        let surnames: &[(String, Vec<usize>)] = if self.surnames_are_words {
            &self.surname_spellings
        } else {
            &[]
        };
        (&self.phrase_patterns, surnames)
    }

    /// The leader-naming phrases of one sentence, in order.
    pub fn scan(&self, sentence: &str) -> Vec<RawMention> {
        let found: Vec<Found> = self.phrases().map_or_else(Vec::new, |ac| {
            ac.find_iter(sentence)
                .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
                .collect()
        });
        let mut out = Vec::new();
        self.scan_with(sentence, &found, None, &mut out);
        out
    }

    /// `scan` into `out` (replacing its contents), given what the `phrases`
    /// automaton finds in `sentence` (leftmost-longest, as `(start, end,
    /// pattern)`) and, when known, its surnames (`surname_word`, by start):
    /// lets one pass over a paragraph serve several matchers.
    pub(super) fn scan_with(
        &self,
        sentence: &str,
        phrases: &[Found],
        surnames: Option<&[Found]>,
        out: &mut Vec<RawMention>,
    ) {
        out.clear();
        let on_word = |start: usize, end: usize| {
            boundary_before(sentence, start) && boundary_after(sentence, end)
        };
        for &(start, end, pattern) in phrases {
            let Some(&kind) = self.kinds.get(pattern) else {
                continue;
            };
            // Korean glues particles to names: "트럼프와".
            let keep = (on_word(start, end)
                || boundary_before(sentence, start) && particle_follows(sentence, start, end))
                && match kind {
                    Kind::Role { .. } => {
                        let prev = prev_token(&sentence[..start]);
                        // "전 미국 대통령": the former one.
                        !["north", "former", "late", "then", "ex", "previous", "전"]
                            .iter()
                            .any(|w| prev.eq_ignore_ascii_case(w))
                    }
                    _ => true,
                };
            if keep {
                out.push(RawMention { start, end, kind });
            }
        }
        let searched: Vec<Found>;
        let surnames = match surnames {
            Some(found) => found,
            None => {
                let Some(ac) = self.surname_ac() else {
                    return;
                };
                searched = ac
                    .find_iter(sentence)
                    .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
                    .filter(|&(start, end, _)| on_word(start, end))
                    .collect();
                &searched
            }
        };
        // Both lists run by start without overlaps, so one cursor over the
        // phrases finds the one a surname could lie in.
        let phrases = out.len();
        let mut phrase = 0;
        let mut title_case: Option<bool> = None;
        for &(start, end, pattern) in surnames {
            while phrase < phrases && out[phrase].end <= start {
                phrase += 1;
            }
            // A surname inside a full name or descriptor is already counted.
            if phrase < phrases && out[phrase].start < end {
                continue;
            }
            let Some(&i) = self.surname_of.get(pattern) else {
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
        self.ko_surnames.scan(sentence, out);
        out.sort_by_key(|m| m.start);
    }

    /// The surname pattern written at `start..end` of `text`, where the
    /// shared pass found `surname_spellings[spelling]` (ASCII case aside),
    /// if it stands on word boundaries: a surname `scan` looks at.
    ///
    /// With `surnames_are_words`, these are exactly the surnames the
    /// leftmost-longest surname automaton finds on word boundaries: such a
    /// match is a whole word (a maximal run of word characters), and no
    /// other match can overlap a whole word without containing the
    /// non-word character before or after it, which no pattern holds; of
    /// the patterns starting at a word's start, only the whole word itself
    /// ends on a boundary, and it is the longest.
    pub(super) fn surname_word(
        &self,
        text: &str,
        start: usize,
        end: usize,
        spelling: usize,
    ) -> Option<usize> {
        let written = text.as_bytes().get(start..end)?;
        let (_, patterns) = self.surname_spellings.get(spelling)?;
        let pattern = patterns.iter().copied().find(|&p| {
            self.surname_patterns
                .get(p)
                .is_some_and(|s| s.as_bytes() == written)
        })?;
        (boundary_before(text, start) && boundary_after(text, end)).then_some(pattern)
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
                // "Putin" after "Vladimir Putin": the one the text named,
                // even on a day the term table gives the office to another.
                let holder = date.and_then(|d| {
                    by_office(
                        leaders,
                        ids.iter().copied().filter(in_office).collect(),
                        d,
                        false,
                    )
                });
                if holder.is_none()
                    && let Some(id) = named.iter().find(|n| ids.contains(n))
                {
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
    let after = &sentence[end..];
    if after.starts_with(char::is_whitespace) && after.trim_start().starts_with(char::is_uppercase)
    {
        return false;
    }
    let before = &sentence[..start];
    if !before.ends_with(char::is_whitespace) {
        return true;
    }
    // The last word before, and what precedes it (only looked at up to
    // its last word, so a paragraph of surnames stays linear).
    let head = before.trim_end();
    let (others, raw_prev) = head.rsplit_once(char::is_whitespace).unwrap_or(("", head));
    let prev = trim_token(raw_prev);
    if !prev.starts_with(char::is_uppercase) {
        return true;
    }
    // Scans run over whole paragraphs: a sentence may start just before.
    let first_word = others.trim_end().is_empty()
        || raw_prev.ends_with(['.', '!', '?', ':', '"', '”']) && !is_title(raw_prev);
    first_word || is_title(prev) || is_possessive(prev)
}

/// One of `TITLES`, in any case.
fn is_title(word: &str) -> bool {
    if word.is_ascii() {
        TITLES.iter().any(|t| word.eq_ignore_ascii_case(t))
    } else {
        TITLES.iter().any(|t| lowercases_to(word, t))
    }
}

/// Ends in "'s" or "’s", in any case.
fn is_possessive(word: &str) -> bool {
    word.strip_suffix(['s', 'S'])
        .is_some_and(|w| w.ends_with(['\'', '’']))
}

/// `word.to_lowercase() == ascii_lower` for a lower-case ASCII
/// `ascii_lower`, without building the String.
fn lowercases_to(word: &str, ascii_lower: &str) -> bool {
    // Besides ASCII letters only the Kelvin sign lower-cases to ASCII (a
    // test checks every char).
    let mut want = ascii_lower.chars();
    word.chars().all(|c| {
        let lower = match c {
            '\u{212a}' => 'k',
            c if c.is_ascii() => c.to_ascii_lowercase(),
            _ => return false,
        };
        want.next() == Some(lower)
    }) && want.next().is_none()
}

/// The last token before a position, punctuation trimmed.
fn prev_token(before: &str) -> &str {
    trim_token(before.split_whitespace().next_back().unwrap_or(""))
}

/// A token without the punctuation around it.
fn trim_token(token: &str) -> &str {
    token.trim_matches(|c: char| {
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
mod lowercase_tests;
#[cfg(test)]
mod tests;
