//! The word index's storage. In memory every word's postings lie in one
//! flat array (8-byte body postings, 4-byte title articles) with one end
//! offset per word, so a keystroke reads a word's postings as a slice:
//! a range of articles is found by binary search, nothing is decoded or
//! copied. On disk (`query::kept`) they are gap- and varint-coded
//! (`Coded`), about a third of the bytes, and decoded once when the
//! file is read, word by word (`Decoder`), all words for the browser,
//! only a query's for a one-shot search. The vocabulary is one string with one end offset per
//! word.
//!
//! A coded body posting is `varint(gap << 6 | code)`, where `gap` is the
//! article minus one more than the previous one (so articles strictly
//! increase by construction) and `code` is the one sentence bit set
//! (0–31) or `MANY`, then followed by `varint(sentences)`. A coded title
//! posting is `varint(gap)`.

use std::ops::Index;

/// One article in one word's postings. `sentences` has bit `s % 32` set
/// for each sentence `s` holding the word: enough to tell "in one
/// sentence" from "scattered" without storing positions (exact for
/// articles of up to 32 sentences, a rare false "together" beyond).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    pub article: u32,
    pub sentences: u32,
}

/// The code for "more than one sentence bit: the bits follow".
const MANY: u64 = 32;
/// Bits of a body posting's head taken by the code.
const CODE_BITS: u32 = 6;

/// Sorted words, one after another, with each word's end.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Vocab {
    pub(super) text: String,
    pub(super) ends: Vec<u32>,
}

impl Vocab {
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Word `i`, or `None` past the end (or on bounds a file got wrong).
    pub fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)? as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        self.text.get(start..end)
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).map(|i| self.get(i).unwrap_or_default())
    }

    /// The first id whose word is not `< prefix` (words are sorted).
    pub fn partition_point(&self, pred: impl Fn(&str) -> bool) -> usize {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if pred(&self[mid]) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    pub fn push(&mut self, word: &str) {
        self.text.push_str(word);
        self.ends.push(offset(self.text.len()));
    }

    /// Whether the ends rise within the text, on char boundaries, and
    /// the words are sorted: what a file's vocabulary must pass.
    pub fn is_well_formed(&self) -> bool {
        let mut start = 0usize;
        let mut last: Option<&str> = None;
        for &end in &self.ends {
            let end = end as usize;
            let Some(word) = self.text.get(start..end).filter(|_| end >= start) else {
                return false;
            };
            if last.is_some_and(|l| l > word) {
                return false;
            }
            last = Some(word);
            start = end;
        }
        start == self.text.len()
    }
}

impl Index<usize> for Vocab {
    type Output = str;

    /// Word `i`; the empty word past the end (never a panic on a bad id).
    fn index(&self, i: usize) -> &str {
        self.get(i).unwrap_or_default()
    }
}

/// An offset (in bytes or postings) as stored; the word index of a
/// corpus never nears 4 G of either (a 100,000-article corpus takes some
/// tens of millions), and a larger one is refused when kept rather than
/// misread.
fn offset(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(u32::MAX)
}

/// Every word's postings (`T`: a body `Posting` or a title article),
/// one word after another in one array, with each word's end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lists<T> {
    pub(super) items: Vec<T>,
    pub(super) ends: Vec<u32>,
}

impl<T> Default for Lists<T> {
    fn default() -> Lists<T> {
        Lists {
            items: Vec::new(),
            ends: Vec::new(),
        }
    }
}

/// What a posting says about which article holds the word.
pub trait InArticle: Copy {
    fn article(&self) -> u32;
}

impl InArticle for Posting {
    #[inline]
    fn article(&self) -> u32 {
        self.article
    }
}

impl InArticle for u32 {
    #[inline]
    fn article(&self) -> u32 {
        *self
    }
}

impl<T: InArticle> Lists<T> {
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Word `w`'s postings, in article order (empty for an id out of
    /// range, or bounds a file got wrong).
    #[inline]
    pub fn get(&self, w: usize) -> &[T] {
        let Some(&end) = self.ends.get(w) else {
            return &[];
        };
        let start = if w == 0 { 0 } else { self.ends[w - 1] };
        self.items.get(start as usize..end as usize).unwrap_or(&[])
    }

    /// Word `w`'s postings from the first at or after article `lo` on.
    #[inline]
    pub fn from(&self, w: usize, lo: u32) -> &[T] {
        let list = self.get(w);
        &list[list.partition_point(|p| p.article() < lo)..]
    }

    /// Word `w`'s posting in article `a`, if it has one.
    #[inline]
    pub fn find(&self, w: usize, a: u32) -> Option<T> {
        let list = self.get(w);
        let i = list.binary_search_by_key(&a, |p| p.article()).ok()?;
        Some(list[i])
    }

    /// How many postings word `w` has: the work of reading them whole.
    pub fn weight(&self, w: usize) -> usize {
        self.get(w).len()
    }

    /// Append the next word's postings: runs, each sorted by article,
    /// every run after the articles of the one before.
    pub fn push<'a>(&mut self, runs: impl IntoIterator<Item = &'a [T]>)
    where
        T: 'a,
    {
        for run in runs {
            self.items.extend_from_slice(run);
        }
        self.ends.push(offset(self.items.len()));
    }

    /// Whether the ends rise within the postings and every word's
    /// articles strictly rise below `articles`: what lists read from a
    /// file must pass before they are used.
    pub fn fits(&self, articles: u64) -> bool {
        let mut start = 0u32;
        for &end in &self.ends {
            let Some(list) = self.items.get(start as usize..end as usize) else {
                return false;
            };
            start = end;
            let rising = list.windows(2).all(|p| p[0].article() < p[1].article());
            if !rising
                || list
                    .last()
                    .is_some_and(|p| u64::from(p.article()) >= articles)
            {
                return false;
            }
        }
        start as usize == self.items.len()
    }
}

/// A posting as the kept file codes it.
pub trait Code: InArticle {
    /// Append the posting, its gap counted from article `next`.
    fn put(&self, next: u32, out: &mut Vec<u8>);
    /// The posting at `*at`, its gap counted from `from`, moving past
    /// it; `None` when the bytes do not decode.
    fn take(bytes: &[u8], at: &mut usize, from: u64) -> Option<Self>;
}

impl Code for Posting {
    fn put(&self, next: u32, out: &mut Vec<u8>) {
        let gap = u64::from(self.article - next);
        if self.sentences.count_ones() == 1 {
            let code = u64::from(self.sentences.trailing_zeros());
            put(out, gap << CODE_BITS | code);
        } else {
            put(out, gap << CODE_BITS | MANY);
            put(out, u64::from(self.sentences));
        }
    }

    fn take(bytes: &[u8], at: &mut usize, from: u64) -> Option<Posting> {
        let head = take(bytes, at)?;
        let code = head & ((1 << CODE_BITS) - 1);
        let sentences = match code {
            0..MANY => 1u32 << code,
            MANY => u32::try_from(take(bytes, at)?).ok()?,
            _ => return None,
        };
        let article = advance(from, head >> CODE_BITS)?;
        Some(Posting { article, sentences })
    }
}

impl Code for u32 {
    fn put(&self, next: u32, out: &mut Vec<u8>) {
        put(out, u64::from(self - next));
    }

    fn take(bytes: &[u8], at: &mut usize, from: u64) -> Option<u32> {
        advance(from, take(bytes, at)?)
    }
}

/// Every word's postings coded, one after another, with each word's end
/// in the bytes: the kept file's form of a `Lists`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Coded {
    pub(super) bytes: Vec<u8>,
    pub(super) ends: Vec<u32>,
}

impl<T: Code> Lists<T> {
    /// The lists coded for the kept file (articles strictly rise within
    /// a word, as built).
    pub fn encode(&self) -> Coded {
        let mut coded = Coded {
            bytes: Vec::with_capacity(self.items.len() * 2),
            ends: Vec::with_capacity(self.len()),
        };
        for w in 0..self.len() {
            let mut next = 0u32;
            for p in self.get(w) {
                p.put(next, &mut coded.bytes);
                next = p.article() + 1;
            }
            coded.ends.push(offset(coded.bytes.len()));
        }
        coded
    }

    /// The lists `coded` holds, or `None` when its ends do not rise
    /// within its bytes or a word's bytes do not decode whole. Decoded
    /// twice: first counting, so the postings are allocated once.
    #[cfg(test)]
    pub fn decode(coded: &Coded) -> Option<Lists<T>> {
        let each = |decoder: &mut Decoder<T>| -> Option<()> {
            let mut start = 0usize;
            for &end in &coded.ends {
                let bytes = coded.bytes.get(start..end as usize)?;
                start = end as usize;
                decoder.word(bytes, true).then_some(())?;
            }
            (start == coded.bytes.len()).then_some(())
        };
        let mut counting = Decoder::new(usize::MAX, false);
        each(&mut counting)?;
        let mut decoder = Decoder::new(counting.count, true);
        each(&mut decoder)?;
        Some(decoder.finish().lists)
    }
}

/// Lists decoded one word at a time, from each word's coded bytes as
/// they are read (`query::kept`), so the coded bytes are never whole in
/// memory beside the postings. Every word is decoded and checked; only
/// the words the caller keeps are stored (a one-shot search needs a few).
pub struct Decoder<T> {
    lists: Lists<T>,
    /// Postings decoded so far, kept or not; never more than `limit`
    /// (what the file says it holds), so bad bytes cannot grow `lists`.
    count: usize,
    limit: usize,
    /// One past the highest article any word names, kept or not.
    articles: u64,
}

/// What a `Decoder` decoded.
pub struct Decoded<T> {
    /// The kept words' postings, one list per kept word.
    pub lists: Lists<T>,
    /// Postings of every word, kept or not.
    pub count: usize,
    /// One past the highest article any word names: a file naming an
    /// article the corpus lacks is refused even when that word is not
    /// read.
    pub articles: u64,
}

impl<T: Code> Decoder<T> {
    /// A decoder of at most `limit` postings; with `all`, every word will
    /// be kept and `limit` is their count, allocated once at that size.
    pub fn new(limit: usize, all: bool) -> Decoder<T> {
        let mut lists = Lists::default();
        if all {
            lists.items.reserve_exact(limit);
        }
        Decoder {
            lists,
            count: 0,
            limit,
            articles: 0,
        }
    }

    /// Decode the next word's bytes, stored when `keep`; `false` when they
    /// do not decode whole or pass the limit.
    pub fn word(&mut self, bytes: &[u8], keep: bool) -> bool {
        let (mut at, mut from) = (0usize, 0u64);
        while at < bytes.len() {
            let Some(p) = T::take(bytes, &mut at, from) else {
                return false;
            };
            from = u64::from(p.article()) + 1;
            self.count += 1;
            if self.count > self.limit {
                return false;
            }
            if keep {
                self.lists.items.push(p);
            }
        }
        self.articles = self.articles.max(from);
        if keep {
            self.lists.ends.push(offset(self.lists.items.len()));
        }
        true
    }

    pub fn finish(mut self) -> Decoded<T> {
        self.lists.items.shrink_to_fit();
        self.lists.ends.shrink_to_fit();
        Decoded {
            lists: self.lists,
            count: self.count,
            articles: self.articles,
        }
    }
}

fn put(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push(value as u8 | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// The varint at `*at`, moving past it; `None` when cut short or too long.
fn take(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let mut value = 0u64;
    let mut shift = 0;
    while shift < 64 {
        let byte = *bytes.get(*at)?;
        *at += 1;
        value |= u64::from(byte & 0x7f) << shift;
        if byte < 0x80 {
            return Some(value);
        }
        shift += 7;
    }
    None
}

/// The article after `next` by `gap`, when it fits in a `u32`.
fn advance(next: u64, gap: u64) -> Option<u32> {
    u32::try_from(next.checked_add(gap)?).ok()
}
