//! Cleaning: from decoded text to the reading text of an article. Splits off
//! the ` date YYYY-MM-DD` header, drops boilerplate and page noise, splits
//! paragraphs and sentences (including glued ones), and makes control
//! characters inert.
//!
//! Which lines count as noise is data (`assets/boilerplate.toml`), and only
//! short lines are ever checked against it, so a paragraph of prose is
//! never dropped. Everything is one pass over the text per step; a 10 MiB
//! line costs the same per byte as a short one.

use std::borrow::Cow;
use std::sync::OnceLock;

use chrono::NaiveDate;

pub use crate::lexicon::boilerplate::{EMBEDDED_BOILERPLATE, Patterns};
#[cfg(test)]
use crate::model::Header;
use crate::model::{Cleaned, Paragraph};
use crate::sanitize;

mod header;
mod noise;
#[cfg(test)]
mod sentence_tests;
mod sentences;
mod summary;
#[cfg(test)]
mod tests;
mod whitespace;

pub use header::header_date_problem;
pub use sentences::split_sentences;

use header::*;
use noise::*;
use sentences::*;
use summary::*;
use whitespace::*;

/// A short line seen this often in one article is page furniture
/// ("Article content" ×20), not something the writer said three times.
const REPEAT_MIN: usize = 3;
const REPEAT_MAX_WORDS: usize = 8;
const REPEAT_MAX_BYTES: usize = 100;
/// How far down a photo caption may sit (in paragraphs).
const CAPTION_TOP: usize = 3;
/// Sentences an article keeps apart, at most: past this, the rest of a
/// paragraph is one sentence. A news story has a few hundred at most; a
/// hostile file of "Xi. " repeated would otherwise keep 16 bytes of
/// bounds for every 4 bytes of text.
pub const MAX_SENTENCES: usize = 10_000;
const CAPTION_MAX_WORDS: usize = 40;
const CREDIT_MAX_WORDS: usize = 6;
/// Bounds on inline image markup, so a stray "![" can't eat a paragraph.
const IMAGE_ALT_MAX: usize = 300;
const IMAGE_TAG_MAX: usize = 2000;
/// Longest word looked at when deciding whether a "." is an abbreviation.
const ABBREV_LOOKBACK: usize = 40;

/// `Patterns` with a summary of what each list can match, so that most
/// lines are compared with no pattern at all. Made once per load (the
/// summary costs more than cleaning a short article) and shared by every
/// worker.
pub struct Cleaner<'p> {
    pats: &'p Patterns,
    sum: Summary,
}

impl<'p> Cleaner<'p> {
    pub fn new(pats: &'p Patterns) -> Cleaner<'p> {
        Cleaner {
            pats,
            sum: Summary::new(pats),
        }
    }

    /// The cleaner of the built-in patterns (made once).
    pub fn embedded() -> &'static Cleaner<'static> {
        static EMBEDDED: OnceLock<Cleaner<'static>> = OnceLock::new();
        EMBEDDED.get_or_init(|| Cleaner::new(Patterns::embedded()))
    }

    /// Clean one article's text.
    pub fn clean(&self, text: &str) -> Cleaned {
        clean_text(text, self)
    }
}

/// Clean with the built-in noise patterns.
pub fn clean(text: &str) -> Cleaned {
    Cleaner::embedded().clean(text)
}

/// `clean` with a given set of noise patterns.
pub fn clean_with(text: &str, pats: &Patterns) -> Cleaned {
    Cleaner::new(pats).clean(text)
}

fn clean_text(text: &str, m: &Cleaner) -> Cleaned {
    let safe = sanitize::inert(text.strip_prefix('\u{feff}').unwrap_or(text), true);
    let mut cleaned = Cleaned::default();
    // Lines borrow the article until they are kept: a line that needs no
    // collapsing is copied once, into its paragraph.
    let mut body: Vec<Cow<'_, str>> = Vec::with_capacity(32);
    let mut first = true;
    for_each_line(&safe, |line, needs_collapse| {
        if std::mem::take(&mut first)
            && let Some((published, rest)) = parse_header(line)
        {
            cleaned.header.published = published;
            let rest = collapse_spaces(rest);
            if is_caption_line(&rest, m) || is_photo_caption(&rest) {
                cleaned.captions.push(rest.into_owned());
            } else if !rest.is_empty() {
                cleaned.header.headline = Some(rest.into_owned());
            }
            return;
        }
        let line = match needs_collapse {
            true => Cow::Owned(collapse(line)),
            false => Cow::Borrowed(line),
        };
        if !line.is_empty() {
            body.push(line);
        }
    });

    drop_noise(&mut body, m, &mut cleaned.captions);
    let last = body.len().saturating_sub(1);
    let mut found = Found::with_capacity(32);
    cleaned.paragraphs.reserve_exact(body.len());
    let mut budget = MAX_SENTENCES;
    for (i, line) in body.into_iter().enumerate() {
        if i < CAPTION_TOP && i < last && is_photo_caption(&line) {
            cleaned.captions.push(line.into_owned());
            continue;
        }
        let paragraph = split_line(line, m, &mut found, budget);
        budget = budget.saturating_sub(paragraph.sentences.len());
        if !paragraph.text.is_empty() {
            cleaned.paragraphs.push(paragraph);
        }
    }
    cleaned
}

/// Calls `f` with each line of `text` (`text.split('\n')`) and whether
/// `collapse_spaces` would change it. One pass over the text finds both
/// the line ends and the bytes that may need collapsing; most lines have
/// none, and are not looked at again.
fn for_each_line<'t>(text: &'t str, mut f: impl FnMut(&'t str, bool)) {
    let b = text.as_bytes();
    let edge_space = |line: &[u8]| line.first() == Some(&b' ') || line.last() == Some(&b' ');
    let (mut start, mut end, mut needs) = (0, None, false);
    sanitize::for_each_byte(b, may_need_collapse, |j| {
        if b[j] == b'\n' {
            f(&text[start..j], needs || edge_space(&b[start..j]));
            (start, end, needs) = (j + 1, None, false);
            return j + 1;
        }
        // The first flagged byte of a line finds where the line ends.
        let end = *end
            .get_or_insert_with(|| sanitize::find_byte(b, j, |c| c == b'\n').unwrap_or(b.len()));
        let (line, k) = (&b[start..end], j - start);
        if line[k] == b' ' || whitespace_len(line, k) > 0 || image_end(line, k).is_some() {
            // The rest of the line needs no look.
            needs = true;
            end
        } else {
            j + 1
        }
    });
    f(&text[start..], needs || edge_space(&b[start..]));
}
