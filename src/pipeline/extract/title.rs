//! The title of an article: the header headline when there is one, else the
//! first real sentence of the body, with a dateline or wire credit in front
//! of it dropped. Always one line.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use super::dates::page_line_date;
use super::outlet::dateline;
use super::text::one_line;

/// Longer first sentences are cut at a word boundary: a title is a label.
const MAX_CHARS: usize = 240;

static NOT_A_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?-i:By\s+\p{Lu})|photo(?-u:\b)|image(?-u:\b)|source(?-u:\b)|copyright(?-u:\b)|©|\(?\s*with (?:contributions?|assistance|reporting) from(?-u:\b)|published(?-u:\b)|updated(?-u:\b)|posted(?-u:\b)|\(?end\)?$)|\|")
        .expect("title filter regex is valid")
});

/// Compiles the title filter, which most articles reach (see
/// `Extractor::with_outlets`).
pub(super) fn warm_up() {
    LazyLock::force(&NOT_A_TITLE);
}

pub fn title<'t>(headline: Option<&str>, body: impl IntoIterator<Item = &'t str>) -> String {
    if let Some(h) = headline.map(as_one_line).filter(|h| !h.is_empty()) {
        return clip(h.into_owned());
    }
    for sentence in body {
        let text = match dateline(sentence) {
            Some(d) => sentence.get(d.end..).unwrap_or(""),
            None => sentence,
        };
        let text = as_one_line(text);
        if is_real_sentence(&text) {
            return clip(text.into_owned());
        }
    }
    String::new()
}

/// `one_line`, borrowing `s` when it already is one line, as cleaned
/// sentences nearly always are: most sentences tried are not kept.
fn as_one_line(s: &str) -> Cow<'_, str> {
    let mut after_space = true;
    let spaced_once = s.chars().all(|c| {
        let ok = !c.is_whitespace() || (c == ' ' && !after_space);
        after_space = c.is_whitespace();
        ok
    });
    if spaced_once && !s.ends_with(char::is_whitespace) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(one_line(s))
    }
}

/// Not a byline, credit, page line, lone parenthetical or fragment.
fn is_real_sentence(s: &str) -> bool {
    let four_words = s
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .nth(3)
        .is_some();
    four_words
        && !NOT_A_TITLE.is_match(s)
        && !(s.starts_with('(') && s.ends_with(')'))
        && page_line_date(s).is_none()
}

fn clip(s: String) -> String {
    if s.chars().count() <= MAX_CHARS {
        return s;
    }
    let cut: String = s.chars().take(MAX_CHARS).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > MAX_CHARS / 2 => cut[..i].to_string(),
        _ => cut,
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_wins_and_is_one_line() {
        assert_eq!(
            title(Some("Moon,\n Xi  talk"), ["Body sentence here is long."]),
            "Moon, Xi talk"
        );
    }

    #[test]
    fn first_real_sentence_with_dateline_dropped() {
        let body = ["(Bloomberg) — Chinese President Xi Jinping held his first call with Lee."];
        assert_eq!(
            title(None, body),
            "Chinese President Xi Jinping held his first call with Lee."
        );
        let body = ["BEIJING, Jan. 26 (Xinhua) -- Xi spoke with Moon by phone on Tuesday."];
        assert_eq!(
            title(Some("  "), body),
            "Xi spoke with Moon by phone on Tuesday."
        );
    }

    #[test]
    fn bylines_page_lines_and_credits_are_skipped() {
        let body = [
            "By Kim Tong-hyung, AP",
            "Briefings | Speeches | May 11, 2017",
            "Published: 2020-02-20",
            "(Yonhap)",
            "Photo: KBS News",
            "Moon and Xi spoke for 32 minutes on Thursday.",
        ];
        assert_eq!(
            title(None, body),
            "Moon and Xi spoke for 32 minutes on Thursday."
        );
        assert_eq!(title(None, ["(END)"]), "");
    }

    #[test]
    fn one_line_borrows_only_what_already_is_one_line() {
        for s in [
            "",
            " ",
            "a",
            "a b",
            " a",
            "a ",
            "a  b",
            "a\tb",
            "a\nb",
            "a\u{a0}b",
            "한국 대통령",
            "x\u{3000}",
            "\u{2028}",
        ] {
            let got = as_one_line(s);
            assert_eq!(got, one_line(s), "{s:?}");
            assert_eq!(matches!(got, Cow::Borrowed(_)), one_line(s) == s, "{s:?}");
        }
    }

    #[test]
    fn long_sentences_are_clipped_at_a_word() {
        let long = "word ".repeat(100);
        let t = title(None, [long.as_str()]);
        assert!(t.chars().count() <= MAX_CHARS + 1 && t.ends_with('…'));
    }
}
