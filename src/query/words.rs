//! The word index (`WordIndex`): every folded word of the articles' titles
//! and paragraphs with its postings, built from the text alone, on every
//! core for a big corpus. It is the costly part of the search index to
//! build and the part the cache keeps (`query::kept`); its storage is
//! `query::postings`.

use std::collections::HashMap;

use super::fold::{fold_into, for_each_word};
use super::postings::{Lists, Posting, Vocab};
use crate::hangul;
use crate::model::Article;
use crate::pipeline::par;

/// The part of the index read from the articles' text alone (titles,
/// paragraphs, sentence bounds, in corpus order): the costly part to
/// build, and the part the cache keeps (`query::kept::index_for`). The rest
/// depends on the grouping and is cheap.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WordIndex {
    /// Folded words, sorted.
    pub vocab: Vocab,
    /// Body postings per word.
    pub body: Lists<Posting>,
    /// Title postings (articles) per word.
    pub title: Lists<u32>,
}

impl WordIndex {
    /// Built on every core for a big corpus: each core indexes a run of
    /// articles, and the runs' sorted vocabularies are merged, each
    /// word's postings laid end to end (runs are in article order).
    pub fn build(articles: &[Article]) -> WordIndex {
        let parts = if articles.len() >= PARALLEL_BUILD_FROM {
            par::workers().min(4)
        } else {
            1
        };
        let step = articles.len().div_ceil(parts).max(1);
        let runs: Vec<std::ops::Range<usize>> = (0..parts)
            .map(|p| (p * step).min(articles.len())..((p + 1) * step).min(articles.len()))
            .collect();
        let built = par::map_on(&runs, parts, |run| {
            build_words(articles, run.clone()).finish()
        });
        WordIndex::merge(built)
    }

    /// The index of words given in any order, each with its body and
    /// title postings (sorted by article).
    pub(super) fn from_lists(
        words: Vec<Box<str>>,
        body: Vec<Vec<Posting>>,
        title: Vec<Vec<u32>>,
    ) -> WordIndex {
        WordIndex::merge(vec![Run::sorted(words, body, title)])
    }

    /// One index of `runs` (each sorted by word, in article order).
    fn merge(runs: Vec<Run>) -> WordIndex {
        let mut at = vec![0usize; runs.len()];
        let mut index = WordIndex::default();
        let total = runs.iter().map(|r| r.words.len()).max().unwrap_or(0);
        index.vocab.ends.reserve(total);
        loop {
            let next = runs
                .iter()
                .zip(&at)
                .filter_map(|(run, &i)| run.words.get(i))
                .min();
            let Some(word) = next else { break };
            let holders: Vec<(usize, usize)> = runs
                .iter()
                .zip(&at)
                .enumerate()
                .filter(|(_, (run, i))| run.words.get(**i) == Some(word))
                .map(|(r, (_, &i))| (r, i))
                .collect();
            index.vocab.push(word);
            index
                .body
                .push(holders.iter().map(|&(r, i)| runs[r].body[i].as_slice()));
            index
                .title
                .push(holders.iter().map(|&(r, i)| runs[r].title[i].as_slice()));
            for (r, _) in holders {
                at[r] += 1;
            }
        }
        index.vocab.text.shrink_to_fit();
        index.vocab.ends.shrink_to_fit();
        index.body.items.shrink_to_fit();
        index.body.ends.shrink_to_fit();
        index.title.items.shrink_to_fit();
        index.title.ends.shrink_to_fit();
        index
    }

    /// Whether every posting names one of `articles` articles, in order:
    /// what a word index read from a file must pass before it is used.
    pub fn fits(&self, articles: usize) -> bool {
        let n = articles as u64;
        self.body.len() == self.vocab.len()
            && self.title.len() == self.vocab.len()
            && self.vocab.is_well_formed()
            && self.body.fits(n)
            && self.title.fits(n)
    }
}

/// From this many articles the word index is built on every core. (The
/// merge is cheap: sorted vocabularies, postings laid end to end.)
const PARALLEL_BUILD_FROM: usize = 2_000;

/// Words in sorted order, with their postings, for a run of articles.
pub(super) struct Run {
    words: Vec<Box<str>>,
    body: Vec<Vec<Posting>>,
    title: Vec<Vec<u32>>,
}

impl Run {
    fn sorted(words: Vec<Box<str>>, body: Vec<Vec<Posting>>, title: Vec<Vec<u32>>) -> Run {
        let mut order: Vec<usize> = (0..words.len()).collect();
        order.sort_unstable_by(|&a, &b| words[a].cmp(&words[b]));
        let mut words: Vec<Option<Box<str>>> = words.into_iter().map(Some).collect();
        let mut body: Vec<Option<Vec<Posting>>> = body.into_iter().map(Some).collect();
        let mut title: Vec<Option<Vec<u32>>> = title.into_iter().map(Some).collect();
        let mut run = Run {
            words: Vec::with_capacity(order.len()),
            body: Vec::with_capacity(order.len()),
            title: Vec::with_capacity(order.len()),
        };
        for i in order {
            run.words.push(words[i].take().unwrap_or_default());
            run.body.push(body[i].take().unwrap_or_default());
            run.title.push(title[i].take().unwrap_or_default());
        }
        run
    }
}

/// The word index of the articles in `run` (numbered as in `articles`).
fn build_words(articles: &[Article], run: std::ops::Range<usize>) -> WordsBuilder {
    let mut words = WordsBuilder::default();
    for i in run {
        words.add_article(i as u32, &articles[i]);
    }
    words
}

/// Hashes a word with one call of xxh3, seeded once per process (so text
/// made to collide can not be planned): the default SipHash took an
/// eighth of the word index's build.
#[derive(Clone, Copy)]
pub(super) struct WordHash(u64);

impl Default for WordHash {
    fn default() -> WordHash {
        static SEED: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
        WordHash(
            *SEED.get_or_init(|| {
                std::hash::BuildHasher::hash_one(&std::hash::RandomState::new(), 0u64)
            }),
        )
    }
}

impl std::hash::BuildHasher for WordHash {
    type Hasher = WordHasher;

    fn build_hasher(&self) -> WordHasher {
        WordHasher(self.0)
    }
}

pub(super) struct WordHasher(u64);

impl std::hash::Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.0 = xxhash_rust::xxh3::xxh3_64_with_seed(bytes, self.0);
    }

    /// `str`'s end marker: mixed in without a second pass of xxh3.
    fn write_u8(&mut self, byte: u8) {
        self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Accumulates postings article by article. Postings come out sorted by
/// article because articles are added in order.
#[derive(Default)]
struct WordsBuilder {
    ids: HashMap<Box<str>, u32, WordHash>,
    words: Vec<Box<str>>,
    body: Vec<Vec<Posting>>,
    title: Vec<Vec<u32>>,
    buf: String,
}

impl WordsBuilder {
    fn id(&mut self, word: &str) -> usize {
        self.buf.clear();
        fold_into(word, &mut self.buf);
        if let Some(&id) = self.ids.get(self.buf.as_str()) {
            return id as usize;
        }
        let id = self.words.len();
        let key: Box<str> = self.buf.as_str().into();
        self.ids.insert(key.clone(), id as u32);
        self.words.push(key);
        self.body.push(Vec::new());
        self.title.push(Vec::new());
        id
    }

    fn add_article(&mut self, article: u32, a: &Article) {
        each_word(a, |word, bit| match bit {
            Some(bit) => self.add_body(word, article, bit),
            None => self.add_title(word, article),
        });
    }

    fn add_body(&mut self, word: &str, article: u32, bit: u32) {
        let id = self.id(word);
        let list = &mut self.body[id];
        match list.last_mut() {
            Some(last) if last.article == article => last.sentences |= bit,
            _ => list.push(Posting {
                article,
                sentences: bit,
            }),
        }
    }

    fn add_title(&mut self, word: &str, article: u32) {
        let id = self.id(word);
        let list = &mut self.title[id];
        if list.last() != Some(&article) {
            list.push(article);
        }
    }

    /// Sort the vocabulary so prefixes are ranges; postings follow.
    fn finish(self) -> Run {
        drop(self.ids);
        Run::sorted(self.words, self.body, self.title)
    }
}

/// The stem of a word ending in a Hangul syllable, when it differs. The
/// last-char test keeps the suffix table off every English word at load.
pub(super) fn stem_of(word: &str) -> Option<&str> {
    if !word.chars().next_back().is_some_and(hangul::is_syllable) {
        return None;
    }
    let bare = hangul::stem(word);
    (bare.len() < word.len()).then_some(bare)
}

/// Every word of `a` as the index takes it: each body word with its
/// sentence bit (`Some`: bit `s % 32` of its sentence `s`), then each title
/// word (`None`), a Hangul word's stem beside it (통화를 → 통화). The index
/// and the one-shot search both read articles through this, so they agree
/// on every word.
pub(super) fn each_word(a: &Article, mut take: impl FnMut(&str, Option<u32>)) {
    let mut sentence = 0u32;
    for p in &a.paragraphs {
        let bounds = &p.sentences;
        let mut cur = 0;
        for_each_word(p.text, |s, e| {
            // Text between sentences counts with the one before.
            while cur + 1 < bounds.len() && s >= bounds[cur].1 as usize {
                cur += 1;
            }
            let bit = 1u32 << ((sentence + cur as u32) % 32);
            let word = &p.text[s..e];
            take(word, Some(bit));
            if let Some(bare) = stem_of(word) {
                take(bare, Some(bit));
            }
        });
        sentence += bounds.len().max(1) as u32;
    }
    for_each_word(&a.title, |s, e| {
        let word = &a.title[s..e];
        take(word, None);
        if let Some(bare) = stem_of(word) {
            take(bare, None);
        }
    });
}
