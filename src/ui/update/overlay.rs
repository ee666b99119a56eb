//! Opening, closing and scrolling the overlays (`state::mode::Overlay`).

use super::moved;
use crate::ui::action::Motion;
use crate::ui::state::app::App;
use crate::ui::state::mode::Overlay;

pub(super) fn clamp_warnings(app: &mut App) {
    if let Some(Overlay::Warnings(scroll)) = app.overlay {
        let (rows, page) = crate::ui::overlay::warnings::rows_for_size(app);
        app.overlay = Some(Overlay::Warnings(scroll.min(rows.saturating_sub(page))));
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
    let (rows, page) = match app.overlay {
        Some(Overlay::Help(_)) => crate::ui::overlay::help::rows_for_size(app),
        Some(Overlay::Warnings(_)) => crate::ui::overlay::warnings::rows_for_size(app),
        Some(Overlay::About) | None => return,
    };
    let max = rows.saturating_sub(page);
    app.overlay = match app.overlay {
        Some(Overlay::Help(s)) => Some(Overlay::Help(moved(s, m, page, max))),
        Some(Overlay::Warnings(s)) => Some(Overlay::Warnings(moved(s, m, page, max))),
        other => other,
    };
}
