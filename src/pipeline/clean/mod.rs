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

pub use crate::lexicon::boilerplate::{EMBEDDED_BOILERPLATE, Patterns};
use crate::model::Cleaned;
#[cfg(test)]
use crate::model::Header;
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
pub use sentences::{MAX_SENTENCES, split_sentences};

use header::parse_header;
use noise::{drop_noise, is_caption_line, is_photo_caption};
use sentences::{Found, split_line};
pub use summary::Cleaner;
use whitespace::{collapse, collapse_spaces, for_each_line};

/// How far down a photo caption may sit (in paragraphs).
const CAPTION_TOP: usize = 3;
impl Cleaner<'_> {
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
    // collapsing is copied once, into the article's one text buffer.
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

    drop_noise(&mut body, m, &mut cleaned.captions, &mut cleaned.page_date);
    let last = body.len().saturating_sub(1);
    let mut found = Found::with_capacity(32);
    // Slack for the spaces that unglued sentences gain: outgrowing the
    // reserve would double the article's buffer.
    let bytes: usize = body.iter().map(|line| line.len()).sum();
    cleaned
        .paragraphs
        .reserve(bytes + bytes / 32 + 16, body.len());
    let mut budget = MAX_SENTENCES;
    for (i, line) in body.into_iter().enumerate() {
        if i < CAPTION_TOP && i < last && is_photo_caption(&line) {
            cleaned.captions.push(line.into_owned());
            continue;
        }
        let made = split_line(&line, m, &mut found, budget, &mut cleaned.paragraphs);
        budget = budget.saturating_sub(made);
    }
    cleaned
}
