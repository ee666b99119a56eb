//! Width-aware text building shared by every pane: untrusted strings are
//! made inert here, measured per grapheme cluster the way ratatui and the
//! terminal draw them (`unicode-segmentation` + `unicode-width`: Korean and
//! Chinese names take two columns, an accent or an emoji sequence stays in
//! its cell), truncated with `…` and wrapped, never inside a cluster.

use std::borrow::Cow;

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::sanitize::inert;

/// Untrusted text (from an article or a file name) made safe to draw: the
/// sanitizer removes escape sequences, and any control character it leaves
/// behind is replaced here as a second line of defence, so nothing from an
/// article can reach the terminal as a command.
pub fn safe(text: &str) -> Cow<'_, str> {
    let cleaned = inert(text, false);
    if cleaned.chars().any(|c| c.is_control() || invisible(c)) {
        Cow::Owned(
            cleaned
                .chars()
                .filter(|&c| !invisible(c))
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

/// Invisible format characters (zero-width space and joiners, direction
/// marks and isolates, word joiner, BOM) that terminals join or draw
/// differently from each other: a U+200D in an article shifted the pane's
/// right border. Dropped from what is drawn; they carry no visible text.
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}'
    )
}

/// Display width of one character on its own; control and zero-width
/// characters take no column. Text is measured by `width`, per cluster.
pub fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// Display width of a string, per grapheme cluster, as ratatui draws it.
pub fn width(s: &str) -> usize {
    s.graphemes(true).map(cluster_width).sum()
}

/// Columns one grapheme cluster takes; ratatui drops clusters of width 0
/// and those holding a control character.
fn cluster_width(g: &str) -> usize {
    if g.contains(char::is_control) {
        0
    } else {
        g.width()
    }
}

/// `Cells::cols` of a character that continues the cluster before it.
const JOINED: u8 = u8::MAX;

/// A row of styled characters being assembled, measured in columns.
#[derive(Debug, Clone, Default)]
pub struct Cells {
    cells: Vec<(char, Style)>,
    /// Hit number carried by each character, for "which line holds hit k".
    tags: Vec<Option<usize>>,
    /// Columns of the cluster each character starts, or `JOINED` for a
    /// character that continues the cluster before it.
    cols: Vec<u8>,
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
        for g in text.graphemes(true) {
            self.push_cluster(g, style, tag);
        }
        self
    }

    /// One grapheme cluster, in one style (a cluster is never split across
    /// styles: ratatui would measure the pieces apart).
    fn push_cluster(&mut self, g: &str, style: Style, tag: Option<usize>) {
        let w = cluster_width(g).min(JOINED as usize - 1) as u8;
        let mut first = true;
        for c in g.chars() {
            if c.is_control() {
                continue;
            }
            self.cells.push((c, style));
            self.tags.push(tag);
            self.cols.push(if first { w } else { JOINED });
            first = false;
        }
    }

    /// Columns of character `i`: its cluster's width on its first
    /// character, 0 on the others.
    fn col(&self, i: usize) -> usize {
        match self.cols.get(i) {
            Some(&JOINED) | None => 0,
            Some(&w) => w as usize,
        }
    }

    fn joined(&self, i: usize) -> bool {
        self.cols.get(i) == Some(&JOINED)
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
        let mut i = 0;
        for g in text.graphemes(true) {
            let n = g.chars().count();
            let s = if (i..i + n).any(|k| char_indices.contains(&k)) {
                style.patch(highlight)
            } else {
                style
            };
            self.push_cluster(g, s, None);
            i += n;
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
        self.cols.extend(other.cols);
        self
    }

    pub fn width(&self) -> usize {
        (0..self.cells.len()).map(|i| self.col(i)).sum()
    }

    fn push_cell(&mut self, c: char, style: Style) {
        self.cells.push((c, style));
        self.tags.push(None);
        self.cols.push(char_width(c) as u8);
    }

    fn cut(&mut self, keep: usize) {
        self.cells.truncate(keep);
        self.tags.truncate(keep);
        self.cols.truncate(keep);
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
        for i in 0..self.cells.len() {
            let w = self.col(i);
            // A cluster stays whole: its joined characters go with it.
            if !self.joined(i) && used + w + 1 > max {
                break;
            }
            used += w;
            keep += 1;
        }
        let style = self.cells.get(keep).map(|&(_, s)| s).unwrap_or_default();
        self.cut(keep);
        if max > 0 {
            self.push_cell('…', style);
        }
        self
    }

    /// Pad with spaces up to `columns` wide.
    pub fn pad_to(&mut self, columns: usize, style: Style) -> &mut Cells {
        let w = self.width();
        for _ in w..columns {
            self.push_cell(' ', style);
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
        for (i, (c, s)) in self.cells.into_iter().enumerate() {
            // A joined character keeps its cluster's style (one span).
            let s = match style {
                Some(prev) if self.cols.get(i) == Some(&JOINED) => prev,
                _ => s,
            };
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
        let n = self.cells.len();
        let items: Vec<((char, Style), Option<usize>, u8)> = self
            .cells
            .into_iter()
            .zip(self.tags)
            .zip(self.cols)
            .map(|((c, t), w)| (c, t, w))
            .collect();
        let is_space = |i: usize| {
            items[i].0.0 == ' '
                && items[i].2 != JOINED
                && items.get(i + 1).is_none_or(|x| x.2 != JOINED)
        };
        let cols = |i: usize| match items[i].2 {
            JOINED => 0,
            w => w as usize,
        };
        // The widest word: when it would fit a line but not the room an
        // indent leaves, the indent goes, so a date or a name is never cut
        // in two just to hang under its label.
        let mut widest = 0;
        let mut run = 0;
        for i in 0..n {
            if is_space(i) {
                run = 0;
            } else {
                run += cols(i);
                widest = widest.max(run);
            }
        }
        let indent = if indent * 2 > columns || (widest > columns - indent && widest <= columns) {
            0
        } else {
            indent
        };
        let mut lines: Vec<Cells> = Vec::new();
        let mut line = Cells::new();
        let mut line_w = 0;
        let limit = columns;
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
        let push = |line: &mut Cells, i: usize| {
            line.cells.push(items[i].0);
            line.tags.push(items[i].1);
            line.cols.push(items[i].2);
        };
        let mut i = 0;
        while i < n {
            if is_space(i) {
                // Spaces that open the text are kept (indentation); at
                // the start of a wrapped line they are dropped.
                if (line_w > line_start || first) && line_w < limit {
                    push(&mut line, i);
                    line_w += 1;
                }
                i += 1;
                continue;
            }
            // One word: up to the next space.
            let mut j = i;
            let mut word_w = 0;
            while j < n && !is_space(j) {
                word_w += cols(j);
                j += 1;
            }
            if line_w + word_w > limit && line_w > line_start {
                break_line(&mut line, &mut line_w, &mut line_start, &mut first);
            }
            for (k, item) in items.iter().enumerate().take(j).skip(i) {
                let w = cols(k);
                // Break only between clusters.
                if item.2 != JOINED && line_w + w > limit && line_w > line_start {
                    break_line(&mut line, &mut line_w, &mut line_start, &mut first);
                }
                push(&mut line, k);
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
    while line.cells.last().is_some_and(|&(c, _)| c == ' ') && line.cols.last() != Some(&JOINED) {
        line.cells.pop();
        line.tags.pop();
        line.cols.pop();
    }
}

/// One line of trusted text in one style.
pub fn plain(text: impl Into<String>, style: Style) -> Line<'static> {
    Line::from(Span::styled(text.into(), style))
}

#[cfg(test)]
#[path = "text_tests.rs"]
mod tests;
