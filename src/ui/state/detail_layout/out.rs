//! The writer every section of the detail pane lays its lines out with
//! (`Out`), and the one-line article header (`meta_line`) that the article
//! and the evidence view share. A leaf of `detail_layout`: the section
//! files import it, it imports none of them.

use std::collections::HashSet;

use ratatui::style::Style;
use ratatui::text::Line;

use super::DetailView;
use crate::model::Article;
use crate::ui::state::app::App;
use crate::ui::text::Cells;

/// Accumulates wrapped lines and where the hits landed. Each hit is
/// recorded once, at its first line, in constant time: a text with a
/// million hits costs its length, not hits².
pub(super) struct Out {
    pub(super) width: usize,
    pub(super) lines: Vec<Line<'static>>,
    hit_lines: Vec<(usize, usize)>,
    seen: HashSet<usize>,
}

impl Out {
    pub(super) fn new(width: usize) -> Out {
        Out {
            width: width.max(1),
            lines: Vec::new(),
            hit_lines: Vec::new(),
            seen: HashSet::new(),
        }
    }

    pub(super) fn push(&mut self, cells: Cells) {
        for line in cells.wrap(self.width) {
            let n = self.lines.len();
            let mut last = None;
            for tag in line.tags() {
                // A hit's cells share its tag: look each run up once.
                if last != Some(tag) && self.seen.insert(tag) {
                    self.hit_lines.push((tag, n));
                }
                last = Some(tag);
            }
            self.lines.push(line.into_line());
        }
    }

    /// A "label   value" line: continuation lines start under the value.
    pub(super) fn push_hanging(&mut self, cells: Cells, indent: usize) {
        for line in cells.wrap_hanging(self.width, indent) {
            self.lines.push(line.into_line());
        }
    }

    pub(super) fn blank(&mut self) {
        self.lines.push(Line::default());
    }

    /// "─ label ─────" across the pane.
    pub(super) fn rule(&mut self, label: Cells, style: Style) {
        let mut c = Cells::new();
        c.push("─ ", style);
        c.append(label);
        c.push(" ", style);
        let w = c.width();
        c.push(&"─".repeat(self.width.saturating_sub(w)), style);
        c.truncate(self.width);
        self.lines.push(c.into_line());
    }

    pub(super) fn finish(mut self) -> DetailView {
        self.hit_lines.sort_unstable();
        DetailView {
            lines: self.lines,
            hit_lines: self.hit_lines.into_iter().map(|(_, l)| l).collect(),
        }
    }
}

pub(super) fn meta_line(app: &App, a: &Article) -> Cells {
    let theme = &app.theme;
    let mut c = Cells::new();
    match &a.source {
        Some(s) => {
            c.push_untrusted(s, theme.outlet());
        }
        None => {
            c.push(crate::export::SOURCE_NOT_STATED, theme.dim());
        }
    }
    c.push(" · ", theme.dim());
    match a.published {
        Some(d) => c.push(&format!("published {d}"), theme.text()),
        None => c.push("no publication date", theme.dim()),
    };
    c.push(&format!(" · {} words · ", a.word_count()), theme.dim());
    c.push_untrusted(a.file(), theme.dim());
    c
}

#[cfg(test)]
#[path = "out_tests.rs"]
mod tests;
