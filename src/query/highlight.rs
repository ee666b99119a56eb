//! What the views draw for a hit, computed only for the articles shown:
//! byte ranges to highlight in the title and body, the best sentence as a
//! snippet, and matched characters in a row of the timeline list.

use super::fold::{find_exact, fold, for_each_word, pieces};
use super::korean;
use super::parse::{Field, Query, Term};
use crate::model::{Article, ParagraphRef};
use crate::sanitize::inert;

/// Terms that point at words of the text (field prefixes match metadata,
/// negated words are not there to see).
fn text_terms(query: &Query) -> Vec<(&Term, Vec<char>)> {
    query
        .positive()
        .filter(|t| t.field == Field::Any)
        .map(|t| (t, t.key()))
        .collect()
}

/// The part of `word` a term covers, as a byte range within it.
fn word_hit(word: &str, term: &Term, q: &[char]) -> Option<(usize, usize)> {
    if term.exact {
        find_exact(word, q)
    } else {
        korean::fuzzy_hit(word, q)
    }
}

/// Byte ranges in `text` matched by any term, sorted and merged. Also
/// reports which terms matched (bit per term) through `seen`.
pub fn ranges(text: &str, terms: &[(&Term, Vec<char>)], seen: &mut u64) -> Vec<(usize, usize)> {
    ranges_upto(text, terms, seen, usize::MAX)
}

/// `ranges`, keeping the first `limit` word hits only (memory bounded
/// whatever the text).
fn ranges_upto(
    text: &str,
    terms: &[(&Term, Vec<char>)],
    seen: &mut u64,
    limit: usize,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for_each_word(text, |s, e| {
        if out.len() >= limit {
            return;
        }
        for (i, (term, q)) in terms.iter().enumerate() {
            if let Some((ws, we)) = word_hit(&text[s..e], term, q) {
                out.push((s + ws, s + we));
                *seen |= 1 << (i % 64);
            }
        }
    });
    merge(out)
}

fn merge(mut v: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    v.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(v.len());
    for (s, e) in v {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

pub fn title_ranges(article: &Article, query: &Query) -> Vec<(usize, usize)> {
    let terms = text_terms(query);
    ranges(&article.title, &terms, &mut 0)
}

/// Body hits highlighted in one article, at most: a hostile text with a
/// million hits highlights its first ones, in bounded memory.
pub const MAX_BODY_RANGES: usize = 10_000;

/// (paragraph, start, end) of each body hit, in reading order, at most
/// `MAX_BODY_RANGES`.
pub fn body_ranges(article: &Article, query: &Query) -> Vec<(usize, usize, usize)> {
    let terms = text_terms(query);
    if terms.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (p, para) in article.paragraphs.iter().enumerate() {
        let left = MAX_BODY_RANGES - out.len();
        if left == 0 {
            break;
        }
        out.extend(
            ranges_upto(para.text, &terms, &mut 0, left)
                .into_iter()
                .take(left)
                .map(|(s, e)| (p, s, e)),
        );
    }
    out
}

/// Longer than any real sentence: bytes.
const LONG_SENTENCE: usize = 64 * 1024;

/// How many words of `text` any term matches (`ranges(..).len()` but for
/// compounds), without keeping them.
fn count_hit_words(text: &str, terms: &[(&Term, Vec<char>)], seen: &mut u64) -> usize {
    let mut n = 0;
    for_each_word(text, |s, e| {
        let mut hit = false;
        for (i, (term, q)) in terms.iter().enumerate() {
            if word_hit(&text[s..e], term, q).is_some() {
                hit = true;
                *seen |= 1 << (i % 64);
            }
        }
        n += usize::from(hit);
    });
    n
}

/// Sentences of a paragraph as byte ranges; a paragraph without sentence
/// bounds is one sentence.
fn sentences(p: ParagraphRef<'_>) -> Vec<(usize, usize)> {
    if p.sentences.is_empty() {
        vec![(0, p.text.len())]
    } else {
        p.sentences
            .iter()
            .map(|&r| crate::model::range_of(r))
            .collect()
    }
}

/// Longest snippet, in characters.
const SNIPPET_CHARS: usize = 200;

/// The sentence holding the most distinct query words (then the most
/// matches; then the earliest), else the lead sentence, else the title.
/// One line, inert.
pub fn snippet(article: &Article, query: &Query) -> String {
    let terms = text_terms(query);
    let mut best: Option<(u32, usize, &str)> = None;
    let mut lead: Option<&str> = None;
    'outer: for p in &article.paragraphs {
        for (s, e) in sentences(p) {
            let Some(text) = p.text.get(s..e) else {
                continue;
            };
            if text.trim().is_empty() {
                continue;
            }
            lead.get_or_insert(text);
            if terms.is_empty() {
                break 'outer;
            }
            let mut seen = 0u64;
            // A sentence of hostile size is counted without keeping its
            // ranges (words of a compound may then count apart).
            let n = if text.len() > LONG_SENTENCE {
                count_hit_words(text, &terms, &mut seen)
            } else {
                ranges(text, &terms, &mut seen).len()
            };
            let key = (seen.count_ones(), n);
            if n > 0 && best.is_none_or(|(d, m, _)| key > (d, m)) {
                best = Some((key.0, key.1, text));
            }
        }
    }
    let text = best.map(|b| b.2).or(lead).unwrap_or(&article.title);
    one_line(text)
}

fn one_line(text: &str) -> String {
    let safe = inert(text, false);
    let mut out = String::with_capacity(safe.len().min(SNIPPET_CHARS * 4));
    for (n, word) in safe.split_whitespace().enumerate() {
        if n > 0 {
            out.push(' ');
        }
        out.push_str(word);
        if out.chars().count() > SNIPPET_CHARS {
            let cut: String = out.chars().take(SNIPPET_CHARS - 1).collect();
            return format!("{}…", cut.trim_end());
        }
    }
    out
}

/// Character indices (not bytes) of `line` that the query matches, for
/// highlighting a row of the timeline list: close words, and pieces of
/// short fields (leaders, outlets, dates) the row shows.
pub fn line_match_indices(line: &str, query: &Query) -> Vec<usize> {
    let chars: Vec<char> = line.chars().map(fold).collect();
    let mut out = Vec::new();
    for term in query.positive() {
        let q: Vec<char> = term.key();
        let mut found = Vec::new();
        if term.field == Field::Any {
            for (s, e) in ranges(line, &[(term, q.clone())], &mut 0) {
                found.extend(char_index(line, s)..char_index(line, e));
            }
        }
        if found.is_empty() && !term.exact && korean::is_initials_key(&q) {
            // 초성 of a leader's Hangul name on the row.
            if let Some((s, e)) = korean::initials_bytes(line, &q) {
                found.extend(char_index(line, s)..char_index(line, e));
            }
        } else if found.is_empty() && !term.exact {
            // A leader's or outlet's name on the row, matched piecewise.
            pieces(&chars, &q, Some(&mut found));
        }
        if found.is_empty() && term.exact {
            // `'exact` on a row: the text anywhere, as in fzf.
            if let Some((s, e)) = find_exact(line, &q) {
                found.extend(char_index(line, s)..char_index(line, e));
            }
        }
        out.extend(found);
    }
    out.sort_unstable();
    out.dedup();
    out
}

fn char_index(line: &str, byte: usize) -> usize {
    line[..byte].chars().count()
}
