//! Opening, closing and scrolling the overlays (`mode::Overlay`),
//! the same for every one.

use super::moved;
use crate::ui::action::Motion;
use crate::ui::mode::Overlay;
use crate::ui::state::app::App;

/// The warnings or the statistics may have become fewer (a reload, a
/// resize, another counterpart): keep their scroll inside them.
pub(super) fn clamp_warnings(app: &mut App) {
    if let Some(o @ (Overlay::Warnings(scroll) | Overlay::Stats(scroll))) = app.overlay {
        let (rows, page) = o.rows_for_size(app);
        app.overlay = Some(o.with_scroll(scroll.min(rows.saturating_sub(page))));
    }
}

/// Open `overlay`, or close it when it is the one open.
pub(super) fn toggle_overlay(app: &mut App, overlay: Overlay) {
    app.overlay = match app.overlay {
        Some(open) if open.same_kind(overlay) => None,
        _ => Some(overlay),
    };
}

/// Scroll the open overlay; one without a scroll ignores it.
pub(super) fn move_overlay(app: &mut App, m: Motion) {
    let Some(open) = app.overlay else { return };
    let Some(scroll) = open.scroll() else { return };
    let (rows, page) = open.rows_for_size(app);
    let max = rows.saturating_sub(page);
    app.overlay = Some(open.with_scroll(moved(scroll, m, page, max)));
}
