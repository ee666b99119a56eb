//! A one-shot search without the full word index: what `hotline search`
//! does when no word index is kept for the corpus (the first search, or
//! `--no-cache`). The query is parsed first, so only the words it could
//! match are indexed: each article's text is read once, on every core,
//! and a word is kept only when it passes a cheap test that every word
//! the matcher would pick also passes (the same first letters, the exact
//! text inside it, a Hangul syllable for 초성). Everything else (the
//! close-match rule itself, the short fields, the grouping, the ranking,
//! the snippets) is the ordinary `SearchIndex` code run over that small
//! vocabulary, which is why the answer is the filter bar's, to the byte.
//!
//! Why it equals the full index: `eval::compile` picks vocabulary words by
//! a rule on the word alone (`vocab_matches`), and reads a picked word's
//! postings; a word's postings do not depend on which other words are in
//! the vocabulary. So the full vocabulary and this one, which holds every
//! word the rule can pick with the same postings, give the same terms.

use std::collections::HashMap;

use super::Hit;
use super::fold::{fold, fold_into};
use super::index::{Posting, SearchIndex};
use super::korean;
use super::parse::{Field, Query};
use super::words::{WordHash, WordIndex, each_word};
use crate::hangul;
use crate::model::{Article, Timeline};
use crate::pipeline::par;

/// Ranked hits with snippets, as `SearchIndex::build(timeline).search`
/// gives them, without indexing the words the query can not match.
pub fn search(timeline: &Timeline, query: &Query) -> Vec<Hit> {
    let words = words_for(&timeline.articles, query);
    let index = SearchIndex::with_words(timeline, words);
    index.search(timeline, query)
}

/// The word index of `articles` holding only the words a term of `query`
/// could match (with their full postings).
pub fn words_for(articles: &[Article], query: &Query) -> WordIndex {
    let filter = Filter::new(query);
    if filter.wants.is_empty() {
        return WordIndex::default();
    }
    let per_article = par::map(articles, |a| article_words(a, &filter));
    merge(per_article)
}

/// Whether a vocabulary word (folded) is one a term of `query` could
/// match: the words whose postings a one-shot search decodes from a kept
/// word index (`query::kept::kept_index`). The same test as the one this
/// stream applies to the words of the text, on a word already folded, so
/// the two pick the same words (and both every word the matcher picks).
pub fn wanted(query: &Query) -> impl Fn(&str) -> bool + use<> {
    let filter = Filter::new(query);
    move |word| filter.keeps_folded(word)
}

/// What a vocabulary word must pass to be worth indexing for one term.
/// Each is implied by the rule `eval::vocab_matches` applies.
enum Want {
    /// A fuzzy word: close words share their first (up to two) letters,
    /// which is the prefix range the matcher scans.
    Head(String),
    /// `'exact`: the text inside the word.
    Contains(String),
    /// A 초성 key: the matcher scans words holding a Hangul syllable.
    Syllable,
}

struct Filter {
    wants: Vec<Want>,
}

impl Filter {
    fn new(query: &Query) -> Filter {
        let mut wants = Vec::new();
        // Only field-less terms read the words (`compile`); negated ones
        // too, since they drop the articles holding them.
        for term in query.terms.iter().filter(|t| t.field == Field::Any) {
            let key = term.key();
            if term.exact {
                wants.push(Want::Contains(term.text.clone()));
            } else if korean::is_initials_key(&key) {
                wants.push(Want::Syllable);
            } else if !key.is_empty() {
                // An empty key is close to no word (`fold::close`).
                wants.push(Want::Head(key.iter().take(2).collect()));
            }
        }
        Filter { wants }
    }

    /// `keeps` for a word folded already: folding works char by char,
    /// so a folded word's first letters are its text's folded.
    fn keeps_folded(&self, word: &str) -> bool {
        self.wants.iter().any(|want| match want {
            Want::Head(head) => word.starts_with(head.as_str()),
            Want::Syllable => word.chars().any(hangul::is_syllable),
            Want::Contains(text) => word.contains(text.as_str()),
        })
    }

    /// Whether the vocabulary would hold `word` folded into `buf` (left
    /// holding it when kept). Most words fail on their first letters, so
    /// those are folded alone first: folding every word whole costs more
    /// than the rest of the pass.
    fn keeps(&self, word: &str, buf: &mut String) -> bool {
        let mut folded = false;
        for want in &self.wants {
            let hit = match want {
                Want::Head(head) => {
                    let mut chars = word.chars().map(fold);
                    head.chars().all(|h| chars.next() == Some(h))
                }
                // Folding leaves Hangul syllables as they are.
                Want::Syllable => word.chars().any(hangul::is_syllable),
                Want::Contains(text) => {
                    if !folded {
                        buf.clear();
                        fold_into(word, buf);
                        folded = true;
                    }
                    buf.contains(text.as_str())
                }
            };
            if hit {
                if !folded {
                    buf.clear();
                    fold_into(word, buf);
                }
                return true;
            }
        }
        false
    }
}

/// One kept word of one article: folded, its body sentence bits (0 when
/// only in the title) and whether the title holds it.
struct Kept {
    word: Box<str>,
    sentences: u32,
    title: bool,
}

/// The kept words of one article, each once, read as the index reads
/// them (`words::each_word`).
fn article_words(a: &Article, filter: &Filter) -> Vec<Kept> {
    let mut kept: HashMap<Box<str>, (u32, bool), WordHash> = HashMap::default();
    let mut buf = String::new();
    let mut keep = |word: &str, sentences: u32, title: bool| {
        if !filter.keeps(word, &mut buf) {
            return;
        }
        match kept.get_mut(buf.as_str()) {
            Some(entry) => {
                entry.0 |= sentences;
                entry.1 |= title;
            }
            None => {
                kept.insert(buf.as_str().into(), (sentences, title));
            }
        }
    };
    each_word(a, |word, bit| keep(word, bit.unwrap_or(0), bit.is_none()));
    kept.into_iter()
        .map(|(word, (sentences, title))| Kept {
            word,
            sentences,
            title,
        })
        .collect()
}

/// Postings in article order, vocabulary sorted (as `WordIndex::build`).
fn merge(per_article: Vec<Vec<Kept>>) -> WordIndex {
    let mut ids: HashMap<Box<str>, usize, WordHash> = HashMap::default();
    let mut vocab: Vec<Box<str>> = Vec::new();
    let mut body: Vec<Vec<Posting>> = Vec::new();
    let mut title: Vec<Vec<u32>> = Vec::new();
    for (article, kept) in per_article.into_iter().enumerate() {
        let article = article as u32;
        for k in kept {
            let id = *ids.entry(k.word.clone()).or_insert_with(|| {
                vocab.push(k.word);
                body.push(Vec::new());
                title.push(Vec::new());
                vocab.len() - 1
            });
            // A body word always has a sentence bit set.
            if k.sentences != 0 {
                body[id].push(Posting {
                    article,
                    sentences: k.sentences,
                });
            }
            if k.title {
                title[id].push(article);
            }
        }
    }
    WordIndex::from_lists(vocab, body, title)
}
