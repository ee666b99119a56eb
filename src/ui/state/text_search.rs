//! Search inside the article shown (`/` in the detail or side-by-side
//! pane, as in less and tig): the text typed, and where it occurs in the
//! pane's laid-out lines. The lines come from the layout cache
//! (`state::detail_layout`), so a keystroke searches text already laid
//! out and never lays it out again. Case is ignored unless the text has a
//! capital (smart case, as in less -i and vim).

use ratatui::text::Line;

use super::line_input::LineInput;

/// The search typed in the pane, and the match `n`/`N` last landed on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextSearch {
    pub input: LineInput,
    /// The prompt has the keys (typing); false once Enter kept it.
    pub typing: bool,
    pub current: Option<TextMatch>,
    /// Where the pane was when the search opened: each keystroke looks
    /// from here, so the view does not run ahead while typing.
    pub origin: usize,
}

/// One occurrence: its line and its columns, in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextMatch {
    pub line: usize,
    pub start: usize,
    pub end: usize,
}

impl TextSearch {
    pub fn needle(&self) -> &str {
        self.input.text()
    }
}

/// A line's text, its spans joined.
pub fn line_text(line: &Line) -> String {
    line.spans.iter().map(|s| s.content.as_ref()).collect()
}

/// How characters compare: folded to lower case unless the needle has a
/// capital.
fn folder(needle: &str) -> fn(char) -> char {
    if needle.chars().any(char::is_uppercase) {
        |c| c
    } else {
        |c| c.to_lowercase().next().unwrap_or(c)
    }
}

/// Every occurrence of `needle` in one line of text, not overlapping.
pub fn find_in(text: &str, needle: &str) -> Vec<(usize, usize)> {
    let fold = folder(needle);
    let hay: Vec<char> = text.chars().map(fold).collect();
    let pat: Vec<char> = needle.chars().map(fold).collect();
    let mut out = Vec::new();
    if pat.is_empty() || pat.len() > hay.len() {
        return out;
    }
    let mut i = 0;
    while i + pat.len() <= hay.len() {
        if hay[i..i + pat.len()] == pat[..] {
            out.push((i, i + pat.len()));
            i += pat.len();
        } else {
            i += 1;
        }
    }
    out
}

/// Every occurrence in `lines`, in reading order.
pub fn find(lines: &[Line], needle: &str) -> Vec<TextMatch> {
    lines
        .iter()
        .enumerate()
        .flat_map(|(line, l)| {
            find_in(&line_text(l), needle)
                .into_iter()
                .map(move |(start, end)| TextMatch { line, start, end })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smart_case_and_no_overlaps() {
        assert_eq!(find_in("Xi and xi, XI", "xi"), [(0, 2), (7, 9), (11, 13)]);
        assert_eq!(find_in("Xi and xi, XI", "Xi"), [(0, 2)]);
        assert_eq!(find_in("aaaa", "aa"), [(0, 2), (2, 4)]);
        assert_eq!(find_in("문재인 대통령", "대통령"), [(4, 7)]);
        assert!(find_in("short", "").is_empty());
        assert!(find_in("ab", "abc").is_empty());
    }

    #[test]
    fn matches_are_found_across_spans_by_line() {
        let lines = vec![
            Line::from(vec!["Moon ".into(), "and Xi".into()]),
            Line::from("nothing here"),
            Line::from("xi again"),
        ];
        let found = find(&lines, "d x");
        assert_eq!(
            found,
            [TextMatch {
                line: 0,
                start: 7,
                end: 10
            }]
        );
        assert_eq!(find(&lines, "xi").len(), 2);
    }
}
