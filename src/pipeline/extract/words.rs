//! A sentence cut into lowercased ASCII words (`Words`), and the word and
//! case-folding rules the hand-written matchers of facts, clock, duration
//! and meeting share. It depends on nothing else in `extract`.

use std::cell::OnceCell;

/// "ſ" (long s) and "K" (Kelvin sign) are the only characters `(?i)` folds
/// onto ASCII letters (a test checks all of Unicode). The hand-written
/// matchers here and in the sibling modules compare ASCII case-blind only,
/// so text holding either takes the regex they stand in for.
pub(super) fn has_exotic_fold(s: &str) -> bool {
    !s.is_ascii() && (s.contains('\u{17f}') || s.contains('\u{212a}'))
}

/// The words `(?-u:\b)` separates, as byte spans: maximal runs of ASCII
/// letters, digits and '_'. Both ends are char boundaries.
pub(super) fn ascii_words(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = s.as_bytes();
    let is_word = |i: usize| bytes.get(i).is_some_and(|&b| WORD_BYTE[usize::from(b)]);
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() && !is_word(i) {
            i += 1;
        }
        let start = i;
        while is_word(i) {
            i += 1;
        }
        (start < i).then_some((start, i))
    })
}

/// ASCII letters, digits and '_', as a table: a lookup per byte is what
/// keeps the word scan cheaper than the regexes it stands in for.
pub(super) static WORD_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric() || b == b'_' as usize;
        b += 1;
    }
    table
};

/// A text cut into its ASCII words, for the hand-written matchers that
/// stand in for regexes: most regex atoms they replace are whole words
/// ("hour", "and") with gaps of a known kind (`\s+`, `[\s-]`) between.
/// Words are read lowercased, as `(?i)` reads them, and compared with
/// `matches!`, which compiles to a few integer comparisons. One `Words`
/// serves every matcher run on a sentence; the words are found on first
/// use, as a quick test on the lowercased text often makes them moot.
pub(super) struct Words<'s> {
    text: &'s str,
    lower: String,
    spans: OnceCell<Vec<(usize, usize)>>,
}

impl<'s> Words<'s> {
    #[inline]
    pub(super) fn new(text: &'s str) -> Words<'s> {
        Words {
            text,
            lower: text.to_ascii_lowercase(),
            spans: OnceCell::new(),
        }
    }

    /// The whole text, as written.
    #[inline]
    pub(super) fn source(&self) -> &'s str {
        self.text
    }

    /// The whole text, ASCII-lowercased.
    #[inline]
    pub(super) fn lower(&self) -> &str {
        &self.lower
    }

    #[inline]
    fn spans(&self) -> &[(usize, usize)] {
        self.spans.get_or_init(|| {
            // Room for the words of ordinary prose up front: growing the
            // list word by word costs more than finding the words.
            let mut spans = Vec::with_capacity(self.text.len() / 4);
            spans.extend(ascii_words(self.text));
            spans
        })
    }

    #[inline]
    pub(super) fn len(&self) -> usize {
        self.spans().len()
    }

    /// Byte offset where word `k` starts.
    #[inline]
    pub(super) fn start(&self, k: usize) -> usize {
        self.spans()[k].0
    }

    /// Byte offset where word `k` ends.
    #[inline]
    pub(super) fn end(&self, k: usize) -> usize {
        self.spans()[k].1
    }

    /// Word `k`, lowercased, if there is one.
    #[inline]
    pub(super) fn get(&self, k: usize) -> Option<&str> {
        self.spans().get(k).map(|&(a, b)| &self.lower[a..b])
    }

    /// Words `first` to `last` with the gaps between them, as written.
    #[inline]
    pub(super) fn text(&self, first: usize, last: usize) -> &'s str {
        &self.text[self.start(first)..self.end(last)]
    }

    /// Whether word `k` is `word` (lowercase).
    #[inline]
    pub(super) fn is(&self, k: usize, word: &str) -> bool {
        self.get(k) == Some(word)
    }

    /// Whether word `k` starts with `prefix` (lowercase).
    #[inline]
    pub(super) fn starts(&self, k: usize, prefix: &str) -> bool {
        self.get(k).is_some_and(|w| w.starts_with(prefix))
    }

    /// Whether word `k` is ASCII digits, as many as `lens` allows.
    #[inline]
    pub(super) fn is_number(&self, k: usize, lens: std::ops::RangeInclusive<usize>) -> bool {
        self.get(k)
            .is_some_and(|w| lens.contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit()))
    }

    /// The text between words `k` and `k + 1`; none after the last word.
    #[inline]
    pub(super) fn gap(&self, k: usize) -> Option<&'s str> {
        let next = self.spans().get(k + 1)?;
        Some(&self.text[self.end(k)..next.0])
    }

    /// `\s+` between words `k` and `k + 1`.
    #[inline]
    pub(super) fn spaces(&self, k: usize) -> bool {
        self.gap(k)
            .is_some_and(|g| g.chars().all(char::is_whitespace))
    }

    /// `[\s-]+` between words `k` and `k + 1`.
    #[inline]
    pub(super) fn dashes(&self, k: usize) -> bool {
        self.gap(k)
            .is_some_and(|g| g.chars().all(|c| c.is_whitespace() || c == '-'))
    }

    /// `[\s-]`, exactly one, between words `k` and `k + 1`.
    #[inline]
    pub(super) fn one_dash(&self, k: usize) -> bool {
        self.gap(k).is_some_and(|g| {
            let mut chars = g.chars();
            chars.next().is_some_and(|c| c.is_whitespace() || c == '-') && chars.next().is_none()
        })
    }
}

#[cfg(test)]
pub(super) mod tests {
    use proptest::prelude::*;
    use regex::Regex;

    use super::*;

    #[test]
    fn only_long_s_and_kelvin_fold_onto_ascii_letters() {
        let letter = Regex::new(r"(?i)^[a-z]$").unwrap();
        let space = Regex::new(r"^\s$").unwrap();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = c.to_string();
            let folds = letter.is_match(&text) && !c.is_ascii_alphabetic();
            assert_eq!(folds, has_exotic_fold(&text), "{c:?}");
            assert_eq!(space.is_match(&text), c.is_whitespace(), "{c:?}");
        }
    }

    #[test]
    fn words_split_where_ascii_word_boundaries_are() {
        let spans = |s| ascii_words(s).collect::<Vec<_>>();
        assert_eq!(spans(""), []);
        assert_eq!(spans("  "), []);
        assert_eq!(spans("a_1 b"), [(0, 3), (4, 5)]);
        assert_eq!(spans("éa—b2é"), [(2, 3), (6, 8)]);
    }

    /// Text for comparing a hand-written matcher with its regex: words from
    /// `vocabulary` in random ASCII case, each followed by a gap.
    pub(in crate::pipeline::extract) fn text_from(
        vocabulary: &'static [&'static str],
        gaps: &'static [&'static str],
    ) -> impl Strategy<Value = String> {
        let word = (prop::sample::select(vocabulary), any::<u64>()).prop_map(|(w, upper)| {
            w.chars()
                .enumerate()
                .map(|(i, c)| match upper >> (i % 64) & 1 {
                    1 => c.to_ascii_uppercase(),
                    _ => c,
                })
                .collect::<String>()
        });
        let part = (prop::sample::select(gaps), word, prop::sample::select(gaps));
        prop::collection::vec(part, 0..12).prop_map(|parts| {
            parts
                .into_iter()
                .map(|(before, word, after)| format!("{before}{word}{after}"))
                .collect()
        })
    }

    /// Gaps between words, with the whitespace, dashes and non-ASCII letters
    /// that word boundaries and `\s` treat differently.
    pub(in crate::pipeline::extract) const GAPS: &[&str] = &[
        "", "", " ", " ", " ", "  ", "\t", "\n", "\u{a0}", "\u{2003}", "-", " - ", "--", ".", ". ",
        ",", ", ", ":", "'", "’", "(", ")", "é", "_", "x", "7", "—",
    ];
}
