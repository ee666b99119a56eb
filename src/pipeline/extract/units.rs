//! An article as the extractor scans it: units (the headline, each
//! paragraph) with their sentences, the sentences as the fact finders see
//! them (`Story`), and where a fact's words lie for its evidence.

use std::ops::Range;

use chrono::NaiveDate;

use super::dates;
use super::names::{Kind, RawMention};
use super::report::{SentRef, Source};
use crate::lexicon::leaders::LeaderId;
use crate::model::{self, Cleaned, Evidence, Place};

/// A stretch of text scanned at once (a paragraph or the headline) and the
/// range of its non-empty sentences (each a slice of `text`) in the
/// article's list.
#[derive(Debug)]
pub(super) struct Unit<'c> {
    pub(super) text: &'c str,
    pub(super) place: Place,
    pub(super) sentences: Range<usize>,
}

/// The paragraphs with a non-empty sentence, their sentences appended to
/// `sentences`; a paragraph without sentence ranges is one sentence.
pub(super) fn add_paragraphs<'c>(
    cleaned: &'c Cleaned,
    sentences: &mut Vec<&'c str>,
    units: &mut Vec<Unit<'c>>,
) {
    for (index, p) in cleaned.paragraphs.iter().enumerate() {
        let from = sentences.len();
        let whole = p.sentences.is_empty().then_some(p.text);
        sentences.extend(
            p.sentences
                .iter()
                .filter_map(|&(s, e)| p.text.get(s as usize..e as usize))
                .chain(whole)
                .filter(|s| !is_blank(s)),
        );
        if sentences.len() > from {
            units.push(Unit {
                text: p.text,
                place: Place::paragraph(index),
                sentences: from..sentences.len(),
            });
        }
    }
}

/// Where the words crediting the outlet lie: `credit`, a slice of the
/// headline or of a body sentence.
pub(super) fn outlet_evidence(
    units: &[Unit],
    sentences: &[&str],
    credit: &str,
) -> Option<Evidence> {
    let at = credit.as_ptr() as usize;
    let inside = |text: &str| {
        let from = text.as_ptr() as usize;
        (from..=from + text.len()).contains(&at) && at + credit.len() <= from + text.len()
    };
    let unit = units.iter().find(|u| inside(u.text))?;
    let sentence = sentences
        .get(unit.sentences.clone())?
        .iter()
        .find(|s| inside(s))
        .copied()
        .unwrap_or(unit.text);
    let start = offset_in(unit.text, credit);
    let sentence_start = offset_in(unit.text, sentence);
    Some(Evidence {
        fact: crate::model::FactKind::Outlet,
        place: unit.place,
        span: (model::offset(start), model::offset(start + credit.len())),
        sentence: (
            model::offset(sentence_start),
            model::offset(sentence_start + sentence.len()),
        ),
    })
}

/// A sentence of running text, not a line of page furniture: six words
/// or more, and no " | " between page fields.
pub(super) fn is_prose(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut words = 0;
    let mut in_word = false;
    for &b in bytes {
        let space = b.is_ascii_whitespace();
        words += usize::from(!space && !in_word);
        in_word = !space;
        if words == 6 {
            break;
        }
    }
    words == 6 && !s.contains(" | ")
}

/// Empty or only whitespace (`trim().is_empty()`, without trimming both
/// ends).
pub(super) fn is_blank(s: &str) -> bool {
    s.chars().all(char::is_whitespace)
}

/// A sentence as the fact finders will see it, before its mentions are
/// resolved.
#[derive(Debug)]
pub(super) struct Story<'c> {
    pub(super) text: &'c str,
    /// Where the sentence lies: its text and byte offset there.
    pub(super) place: Place,
    pub(super) offset: usize,
    pub(super) lead: bool,
    /// Its range in the article's mentions.
    pub(super) mentions: Range<usize>,
    /// Whether it holds a call word (`facts::is_call_sentence`).
    pub(super) call: bool,
}

/// Byte offset of `inner`, a slice of `outer`, within it.
pub(super) fn offset_in(outer: &str, inner: &str) -> usize {
    (inner.as_ptr() as usize).saturating_sub(outer.as_ptr() as usize)
}

/// The mentions lying in `start..end`, made relative to `start`.
pub(super) fn within(
    found: &[RawMention],
    start: usize,
    end: usize,
) -> impl Iterator<Item = RawMention> + '_ {
    let first = found.partition_point(|m| m.start < start);
    found[first..]
        .iter()
        .take_while(move |m| m.start < end)
        .filter(move |m| m.end <= end)
        .map(move |m| RawMention {
            start: m.start - start,
            end: m.end - start,
            kind: m.kind,
        })
}

/// A publication date on a page line near the top or the bottom.
pub(super) fn page_line_published(cleaned: &Cleaned) -> Option<NaiveDate> {
    let n = cleaned.paragraphs.len();
    cleaned
        .paragraphs
        .iter()
        .enumerate()
        .filter(|(i, _)| *i < 5 || *i + 3 >= n)
        .find_map(|(_, p)| dates::page_line_date(p.text.trim()))
}

/// The headline (one sentence) and the paragraphs, each a unit with its
/// range in the sentences returned.
pub(super) fn split<'c>(
    cleaned: &'c Cleaned,
    headline: Option<&'c str>,
) -> (Vec<&'c str>, Vec<Unit<'c>>) {
    let most = 1 + cleaned
        .paragraphs
        .iter()
        .map(|p| p.sentences.len().max(1))
        .sum::<usize>();
    let mut sentences: Vec<&str> = Vec::with_capacity(most);
    let mut units: Vec<Unit> = Vec::with_capacity(1 + cleaned.paragraphs.len());
    if let Some(h) = headline {
        sentences.push(h);
        units.push(Unit {
            text: h,
            place: Place::Headline,
            sentences: 0..1,
        });
    }
    add_paragraphs(cleaned, &mut sentences, &mut units);
    (sentences, units)
}

/// Where the words a fact was read from lie in the article.
pub(super) fn fact_evidence(
    src: &Source,
    stories: &[Story],
    cleaned: &Cleaned,
) -> Option<Evidence> {
    let (place, offset, text) = match src.sentence {
        SentRef::Body(i) => {
            let story = stories.get(i)?;
            (story.place, story.offset, story.text)
        }
        SentRef::Caption(i) => (Place::caption(i), 0, cleaned.captions.get(i)?.as_str()),
    };
    Some(Evidence {
        fact: src.fact,
        place,
        span: (
            model::offset(offset + src.span.0),
            model::offset(offset + src.span.1),
        ),
        sentence: (model::offset(offset), model::offset(offset + text.len())),
    })
}

/// Leaders the article spells out in full, in order of first mention:
/// they decide whom a bare surname or "his Chinese counterpart" means.
pub(super) fn named_in_full(mentions: &[RawMention]) -> Vec<LeaderId> {
    let mut named = Vec::new();
    for m in mentions {
        if let Kind::Alias(id) = m.kind
            && !named.contains(&id)
        {
            named.push(id);
        }
    }
    named
}
