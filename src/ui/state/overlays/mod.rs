//! The overlays' text, one file each (`help`, `warnings`, `about`,
//! `stats`, whose charts `ui::view::stats` draws, `bookmarks`): rows
//! for a popup of a given width, plain functions of the state, so `update`
//! can bound their scroll and `ui::view::popup` draw any of them the same way.
//! Which one is open, and the table that ties each to its file, is
//! `mode::Overlay`.

use super::app::App;
use crate::ui::action::Action;
use crate::ui::keymap::action_name;
use crate::ui::keys::Context;
use crate::ui::layout::popup;
use crate::ui::mode::Overlay;
use ratatui::layout::Rect;
use ratatui::text::Line;

pub mod about;
pub mod bookmarks;
pub mod help;
pub mod stats;
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
            // Charts and tables, not rows of a popup: see `stats::plan`.
            Overlay::Stats(_) => Vec::new(),
            Overlay::Bookmarks(sel) => bookmarks::rows(app, width, sel),
        }
    }

    /// The popup's title: what it is and how to close it.
    pub fn title(self, app: &App) -> String {
        match self {
            Overlay::Help(_) => format!(" Keys{} ", self.closed_by(app)),
            Overlay::Warnings(_) => {
                let n = app.warnings().count();
                format!(
                    " {n} load warning{}{} ",
                    if n == 1 { "" } else { "s" },
                    self.closed_by(app)
                )
            }
            Overlay::About => format!(" About{} ", self.closed_by(app)),
            Overlay::Stats(_) => stats::title(app, &self.closed_by(app)),
            Overlay::Bookmarks(_) => {
                let n = bookmarks::articles(app).len();
                format!(" {n} bookmarked · Enter goes{} ", self.closed_by(app))
            }
        }
    }

    /// " · Esc or ? closes": the first two keys of the action that toggles
    /// it, as the keymap in force binds them there.
    fn closed_by(self, app: &App) -> String {
        let toggle = match self {
            Overlay::Help(_) => Action::ToggleHelp,
            Overlay::Warnings(_) => Action::ToggleWarnings,
            Overlay::About => Action::ToggleOverlay(Overlay::About),
            Overlay::Stats(_) => Action::ToggleOverlay(Overlay::Stats(0)),
            Overlay::Bookmarks(_) => Action::ToggleOverlay(Overlay::Bookmarks(0)),
        };
        let name = action_name(&toggle);
        let context = Context::of_overlay(self);
        let keys: Vec<String> = app
            .keymap
            .entries()
            .iter()
            .filter(|e| e.context == context && action_name(&e.action) == name)
            .flat_map(|e| e.keys.iter().take(2).map(|k| k.label()))
            .collect();
        if keys.is_empty() {
            String::new()
        } else {
            format!(" · {} closes", keys.join(" or "))
        }
    }

    /// How many rows it has at the app's terminal size, and how many fit.
    pub fn rows_for_size(self, app: &App) -> (usize, usize) {
        if let Overlay::Stats(_) = self {
            return stats::fit(app);
        }
        fit(app, |app, width| self.rows(app, width).len())
    }
}
