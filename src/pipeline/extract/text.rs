//! Small text helpers shared by the extractors: word boundaries that agree
//! with how the lexicons are written, and tokens.

/// A pattern occurrence: `(start, end, pattern)`.
pub type Found = (usize, usize, usize);

/// A letter, digit or underscore: what a word boundary separates.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// No word character just before byte `i` (or `i` is not a char boundary's
/// middle of a word).
pub fn boundary_before(s: &str, i: usize) -> bool {
    s.get(..i)
        .and_then(|head| head.chars().next_back())
        .is_none_or(|c| !is_word_char(c))
}

/// No word character at byte `i`.
pub fn boundary_after(s: &str, i: usize) -> bool {
    s.get(i..)
        .and_then(|tail| tail.chars().next())
        .is_none_or(|c| !is_word_char(c))
}

/// Byte length of the first whitespace-delimited token, if any.
pub fn word_at(s: &str) -> Option<usize> {
    let s_trim = s.trim_start();
    let lead = s.len() - s_trim.len();
    let len = s_trim.find(char::is_whitespace).unwrap_or(s_trim.len());
    (len > 0).then_some(lead + len)
}

/// At most the last `max` bytes of `s`, cut on a char boundary: the
/// window a look-behind needs, so long texts stay linear.
pub fn tail(s: &str, max: usize) -> &str {
    let mut i = s.len().saturating_sub(max);
    while !s.is_char_boundary(i) {
        i += 1;
    }
    &s[i..]
}

/// The whitespace-collapsed, single-line form of `s`.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries() {
        assert!(boundary_before("a trade", 2));
        assert!(!boundary_before("atrade", 1));
        assert!(boundary_after("trade-off", 5));
        assert!(!boundary_after("trader", 5));
        assert!(boundary_before("—trade", "—".len()));
        assert!(boundary_after("x", 1));
    }

    #[test]
    fn tokens() {
        assert_eq!(word_at("  ab cd"), Some(4));
        assert_eq!(word_at("   "), None);
        assert_eq!(one_line(" a\n b\tc "), "a b c");
    }
}
