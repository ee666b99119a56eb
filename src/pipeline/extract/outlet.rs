//! The source outlet of an article: the outlet the text itself states in a
//! source position, or none. Never guessed from the writing style.
//!
//! Source positions, strongest first:
//! 1. a dateline or wire credit opening the story ("BEIJING, Jan. 26
//!    (Xinhua) --", "Tokyo, June 9 (Jiji Press)--", "(Bloomberg) —") or a
//!    byline naming its outlet ("By Hyonhee Shin, Reuters");
//! 2. the closing lines: trailers ("(Yonhap)", "(With contribution from
//!    Xinhua)"), sign-offs ("Kim Min-ji, KBS World Radio News."), a line
//!    that is only an outlet's name ("KBS News.", "Jiji Press"), a
//!    reporter's address ("mjkim@heraldcorp.com"), "Source: …";
//! 3. a reporter's address in the byline at the top;
//! 4. the page's own brand: a title ending "| NK News", a masthead line
//!    before the story ("NK News"), a pipe line ("Briefings | Cheong Wa
//!    Dae | May 11, 2017").
//!
//! An outlet the story merely quotes ("according to Xinhua", "Yonhap
//! reported") is not its source, nor is a photo credit ("Photo : YONHAP
//! News", "(Cheong Wa Dae)" after a caption, "Courtesy of Cheong Wa Dae").
//! The outlet table, with the staff domains, is data: `assets/outlets.toml`.

mod dateline;
mod forms;
use super::korean;
use crate::lexicon::outlets as table;
#[cfg(test)]
mod tests;

pub use dateline::dateline;
pub use table::{EMBEDDED_OUTLETS, Kind, Outlet, Outlets};

use forms::{
    bare_name, byline, email, headline_brand, is_reuters_signoff, masthead_name, pipe_line, trailer,
};

/// Compiles the dateline patterns most articles reach (see
/// `Extractor::begin`).
pub(super) fn warm_up_dateline() {
    dateline::warm_up();
}

/// Compiles the credit patterns (bylines, trailers) `source` reads.
pub(super) fn warm_up_credit() {
    forms::warm_up();
}

/// The body sentences looked at for datelines, bylines and mastheads.
const OPENING: usize = 5;
/// The closing sentences looked at for trailers and sign-offs.
const CLOSING: usize = 5;
/// The first body sentences are never read as closing lines: in a short
/// story they may be a photo caption and its credit ("… on Thursday.
/// (Yonhap)"), which credit the picture, not the story.
const CAPTION_ZONE: usize = 2;
/// A line above the story that may stand before a masthead: a date, "Get
/// behind the headlines", "Author of the article:". A longer line, or a
/// finished sentence, is a caption or the story itself, after which an
/// outlet's name alone is a photo credit.
const FURNITURE_MAX_WORDS: usize = 5;

/// A stated source: the outlet's canonical name and the words that state
/// it, a subslice of the headline or of one of the body sentences passed
/// to `source` (so its byte offset there is a pointer difference).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credit<'t> {
    pub name: String,
    pub text: &'t str,
}

impl<'t> Credit<'t> {
    fn of((outlet, text): (&Outlet, &'t str)) -> Credit<'t> {
        Credit {
            name: outlet.name.clone(),
            text,
        }
    }
}

/// The outlet the article states as its source, with the words stating
/// it. `body` are the body's sentences in order (without the headline).
pub fn source<'t>(
    outlets: &Outlets,
    headline: Option<&'t str>,
    body: &[&'t str],
) -> Option<Credit<'t>> {
    let opening = &body[..body.len().min(OPENING)];
    let closing_from = CAPTION_ZONE.min(body.len().saturating_sub(1));
    let closing = body.get(closing_from..).unwrap_or_default();
    opening_credit(outlets, opening)
        .or_else(|| closing_credit(outlets, closing))
        .or_else(|| {
            opening
                .iter()
                .find_map(|s| email(outlets, s.trim()))
                .map(Credit::of)
        })
        .or_else(|| {
            headline
                .and_then(|h| {
                    headline_brand(outlets, h)
                        .or_else(|| korean::outlet::headline_brand(outlets, h))
                })
                .map(Credit::of)
        })
        .or_else(|| masthead(outlets, opening))
}

/// A dateline's credit (known or name-like) or a byline's known outlet.
fn opening_credit<'t>(outlets: &Outlets, opening: &[&'t str]) -> Option<Credit<'t>> {
    for sentence in opening {
        if let Some(words) = dateline(sentence).and_then(|d| d.outlet) {
            if let Some(outlet) = outlets.lookup(words) {
                return Some(Credit::of((outlet, words)));
            }
            if dateline::looks_like_outlet(words) {
                return Some(Credit {
                    name: words.to_string(),
                    text: words,
                });
            }
        }
        if let Some(found) = byline(outlets, sentence.trim()) {
            return Some(Credit::of(found));
        }
    }
    None
}

/// The last lines' credit, the last line first; "(END)" and other lines
/// that credit nothing are passed over.
fn closing_credit<'t>(outlets: &Outlets, closing: &[&'t str]) -> Option<Credit<'t>> {
    let mut last = true;
    for sentence in closing.iter().rev().take(CLOSING) {
        let s = sentence.trim();
        if s.is_empty() || s.eq_ignore_ascii_case("(END)") {
            continue;
        }
        // A short office name alone ("Cheong Wa Dae") is how photo credits
        // read; a ministry's full name as the page's last line ("Ministry
        // of Foreign Affairs of Japan") signs a readout.
        let is_last = std::mem::replace(&mut last, false);
        let signs = |o: &Outlet, words: &str| {
            o.kind == Kind::News || (is_last && words.split_whitespace().nth(3).is_some())
        };
        let found = trailer(outlets, s)
            .or_else(|| bare_name(outlets, s).filter(|(o, w)| signs(o, w)))
            .or_else(|| email(outlets, s))
            .or_else(|| korean::outlet::closing(outlets, s));
        if let Some(found) = found {
            return Some(Credit::of(found));
        }
        if is_reuters_signoff(s) {
            return Some(Credit {
                name: outlets
                    .canonical("Reuters")
                    .unwrap_or("Reuters")
                    .to_string(),
                text: s,
            });
        }
    }
    None
}

/// The page's own name above the story: a pipe line anywhere in the
/// opening lines, or a line that is only an outlet's name (perhaps with
/// "News", "Online" …: "NHK WORLD-JAPAN News") with nothing but page
/// furniture above it.
fn masthead<'t>(outlets: &Outlets, opening: &[&'t str]) -> Option<Credit<'t>> {
    let mut above_story = true;
    for sentence in opening {
        let s = sentence.trim();
        if let Some(found) = pipe_line(outlets, s) {
            return Some(Credit::of(found));
        }
        if above_story {
            if let Some(found) = bare_name(outlets, s).or_else(|| masthead_name(outlets, s)) {
                return Some(Credit::of(found));
            }
            above_story = is_furniture(s);
        }
    }
    None
}

/// A short unfinished line: a date, a section name, a label.
fn is_furniture(s: &str) -> bool {
    !s.ends_with(['.', '!', '?', ')', '"', '”'])
        && s.split_whitespace().nth(FURNITURE_MAX_WORDS).is_none()
}
