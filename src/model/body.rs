//! An article's reading text as one owned buffer: every paragraph back to
//! back in one `String`, with the paragraph ends and sentence bounds in
//! flat lists beside it. Three allocations per article instead of two per
//! paragraph: at 100,000 articles that is ~2M fewer allocations to make
//! when the cache is decoded, and ~16 B of malloc bookkeeping saved on
//! each. Readers borrow paragraphs through `ParagraphRef`.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{offset, range_of};

/// The paragraphs of one article. Sentence bounds are byte ranges relative
/// to their own paragraph, so a search hit or highlight names (paragraph,
/// start, end) exactly as when each paragraph was its own `String`.
///
/// The lists may come from a cache file: every accessor tolerates bounds
/// that do not fit (an empty paragraph, no sentences), never panics.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Body {
    /// All paragraphs, back to back, nothing between them.
    text: String,
    /// Per paragraph, where it ends in `text` and where its sentences end
    /// in `sentences` (each starts where the one before ended). One list
    /// for both: one allocation fewer per article.
    ends: Vec<(u32, u32)>,
    /// Every paragraph's sentences, in paragraph order, each relative to
    /// its paragraph's start.
    sentences: Vec<(u32, u32)>,
}

/// One paragraph of a `Body`, borrowed: its text and its sentences as byte
/// ranges into `text`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct ParagraphRef<'a> {
    pub text: &'a str,
    pub sentences: &'a [(u32, u32)],
}

impl<'a> ParagraphRef<'a> {
    /// The text of each sentence (a range that does not fit reads as "").
    pub fn sentence_texts(self) -> impl Iterator<Item = &'a str> {
        let text = self.text;
        self.sentences
            .iter()
            .map(move |&(s, e)| text.get(s as usize..e as usize).unwrap_or(""))
    }
}

impl Body {
    /// Paragraphs whose sentences end at ". ": enough for hand-built
    /// fixtures and generated text, which never glue sentences. Real
    /// articles go through `clean`.
    pub fn plain(paragraphs: &[&str]) -> Body {
        let mut body = Body::default();
        for text in paragraphs {
            body.push_plain(text);
        }
        body
    }

    /// One paragraph as `plain` splits it.
    pub fn push_plain(&mut self, text: &str) {
        let mut open = self.open();
        open.push_str(text);
        let mut start = 0;
        for (i, _) in text.match_indices(". ") {
            open.add_sentence((offset(start), offset(i + 1)));
            start = i + 2;
        }
        if start < text.len() {
            open.add_sentence((offset(start), offset(text.len())));
        }
    }

    /// Append one paragraph, copied.
    pub fn push(&mut self, text: &str, sentences: &[(u32, u32)]) {
        let mut open = self.open();
        open.push_str(text);
        for &s in sentences {
            open.add_sentence(s);
        }
    }

    /// Start a paragraph written straight into the buffer (no `String` of
    /// its own); it is added when the `OpenParagraph` is dropped.
    pub fn open(&mut self) -> OpenParagraph<'_> {
        let start = self.text.len();
        let first_sentence = self.sentences.len();
        OpenParagraph {
            body: self,
            start,
            first_sentence,
            keep_empty: true,
        }
    }

    /// Room for `text` more bytes in about `paragraphs` more paragraphs,
    /// and their sentences (news runs well over 80 bytes a sentence):
    /// growing the list sentence by sentence cost a copy each time.
    pub fn reserve(&mut self, text: usize, paragraphs: usize) {
        self.text.reserve(text);
        self.ends.reserve(paragraphs);
        self.sentences.reserve(paragraphs + text / 80);
    }

    /// How many paragraphs.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Every paragraph's text, back to back: each paragraph's `text` is a
    /// slice of it.
    pub fn all_text(&self) -> &str {
        &self.text
    }

    /// All the reading text's bytes, without the paragraph breaks.
    pub fn text_len(&self) -> usize {
        self.text.len()
    }

    /// Paragraph `i`, if there is one.
    pub fn get(&self, i: usize) -> Option<ParagraphRef<'_>> {
        let (end, s_end) = range_of(*self.ends.get(i)?);
        let (start, s_start) = match i.checked_sub(1) {
            Some(before) => range_of(self.ends[before]),
            None => (0, 0),
        };
        Some(ParagraphRef {
            text: self.text.get(start..end).unwrap_or(""),
            sentences: self.sentences.get(s_start..s_end).unwrap_or(&[]),
        })
    }

    pub fn first(&self) -> Option<ParagraphRef<'_>> {
        self.get(0)
    }

    pub fn last(&self) -> Option<ParagraphRef<'_>> {
        self.get(self.len().checked_sub(1)?)
    }

    /// Every paragraph, in order.
    pub fn iter(&self) -> Paragraphs<'_> {
        Paragraphs {
            body: self,
            next: 0,
        }
    }

    /// No spare capacity: a body is kept for the life of the timeline.
    pub fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
        self.sentences.shrink_to_fit();
    }
}

/// A paragraph being written into a `Body` (see `Body::open`). Sentence
/// bounds are relative to the paragraph, as `len` counts.
pub struct OpenParagraph<'b> {
    body: &'b mut Body,
    start: usize,
    first_sentence: usize,
    /// False: a paragraph left with no text is not added (with its
    /// sentences), as cleaning keeps no empty paragraph.
    keep_empty: bool,
}

impl OpenParagraph<'_> {
    /// Add nothing if no text is written (see `keep_empty`).
    pub fn drop_if_empty(&mut self) {
        self.keep_empty = false;
    }

    pub fn push_str(&mut self, s: &str) {
        self.body.text.push_str(s);
    }

    pub fn push(&mut self, c: char) {
        self.body.text.push(c);
    }

    /// Bytes written to this paragraph so far.
    pub fn len(&self) -> usize {
        self.body.text.len() - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn add_sentence(&mut self, range: (u32, u32)) {
        self.body.sentences.push(range);
    }

    /// Sentences added to this paragraph so far.
    pub fn sentence_count(&self) -> usize {
        self.body.sentences.len() - self.first_sentence
    }
}

impl Drop for OpenParagraph<'_> {
    fn drop(&mut self) {
        let body = &mut *self.body;
        if !self.keep_empty && body.text.len() == self.start {
            body.sentences.truncate(self.first_sentence);
            return;
        }
        let ends = (offset(body.text.len()), offset(body.sentences.len()));
        body.ends.push(ends);
    }
}

/// The paragraphs of a `Body`, in order (see `Body::paragraphs`).
#[derive(Debug, Clone)]
pub struct Paragraphs<'a> {
    body: &'a Body,
    next: usize,
}

impl<'a> Iterator for Paragraphs<'a> {
    type Item = ParagraphRef<'a>;

    fn next(&mut self) -> Option<ParagraphRef<'a>> {
        let p = self.body.get(self.next)?;
        self.next += 1;
        Some(p)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.body.len().saturating_sub(self.next);
        (left, Some(left))
    }
}

impl ExactSizeIterator for Paragraphs<'_> {}

impl<'a> IntoIterator for &'a Body {
    type Item = ParagraphRef<'a>;
    type IntoIter = Paragraphs<'a>;

    fn into_iter(self) -> Paragraphs<'a> {
        self.iter()
    }
}

/// As the list of paragraphs it holds, each as `Paragraph { text,
/// sentences }`: the debug text of a timeline (`dump_timeline`, which
/// checks that a change to the pipeline changes nothing) reads as it did
/// when each paragraph was its own struct.
impl fmt::Debug for Body {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl fmt::Debug for ParagraphRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Paragraph")
            .field("text", &self.text)
            .field("sentences", &self.sentences)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_read_back_as_pushed() {
        let mut body = Body::default();
        body.push("One. Two.", &[(0, 4), (5, 9)]);
        body.push("", &[]);
        body.push("Three", &[(0, 5)]);
        assert_eq!(body.len(), 3);
        let texts: Vec<&str> = body.iter().map(|p| p.text).collect();
        assert_eq!(texts, ["One. Two.", "", "Three"]);
        let p = body.get(0).unwrap();
        assert_eq!(p.sentence_texts().collect::<Vec<_>>(), ["One.", "Two."]);
        assert_eq!(body.get(2).unwrap().sentences, &[(0, 5)]);
        assert_eq!(body.get(3), None);
        assert_eq!(body.iter().len(), 3);
        assert_eq!(body.last().unwrap().text, "Three");
    }

    #[test]
    fn an_empty_paragraph_can_be_left_out() {
        let mut body = Body::default();
        let mut open = body.open();
        open.drop_if_empty();
        open.add_sentence((0, 0));
        drop(open);
        let mut open = body.open();
        open.drop_if_empty();
        open.push_str("Kept.");
        open.add_sentence((0, 5));
        drop(open);
        assert_eq!(body, Body::plain(&["Kept."]));
    }

    #[test]
    fn plain_splits_at_full_stops() {
        let body = Body::plain(&["Lee spoke. Xi listened", "Done."]);
        let p = body.get(0).unwrap();
        assert_eq!(
            p.sentence_texts().collect::<Vec<_>>(),
            ["Lee spoke.", "Xi listened"]
        );
        assert_eq!(body.get(1).unwrap().sentences, &[(0, 5)]);
    }

    #[test]
    fn bounds_that_do_not_fit_read_as_empty() {
        let bad = Body {
            text: "abc".into(),
            ends: vec![(2, 5), (9, 0), (1, 1)],
            sentences: vec![(0, 7)],
        };
        let all: Vec<ParagraphRef<'_>> = bad.iter().collect();
        assert_eq!(all[0].text, "ab");
        assert!(all[0].sentences.is_empty());
        assert_eq!(all[1].text, "");
        assert_eq!(all[2].text, "");
        let one = Body {
            text: "é".into(),
            ends: vec![(1, 1)],
            sentences: vec![(0, 9)],
        };
        let p = one.get(0).unwrap();
        assert_eq!(p.text, "");
        assert_eq!(p.sentence_texts().collect::<Vec<_>>(), [""]);
    }
}
