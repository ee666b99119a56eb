//! The word index's compact storage. Every word's postings live in one
//! byte array, gap- and varint-coded, with one end offset per word; the
//! vocabulary is one string with one end offset per word. A query
//! touches few words, so decoding their postings on the fly costs a
//! keystroke little, while the index of a 10,000-article corpus shrinks
//! from a `Vec` per word of 8-byte postings to about a third of the bytes.
//! The kept file (`query::kept`) stores these arrays as they are, so a
//! warm open reads them straight into place.
//!
//! A body posting is `varint(gap << 6 | code)`, where `gap` is the
//! article minus one more than the previous one (so articles strictly
//! increase by construction) and `code` is the one sentence bit set
//! (0–31) or `MANY`, then followed by `varint(sentences)`. A title
//! posting is `varint(gap)`.

use std::ops::Index;

use super::index::Posting;

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

/// A byte offset as stored; the word index of a corpus never nears 4 GB
/// (a 100,000-article corpus takes some tens of MB), and a larger one
/// is refused when kept rather than misread.
fn offset(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(u32::MAX)
}

/// Every word's postings, coded, one after another, with each word's end.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lists {
    pub(super) bytes: Vec<u8>,
    pub(super) ends: Vec<u32>,
    /// Places to start decoding a long list midway (`marks`), every
    /// `MARK_EVERY` postings, and per word the end of its run of them.
    /// Derived from the lists (never kept on disk): a query's work
    /// split by article ranges starts each range at its own place
    /// instead of decoding the list from the front.
    pub(super) marks: Vec<Mark>,
    pub(super) mark_ends: Vec<u32>,
}

/// Decoding may resume at byte `at` of a word's list, counting the next
/// gap from article `from`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Mark {
    from: u64,
    at: u32,
}

/// Postings between two marks: about 2.5 bytes each, so a start costs at
/// most a few hundred bytes of decoding, and the marks 16 bytes per 128
/// postings (under 5% of the lists).
const MARK_EVERY: usize = 128;

impl Lists {
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Word `w`'s coded postings (empty for an id out of range).
    fn coded(&self, w: usize) -> &[u8] {
        let Some(&end) = self.ends.get(w) else {
            return &[];
        };
        let start = if w == 0 { 0 } else { self.ends[w - 1] };
        self.bytes.get(start as usize..end as usize).unwrap_or(&[])
    }

    /// How many bytes word `w`'s postings take: a measure of the work of
    /// reading them (about two bytes a posting).
    pub fn weight(&self, w: usize) -> usize {
        self.coded(w).len()
    }

    /// Fill the marks (after building or reading the lists); `body`
    /// says which coding.
    pub fn mark(&mut self, body: bool) {
        let mut marks = Vec::new();
        let mut mark_ends = Vec::with_capacity(self.len());
        for w in 0..self.len() {
            let coded = self.coded(w);
            if coded.len() > 2 * MARK_EVERY {
                let mut at = 0;
                let mut from = 0;
                let mut n = 0usize;
                loop {
                    if n > 0 && n.is_multiple_of(MARK_EVERY) {
                        marks.push(Mark {
                            from,
                            at: offset(at),
                        });
                    }
                    let step = if body {
                        let mut list = BodyPostings {
                            bytes: coded,
                            at,
                            from,
                        };
                        list.next().map(|_| (list.at, list.from))
                    } else {
                        let mut list = TitlePostings {
                            bytes: coded,
                            at,
                            from,
                        };
                        list.next().map(|_| (list.at, list.from))
                    };
                    let Some((next_at, next_from)) = step else {
                        break;
                    };
                    (at, from) = (next_at, next_from);
                    n += 1;
                }
            }
            mark_ends.push(offset(marks.len()));
        }
        marks.shrink_to_fit();
        self.marks = marks;
        self.mark_ends = mark_ends;
    }

    /// Where to start decoding word `w` to reach article `lo` soonest:
    /// (byte, article the next gap counts from).
    fn start(&self, w: usize, lo: u32) -> (usize, u64) {
        let Some(&end) = self.mark_ends.get(w) else {
            return (0, 0);
        };
        let begin = if w == 0 { 0 } else { self.mark_ends[w - 1] };
        let marks = self.marks.get(begin as usize..end as usize).unwrap_or(&[]);
        let i = marks.partition_point(|m| m.from <= u64::from(lo));
        match i.checked_sub(1).and_then(|i| marks.get(i)) {
            Some(m) => (m.at as usize, m.from),
            None => (0, 0),
        }
    }

    /// Word `w`'s body postings from the first at or after article `lo`
    /// on (possibly a few before it: the caller skips those).
    pub fn body_from(&self, w: usize, lo: u32) -> BodyPostings<'_> {
        let (at, from) = self.start(w, lo);
        BodyPostings {
            bytes: self.coded(w),
            at,
            from,
        }
    }

    /// `body_from` for title postings.
    pub fn title_from(&self, w: usize, lo: u32) -> TitlePostings<'_> {
        let (at, from) = self.start(w, lo);
        TitlePostings {
            bytes: self.coded(w),
            at,
            from,
        }
    }

    /// Word `w`'s body postings, in article order.
    pub fn body(&self, w: usize) -> BodyPostings<'_> {
        BodyPostings {
            bytes: self.coded(w),
            at: 0,
            from: 0,
        }
    }

    /// Word `w`'s title postings (articles), in order.
    pub fn title(&self, w: usize) -> TitlePostings<'_> {
        TitlePostings {
            bytes: self.coded(w),
            at: 0,
            from: 0,
        }
    }

    /// Append the next word's body postings: runs of postings, each
    /// sorted by article, every run after the articles of the one before.
    pub fn push_body<'a>(&mut self, runs: impl IntoIterator<Item = &'a [Posting]>) {
        let mut next = 0u32;
        for p in runs.into_iter().flatten() {
            let gap = u64::from(p.article - next);
            if p.sentences.count_ones() == 1 {
                let code = u64::from(p.sentences.trailing_zeros());
                put(&mut self.bytes, gap << CODE_BITS | code);
            } else {
                put(&mut self.bytes, gap << CODE_BITS | MANY);
                put(&mut self.bytes, u64::from(p.sentences));
            }
            next = p.article + 1;
        }
        self.ends.push(offset(self.bytes.len()));
    }

    /// Append the next word's title postings, as `push_body`.
    pub fn push_title<'a>(&mut self, runs: impl IntoIterator<Item = &'a [u32]>) {
        let mut next = 0u32;
        for &a in runs.into_iter().flatten() {
            put(&mut self.bytes, u64::from(a - next));
            next = a + 1;
        }
        self.ends.push(offset(self.bytes.len()));
    }

    /// Whether the ends rise within the bytes and every word's postings
    /// decode whole, naming articles below `articles`: what a file's
    /// lists must pass before they are used. `body` says which coding.
    pub fn fits(&self, articles: u64, body: bool) -> bool {
        let mut start = 0u32;
        for (w, &end) in self.ends.iter().enumerate() {
            if end < start {
                return false;
            }
            start = end;
            let whole = if body {
                let mut list = self.body(w);
                let last = list.by_ref().last();
                list.at == list.bytes.len() && last.is_none_or(|p| u64::from(p.article) < articles)
            } else {
                let mut list = self.title(w);
                let last = list.by_ref().last();
                list.at == list.bytes.len() && last.is_none_or(|a| u64::from(a) < articles)
            };
            if !whole {
                return false;
            }
        }
        start as usize == self.bytes.len()
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
/// One byte is the common case (and a broad query decodes millions).
#[inline]
fn take(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let first = *bytes.get(*at)?;
    *at += 1;
    if first < 0x80 {
        return Some(u64::from(first));
    }
    let mut value = u64::from(first & 0x7f);
    let mut shift = 7;
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
#[inline]
fn advance(next: u64, gap: u64) -> Option<u32> {
    u32::try_from(next.checked_add(gap)?).ok()
}

/// Decodes one word's body postings. Stops (leaving `at` short of the
/// end) at bytes that do not decode, which `Lists::fits` refuses.
pub struct BodyPostings<'a> {
    bytes: &'a [u8],
    at: usize,
    /// One past the previous article: where the next gap counts from.
    from: u64,
}

impl Iterator for BodyPostings<'_> {
    type Item = Posting;

    #[inline]
    fn next(&mut self) -> Option<Posting> {
        // Most postings are one byte: a gap under 2, one sentence.
        if let Some(&head) = self.bytes.get(self.at)
            && u64::from(head) & ((1 << CODE_BITS) - 1) < MANY
            && head < 0x80
        {
            let article = advance(self.from, u64::from(head) >> CODE_BITS)?;
            self.at += 1;
            self.from = u64::from(article) + 1;
            return Some(Posting {
                article,
                sentences: 1 << (head & 0x1f),
            });
        }
        let mut at = self.at;
        let head = take(self.bytes, &mut at)?;
        let code = head & ((1 << CODE_BITS) - 1);
        let sentences = match code {
            0..MANY => 1u32 << code,
            MANY => u32::try_from(take(self.bytes, &mut at)?).ok()?,
            _ => return None,
        };
        let article = advance(self.from, head >> CODE_BITS)?;
        self.at = at;
        self.from = u64::from(article) + 1;
        Some(Posting { article, sentences })
    }
}

/// Decodes one word's title postings, as `BodyPostings`.
pub struct TitlePostings<'a> {
    bytes: &'a [u8],
    at: usize,
    from: u64,
}

impl Iterator for TitlePostings<'_> {
    type Item = u32;

    #[inline]
    fn next(&mut self) -> Option<u32> {
        let mut at = self.at;
        let article = advance(self.from, take(self.bytes, &mut at)?)?;
        self.at = at;
        self.from = u64::from(article) + 1;
        Some(article)
    }
}
