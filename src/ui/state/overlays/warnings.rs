//! The `w` overlay: every warning the load gave (`file: message`), both
//! parts untrusted and drawn inert, wrapped to the popup and scrollable.
//! Same shape as the `?` help overlay.

use ratatui::text::Line;

use crate::model::Warning;
use crate::ui::state::app::App;
use crate::ui::text::Cells;
use crate::ui::theme::Theme;

/// Continuation lines of a long warning start this far in.
const INDENT: usize = 4;

/// The overlay's rows for a popup `width` columns wide (inside the border):
/// one warning per entry, long ones wrapped with a hanging indent.
pub fn rows(app: &App, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut out = Vec::new();
    for w in app.warnings() {
        out.extend(
            warning_cells(w, theme)
                .wrap_hanging(width.max(1), INDENT)
                .into_iter()
                .map(Cells::into_line),
        );
    }
    out
}

/// One warning as a line: `⚠ file: message`, both parts untrusted. The
/// detail pane lists the same lines under an unplaced article.
pub fn warning_cells(w: &Warning, theme: &Theme) -> Cells {
    let mut c = Cells::new();
    c.push("⚠ ", theme.warning());
    c.push_untrusted(&w.file, theme.bold());
    c.push(": ", theme.text());
    c.push_untrusted(&w.message, theme.text());
    c
}
