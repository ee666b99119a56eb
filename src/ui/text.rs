//! Width-aware text building shared by every pane: untrusted strings are
//! made inert here, measured with `unicode-width` (so Korean and Chinese
//! names take the two columns they occupy), truncated with `…` and wrapped.

use std::borrow::Cow;

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

use crate::sanitize::inert;

/// Untrusted text (from an article or a file name) made safe to draw: the
/// sanitizer removes escape sequences, and any control character it leaves
/// behind is replaced here as a second line of defence, so nothing from an
/// article can reach the terminal as a command.
pub fn safe(text: &str) -> Cow<'_, str> {
    let cleaned = inert(text, false);
    if cleaned.chars().any(char::is_control) {
        Cow::Owned(
            cleaned
                .chars()
                .map(|c| match c {
                    '\t' | '\n' | '\r' => ' ',
                    c if c.is_control() => '\u{fffd}',
                    c => c,
                })
                .collect(),
        )
    } else {
        cleaned
    }
}

/// Display width of one character; control and zero-width characters take
/// no column.
pub fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// Display width of a string.
pub fn width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// A row of styled characters being assembled, measured in columns.
#[derive(Debug, Clone, Default)]
pub struct Cells {
    cells: Vec<(char, Style)>,
    /// Hit number carried by each character, for "which line holds hit k".
    tags: Vec<Option<usize>>,
}

impl Cells {
    pub fn new() -> Cells {
        Cells::default()
    }

    /// Append trusted text (labels written by hotline itself).
    pub fn push(&mut self, text: &str, style: Style) -> &mut Cells {
        self.push_tagged(text, style, None)
    }

    /// Append untrusted text: it goes through [`safe`] first.
    pub fn push_untrusted(&mut self, text: &str, style: Style) -> &mut Cells {
        let text = safe(text);
        self.push_tagged(&text, style, None)
    }

    fn push_tagged(&mut self, text: &str, style: Style, tag: Option<usize>) -> &mut Cells {
        for c in text.chars() {
            if c.is_control() {
                continue;
            }
            self.cells.push((c, style));
            self.tags.push(tag);
        }
        self
    }

    /// Append untrusted text, highlighting the characters whose indices (in
    /// `text`, counted in chars) are listed.
    pub fn push_highlighted(
        &mut self,
        text: &str,
        style: Style,
        highlight: Style,
        char_indices: &[usize],
    ) -> &mut Cells {
        // Indices count characters of the original; if making the text
        // safe changed it, they no longer line up: show it unhighlighted.
        let cleaned = safe(text);
        if char_indices.is_empty() || matches!(cleaned, Cow::Owned(_)) {
            return self.push_tagged(&cleaned, style, None);
        }
        for (i, c) in text.chars().enumerate() {
            let s = if char_indices.contains(&i) {
                style.patch(highlight)
            } else {
                style
            };
            self.cells.push((c, s));
            self.tags.push(None);
        }
        self
    }

    /// Append untrusted text with byte ranges highlighted; each range gets
    /// `hit_base + its position` as its tag so wrapped lines can say where
    /// each hit landed. Ranges that are not on character boundaries are
    /// ignored rather than trusted.
    pub fn push_ranges(
        &mut self,
        text: &str,
        style: Style,
        ranges: &[(usize, usize, Style)],
        hit_base: usize,
    ) -> &mut Cells {
        let mut at = 0;
        for (k, &(start, end, hl)) in ranges.iter().enumerate() {
            if start < at || end < start {
                continue;
            }
            let (Some(before), Some(inside)) = (text.get(at..start), text.get(start..end)) else {
                continue;
            };
            self.push_tagged(&safe(before), style, None);
            self.push_tagged(&safe(inside), style.patch(hl), Some(hit_base + k));
            at = end;
        }
        if let Some(rest) = text.get(at..) {
            self.push_tagged(&safe(rest), style, None);
        }
        self
    }

    pub fn append(&mut self, other: Cells) -> &mut Cells {
        self.cells.extend(other.cells);
        self.tags.extend(other.tags);
        self
    }

    pub fn width(&self) -> usize {
        self.cells.iter().map(|&(c, _)| char_width(c)).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }

    /// Cut to at most `max` columns, ending in `…` when something was cut.
    pub fn truncate(&mut self, max: usize) -> &mut Cells {
        if self.width() <= max {
            return self;
        }
        let mut used = 0;
        let mut keep = 0;
        for &(c, _) in &self.cells {
            let w = char_width(c);
            if used + w + 1 > max {
                break;
            }
            used += w;
            keep += 1;
        }
        let style = self.cells.get(keep).map(|&(_, s)| s).unwrap_or_default();
        self.cells.truncate(keep);
        self.tags.truncate(keep);
        if max > 0 {
            self.cells.push(('…', style));
            self.tags.push(None);
        }
        self
    }

    /// Pad with spaces up to `columns` wide.
    pub fn pad_to(&mut self, columns: usize, style: Style) -> &mut Cells {
        let w = self.width();
        for _ in w..columns {
            self.cells.push((' ', style));
            self.tags.push(None);
        }
        self
    }

    /// `left`, then `right` flush against the right edge of `columns`; the
    /// left part is truncated first, then the right part is dropped if even
    /// that is not enough.
    pub fn spread(mut left: Cells, right: Cells, columns: usize) -> Cells {
        let rw = right.width();
        if rw + 2 > columns {
            left.truncate(columns);
            return left;
        }
        left.truncate(columns - rw - 1);
        left.pad_to(columns - rw, Style::default());
        left.append(right);
        left
    }

    /// Tags present in this row.
    pub fn tags(&self) -> impl Iterator<Item = usize> + '_ {
        self.tags.iter().filter_map(|t| *t)
    }

    pub fn into_line(self) -> Line<'static> {
        let mut spans: Vec<Span<'static>> = Vec::new();
        let mut current = String::new();
        let mut style: Option<Style> = None;
        for (c, s) in self.cells {
            if style != Some(s) {
                if let Some(prev) = style
                    && !current.is_empty()
                {
                    spans.push(Span::styled(std::mem::take(&mut current), prev));
                }
                style = Some(s);
            }
            current.push(c);
        }
        if let Some(prev) = style
            && !current.is_empty()
        {
            spans.push(Span::styled(current, prev));
        }
        Line::from(spans)
    }

    /// Greedy word wrap to `columns`; words longer than a line (or text
    /// without spaces, such as Chinese) break at the column limit. Returns
    /// the lines with the tags each holds.
    pub fn wrap(self, columns: usize) -> Vec<Cells> {
        self.wrap_hanging(columns, 0)
    }

    /// Like `wrap`, with continuation lines indented by `indent` columns
    /// (for "label   value" lines whose value runs on).
    pub fn wrap_hanging(self, columns: usize, indent: usize) -> Vec<Cells> {
        let columns = columns.max(1);
        let indent = if indent * 2 > columns { 0 } else { indent };
        let mut lines: Vec<Cells> = Vec::new();
        let mut line = Cells::new();
        let mut line_w = 0;
        let limit = columns;
        let items: Vec<((char, Style), Option<usize>)> =
            self.cells.into_iter().zip(self.tags).collect();
        // Columns a line starts with: 0 on the first, `indent` after.
        let mut line_start = 0;
        let mut first = true;
        let mut break_line =
            |line: &mut Cells, line_w: &mut usize, line_start: &mut usize, first: &mut bool| {
                *first = false;
                trim_end(line);
                lines.push(std::mem::take(line));
                line.pad_to(indent, Style::default());
                *line_w = indent;
                *line_start = indent;
            };
        let mut i = 0;
        while i < items.len() {
            let ((c, _), _) = items[i];
            if c == ' ' {
                // Spaces that open the text are kept (indentation); at
                // the start of a wrapped line they are dropped.
                if (line_w > line_start || first) && line_w < limit {
                    line.cells.push(items[i].0);
                    line.tags.push(items[i].1);
                    line_w += 1;
                }
                i += 1;
                continue;
            }
            // One word: up to the next space.
            let mut j = i;
            let mut word_w = 0;
            while j < items.len() && items[j].0.0 != ' ' {
                word_w += char_width(items[j].0.0);
                j += 1;
            }
            if line_w + word_w > limit && line_w > line_start {
                break_line(&mut line, &mut line_w, &mut line_start, &mut first);
            }
            for item in &items[i..j] {
                let w = char_width(item.0.0);
                if line_w + w > limit && line_w > line_start {
                    break_line(&mut line, &mut line_w, &mut line_start, &mut first);
                }
                line.cells.push(item.0);
                line.tags.push(item.1);
                line_w += w;
            }
            i = j;
        }
        trim_end(&mut line);
        if line_w > line_start || lines.is_empty() {
            lines.push(line);
        }
        lines
    }
}

fn trim_end(line: &mut Cells) {
    while line.cells.last().is_some_and(|&(c, _)| c == ' ') {
        line.cells.pop();
        line.tags.pop();
    }
}

/// One line of trusted text in one style.
pub fn plain(text: impl Into<String>, style: Style) -> Line<'static> {
    Line::from(Span::styled(text.into(), style))
}

#[cfg(test)]
mod tests {
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
}
