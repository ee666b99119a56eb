//! The overlays' text, one file each (`help`, `warnings`, `about`): rows
//! for a popup of a given width, plain functions of the state, so `update`
//! can bound their scroll and `ui::view::popup` draw any of them the same way.
//! Which one is open, and the table that ties each to its file, is
//! `state::mode::Overlay`.

use super::app::App;
use crate::ui::layout::popup;
use ratatui::layout::Rect;

pub mod about;
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
