//! The allocation-free word tests of `names` against the `to_lowercase`
//! forms they replace.

use proptest::prelude::*;

use super::*;

/// `stands_alone` as first written, with `to_lowercase` Strings.
fn stands_alone_reference(sentence: &str, start: usize, end: usize) -> bool {
    let next = sentence[end..].split_whitespace().next().unwrap_or("");
    if sentence[end..].starts_with(char::is_whitespace) && next.starts_with(char::is_uppercase) {
        return false;
    }
    let before = &sentence[..start];
    if !before.ends_with(char::is_whitespace) {
        return true;
    }
    let raw_prev = before.split_whitespace().next_back().unwrap_or("");
    let prev = prev_token(before);
    let first_word = raw_prev.is_empty()
        || before.trim().len() == raw_prev.len()
        || raw_prev.ends_with(['.', '!', '?', ':', '"', '”'])
            && !TITLES.contains(&raw_prev.to_lowercase().as_str());
    let lower = prev.to_lowercase();
    first_word
        || !prev.starts_with(char::is_uppercase)
        || TITLES.contains(&lower.as_str())
        || lower.ends_with("'s")
        || lower.ends_with("’s")
}

/// What `lowercases_to` and `is_possessive` rely on, for every char.
#[test]
fn few_chars_lower_case_into_ascii() {
    for c in (0..=0x10ffff).filter_map(char::from_u32) {
        let lower: String = c.to_lowercase().collect();
        if lower.is_ascii() {
            assert!(c.is_ascii() || c == '\u{212a}', "{c:?}");
        }
        if lower.ends_with(['s', '\'', '’']) {
            assert!(matches!(c, 's' | 'S' | '\'' | '’'), "{c:?}");
            assert_eq!(lower.chars().count(), 1, "{c:?}");
        }
    }
    assert_eq!('\u{212a}'.to_lowercase().to_string(), "k");
    assert!(lowercases_to("\u{212a}", "k") && lowercases_to("MR.", "mr."));
    assert!(!lowercases_to("\u{130}", "i") && !lowercases_to("mr", "mr."));
}

const PIECES: &[&str] = &[
    "Lee",
    "President",
    "PRESIDENT",
    "Mr.",
    "mr",
    "Dr",
    "and",
    "Madam",
    "Pm",
    "Hu's",
    "Korea’S",
    "x's",
    "Olympic",
    "Kang-in",
    "kang",
    "\u{212a}",
    "\u{130}",
    "ſ",
    "É",
    "é",
    "\u{301}",
    "\"",
    "”",
    "'",
    "’",
    ".",
    "!",
    "?",
    ":",
    "-",
    "(",
    "_",
    "1",
    " ",
    " ",
    "  ",
    "\n",
    "\u{a0}",
    "\u{3000}",
    "\t",
];

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(PIECES), 0..14)
        .prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn stands_alone_as_before(text in text(), a in 0usize..64, b in 0usize..64) {
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        let start = bounds[a % bounds.len()];
        let end = bounds[(a + b) % bounds.len()].max(start);
        prop_assert_eq!(
            stands_alone(&text, start, end),
            stands_alone_reference(&text, start, end)
        );
    }

    #[test]
    fn word_tests_as_before(word in text()) {
        let lower = word.to_lowercase();
        prop_assert_eq!(is_title(&word), TITLES.contains(&lower.as_str()));
        prop_assert_eq!(
            is_possessive(&word),
            lower.ends_with("'s") || lower.ends_with("’s")
        );
        for title in TITLES {
            prop_assert_eq!(lowercases_to(&word, title), lower == *title);
        }
    }
}
