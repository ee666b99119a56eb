//! The screen's geometry for the state: where each pane goes and how much
//! text fits. Apart from `app.rs` because side by side adds the
//! facts-difference header (`detail_layout::side_header`), whose height
//! depends on the text; this way the `App` struct names no layout code.

use ratatui::layout::Rect;

use super::App;
use crate::ui::layout::{self, Areas};
use crate::ui::state::detail_layout::side_header::header_rows;

impl App {
    pub fn areas(&self) -> Areas {
        let a = layout::areas(Rect::new(0, 0, self.size.0, self.size.1));
        if self.side.is_some() {
            let rows = header_rows(self, a.main.width, a.main.height);
            layout::with_side_header(a, rows)
        } else {
            a
        }
    }

    /// Rows of the timeline list that fit on screen.
    pub fn list_height(&self) -> usize {
        layout::inner(self.areas().list).height as usize
    }

    /// (width, height) of the detail pane's text.
    pub fn detail_size(&self) -> (usize, usize) {
        let r = layout::inner(self.areas().detail);
        (r.width as usize, r.height as usize)
    }

    /// (width, height) of one side-by-side pane's text.
    pub fn side_size(&self) -> (usize, usize) {
        let r = layout::inner(self.areas().left);
        (r.width as usize, r.height as usize)
    }
}
