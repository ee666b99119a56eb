//! What the filter bar does with Korean: the key a query word is matched
//! by (a Hangul word without its particle, 통화를 → 통화, the way the index
//! also holds it) and 초성 search (ㅅㅈㅍ → 시진핑), over the vocabulary,
//! the short-field tables and the words highlighted. The Hangul rules
//! themselves live in `crate::hangul`; this file decides where the query
//! side uses them.

use super::fold::close;
use super::rank;
use crate::hangul::{has_hangul, initials_match, is_initial_jamo, is_syllable, stem};

/// A query word made of initial consonants, possibly with whole syllables
/// among them (ㅅㅈㅍ, 시ㅈㅍ, 시진ㅍ: what a Korean user has typed while
/// the last syllable is still a bare consonant): matched by 초성.
pub fn is_initials_key(q: &[char]) -> bool {
    q.iter().any(|&c| is_initial_jamo(c)) && q.iter().all(|&c| is_initial_jamo(c) || is_syllable(c))
}

/// The chars a term is matched by. A fuzzy Hangul word drops its particle
/// (시진핑과 → 시진핑) so it finds every form the text uses; a 초성 word
/// and an exact word (`'통화를`, fzf's exact) are kept as typed.
pub fn key(text: &str, exact: bool) -> Vec<char> {
    if exact || !has_hangul(text) {
        return text.chars().collect();
    }
    let q: Vec<char> = text.chars().collect();
    if is_initials_key(&q) {
        return q;
    }
    stem(text).chars().collect()
}

/// Where a 초성 key matches `text` (one word or a short field): byte range.
/// The match is contiguous syllables of one word (`hangul::initials_match`).
pub fn initials_bytes(text: &str, q: &[char]) -> Option<(usize, usize)> {
    let query: String = q.iter().collect();
    let at = initials_match(&query, text)?;
    let (first, last) = (*at.first()?, *at.last()?);
    let mut start = None;
    let mut end = None;
    for (n, (i, c)) in text.char_indices().enumerate() {
        if n == first {
            start = Some(i);
        }
        if n == last {
            end = Some(i + c.len_utf8());
            break;
        }
    }
    Some((start?, end?))
}

/// The part of `word` a fuzzy (non-exact) key covers, as a byte range: by
/// 초성 for a 초성 key, else the close-match rule.
pub fn fuzzy_hit(word: &str, q: &[char]) -> Option<(usize, usize)> {
    if is_initials_key(q) {
        initials_bytes(word, q)
    } else {
        close(word, q).map(|(_, end)| (0, end))
    }
}

/// The bonus a vocabulary word earns by 초성: a whole word ranks like a
/// whole word typed out, a word's start like a prefix, the inside of a
/// word least.
pub fn initials_bonus(word: &str, q: &[char]) -> Option<u32> {
    let (s, e) = initials_bytes(word, q)?;
    Some(if s == 0 && e == word.len() {
        rank::WHOLE_BONUS
    } else if s == 0 {
        10
    } else {
        2
    })
}

/// The bonus a short field (a leader's names, an outlet, a topic) earns
/// by 초성: any of its words, the whole word best.
pub fn initials_bonus_in_field(field: &str, q: &[char]) -> Option<u32> {
    let (s, e) = initials_bytes(field, q)?;
    let before = field[..s].chars().next_back();
    let after = field[e..].chars().next();
    let whole = !before.is_some_and(is_syllable) && !after.is_some_and(is_syllable);
    Some(if whole { rank::WHOLE_BONUS } else { 10 })
}

/// Vocabulary words a 초성 key matches, with their bonus. `initials`
/// holds, for each vocabulary word with a syllable, its id and its 초성
/// (`hangul::initial_consonants`), built once per index: a pure 초성 key
/// is then a substring test, and only words that pass it are matched
/// properly (word start first, mixed syllables).
pub fn vocab_by_initials(
    vocab: &super::postings::Vocab,
    initials: &[(u32, Box<str>)],
    q: &[char],
) -> Vec<(u32, u32)> {
    let pure: String = q
        .iter()
        .map(|&c| {
            if is_syllable(c) {
                crate::hangul::initial_consonants(&c.to_string())
                    .chars()
                    .next()
                    .unwrap_or(c)
            } else {
                c
            }
        })
        .collect();
    initials
        .iter()
        .filter(|(_, ini)| ini.contains(pure.as_str()))
        .filter_map(|&(id, _)| {
            let word = vocab.get(id as usize)?;
            initials_bonus(word, q).map(|b| (id, b))
        })
        .collect()
}

/// Whether `term` matches a subset of what `previous` matched, for the
/// Hangul cases `Term::narrows` cannot see from the typed text: the keys
/// must be of the same kind (초성 or not), and the new key must extend the
/// old one (통화 → 통화를 keeps the key 통화; 통화하 → 통화하는 drops back to
/// 통화 and matches more).
pub fn keys_narrow(new: &[char], old: &[char]) -> bool {
    is_initials_key(new) == is_initials_key(old) && new.starts_with(old)
}
