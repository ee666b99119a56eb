//! Month names and the word windows the date readers look through: what
//! both `dates` and its `forms` use, so neither reaches into the other.

/// Month names and abbreviations, longest first so "March" is not read as "Mar".
pub const MONTHS: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";

pub fn month_number(name: &str) -> Option<u32> {
    let prefix = name.get(..3)?.to_ascii_lowercase();
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    months
        .iter()
        .position(|m| *m == prefix)
        .map(|i| i as u32 + 1)
}

/// `s` from the first of its last `n` whitespace-separated words on.
pub(super) fn last_words(s: &str, n: usize) -> &str {
    let first = s.split_whitespace().rev().take(n).last();
    first.map_or("", |w| &s[offset_in(s, w)..])
}

/// `s` up to the end of its first `n` whitespace-separated words.
pub(super) fn first_words(s: &str, n: usize) -> &str {
    let last = s.split_whitespace().take(n).last();
    last.map_or("", |w| &s[..offset_in(s, w) + w.len()])
}

/// Where `inner`, a slice of `outer`, starts in it.
fn offset_in(outer: &str, inner: &str) -> usize {
    inner.as_ptr() as usize - outer.as_ptr() as usize
}
