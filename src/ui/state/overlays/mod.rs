//! The overlays' text, one file each (`help`, `warnings`, `about`,
//! `bookmarks`): rows
//! for a popup of a given width, plain functions of the state, so `update`
//! can bound their scroll and `ui::view::popup` draw any of them the same way.
//! Which one is open, and the table that ties each to its file, is
//! `mode::Overlay`.

use super::app::App;
use crate::ui::layout::popup;
use crate::ui::mode::Overlay;
use ratatui::layout::Rect;
use ratatui::text::Line;

pub mod about;
pub mod bookmarks;
pub mod help;
pub mod warnings;

/// How many rows `rows` gives at the app's terminal size, and how many
/// of them fit in the popup.
pub fn fit(app: &App, rows: impl Fn(&App, usize) -> usize) -> (usize, usize) {
    let p = popup(Rect::new(0, 0, app.size.0, app.size.1));
    let inner_w = p.width.saturating_sub(2) as usize;
    let inner_h = p.height.saturating_sub(2) as usize;
    (rows(app, inner_w), inner_h)
}

/// The overlays' text and title, which read the state: kept here, beside
/// the files that write them, so `ui::mode` stays a leaf that names no
/// `App`.
impl Overlay {
    /// Its rows for a popup `width` columns wide (inside the border).
    pub fn rows(self, app: &App, width: usize) -> Vec<Line<'static>> {
        match self {
            Overlay::Help(_) => help::rows(app, width),
            Overlay::Warnings(_) => warnings::rows(app, width),
            Overlay::About => about::rows(app, width),
            Overlay::Bookmarks(sel) => bookmarks::rows(app, width, sel),
        }
    }

    /// The popup's title: what it is and how to close it.
    pub fn title(self, app: &App) -> String {
        match self {
            Overlay::Help(_) => " Keys · Esc or ? closes ".to_string(),
            Overlay::Warnings(_) => {
                let n = app.warnings().count();
                format!(
                    " {n} load warning{} · Esc or w closes ",
                    if n == 1 { "" } else { "s" }
                )
            }
            Overlay::About => " About · Esc or i closes ".to_string(),
            Overlay::Bookmarks(_) => {
                let n = bookmarks::articles(app).len();
                format!(" {n} bookmarked · Enter goes · Esc or ' closes ")
            }
        }
    }

    /// How many rows it has at the app's terminal size, and how many fit.
    pub fn rows_for_size(self, app: &App) -> (usize, usize) {
        fit(app, |app, width| self.rows(app, width).len())
    }
}
