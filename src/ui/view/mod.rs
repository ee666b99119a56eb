//! Drawing: one file per pane (`ribbon`, `timeline`, `detail`, `side`,
//! `filter`, `status`), `popup`, which draws whichever overlay is open,
//! and `stats`, the statistics screen's charts. The panes' text (`state::detail_layout`), the
//! ribbon's geometry (`state::ribbon_axis`), the screen geometry
//! (`ui::layout`), the `ui::theme` and the width-aware `ui::text` sit
//! outside: `update` needs them too, and never imports from here.
//! Everything here reads the state and draws; nothing changes it.
//! `render` puts the panes together into one frame.

pub mod detail;
pub mod filter;
pub mod popup;
pub mod ribbon;
pub mod side;
pub mod stats;
pub mod status;
pub mod text_search;
pub mod timeline;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Wrap};

use crate::ui::layout;
use crate::ui::mode::Overlay;
use crate::ui::state::app::App;

/// Draw the whole screen. Reads `app`, draws, nothing else.
pub fn render(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if layout::too_small(area) {
        too_small(frame, area, app);
        return;
    }
    let mut a = layout::areas(area);
    ribbon::render(frame, a.ribbon, app);
    if app.side.is_some() {
        let rows = crate::ui::state::detail_layout::side_header::header_rows(
            app,
            a.main.width,
            a.main.height,
        );
        a = layout::with_side_header(a, rows);
        side::render(frame, &a, app);
    } else {
        timeline::render(frame, a.list, app);
        detail::render(frame, a.detail, app);
    }
    filter::render(frame, a.filter, app);
    status::render(frame, a.hints, app);
    match app.overlay {
        Some(Overlay::Stats(scroll)) => stats::render(frame, area, app, scroll),
        Some(overlay) => popup::render(frame, area, app, overlay),
        None => {}
    }
}

fn too_small(frame: &mut Frame, area: Rect, app: &App) {
    let text = format!(
        "Terminal too small ({}×{}). hotline needs at least {}×{}. Enlarge the window, or press q to quit.",
        area.width,
        area.height,
        layout::MIN_WIDTH,
        layout::MIN_HEIGHT
    );
    let y = area.height.saturating_sub(3) / 2;
    let inner = Rect::new(area.x, area.y + y, area.width, area.height - y);
    frame.render_widget(
        Paragraph::new(text)
            .style(app.theme.bold())
            .alignment(ratatui::layout::Alignment::Center)
            .wrap(Wrap { trim: true }),
        inner,
    );
}
