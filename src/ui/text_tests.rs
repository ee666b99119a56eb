//! Tests of the width-aware text helpers: wrapping, cutting, inert text.

use super::*;

fn text_of(c: &Cells) -> String {
    c.cells.iter().map(|&(c, _)| c).collect()
}

#[test]
fn wide_characters_are_measured_in_columns() {
    assert_eq!(width("이재명"), 6);
    assert_eq!(width("习近平"), 6);
    let mut c = Cells::new();
    c.push("이재명 习近平", Style::default());
    c.truncate(7);
    assert_eq!(text_of(&c), "이재명…");
    assert!(c.width() <= 7);
}

#[test]
fn wrapping_breaks_at_spaces_and_inside_long_words() {
    let mut c = Cells::new();
    c.push("the quick brown fox", Style::default());
    let lines: Vec<String> = c.wrap(10).iter().map(text_of).collect();
    assert_eq!(lines, ["the quick", "brown fox"]);
    let mut c = Cells::new();
    c.push("习近平主席同韩国总统通电话", Style::default());
    for line in c.wrap(7) {
        assert!(line.width() <= 7);
    }
}

#[test]
fn control_characters_never_survive() {
    let mut c = Cells::new();
    c.push_untrusted("a\u{1b}]0;pwned\u{7}b", Style::default());
    assert!(!text_of(&c).chars().any(char::is_control));
}

#[test]
fn width_is_per_grapheme_cluster_as_ratatui_draws_it() {
    // An accent stays in its letter's cell; an emoji with a skin tone
    // is one wide cell; a ZWJ is dropped from what is drawn.
    assert_eq!(width("e\u{301}"), 1);
    assert_eq!(width("👍🏽"), 2);
    let mut c = Cells::new();
    c.push_untrusted("a\u{200D}b e\u{301}", Style::default());
    assert_eq!(text_of(&c), "ab e\u{301}");
    assert_eq!(c.width(), 4);
    for cut in 1..6 {
        let mut t = c.clone();
        t.truncate(cut);
        assert!(t.width() <= cut);
        assert!(!text_of(&t).contains("e…") || cut < 4);
    }
}

#[test]
fn wrapping_never_splits_a_cluster_nor_hangs_a_word_it_would_cut() {
    let mut c = Cells::new();
    c.push("xe\u{301}\u{301}yz", Style::default());
    let lines: Vec<String> = c.wrap(2).iter().map(text_of).collect();
    assert_eq!(lines, ["xe\u{301}\u{301}", "yz"]);
    // "date     2025-06-10" at 18 columns: the date moves down whole
    // rather than hanging under the label in 9 columns.
    let mut c = Cells::new();
    c.push("date     2025-06-10 · weekday", Style::default());
    let lines: Vec<String> = c.wrap_hanging(18, 9).iter().map(text_of).collect();
    assert!(
        lines
            .iter()
            .any(|l| l.trim_start().starts_with("2025-06-10")),
        "{lines:?}"
    );
    assert!(lines.iter().all(|l| !l.ends_with("2025-06-1")), "{lines:?}");
}

#[test]
fn ranges_off_char_boundaries_are_ignored() {
    let mut c = Cells::new();
    c.push_ranges(
        "이재명 said",
        Style::default(),
        &[(1, 2, Style::default())],
        0,
    );
    assert_eq!(text_of(&c), "이재명 said");
}
