//! Where each pane goes for a given terminal size. One function used by
//! both `render` (to draw) and `update` (to bound scrolling and to map mouse
//! clicks), so the two never disagree.

use ratatui::layout::Rect;

/// Below this the layout would be broken: a message replaces it.
pub const MIN_WIDTH: u16 = 50;
pub const MIN_HEIGHT: u16 = 12;

/// Lines taken by the era ribbon at the top.
pub const RIBBON_HEIGHT: u16 = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    pub ribbon: Rect,
    /// Timeline and detail (or side by side) share this.
    pub main: Rect,
    pub list: Rect,
    pub detail: Rect,
    /// Side by side: the facts-difference header and the two panes.
    pub side_header: Rect,
    pub left: Rect,
    pub right: Rect,
    /// Filter bar and status counts.
    pub filter: Rect,
    /// Key hints or a message.
    pub hints: Rect,
}

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

pub fn areas(area: Rect) -> Areas {
    let h = area.height;
    let ribbon = Rect::new(area.x, area.y, area.width, RIBBON_HEIGHT.min(h));
    let bottom_y = area.y + h.saturating_sub(2);
    let filter = Rect::new(area.x, bottom_y, area.width, 1.min(h));
    let hints = if h >= 2 {
        Rect::new(area.x, bottom_y + 1, area.width, 1)
    } else {
        Rect::new(area.x, area.y, area.width, 0)
    };
    let main_y = area.y + ribbon.height;
    let main = Rect::new(area.x, main_y, area.width, bottom_y.saturating_sub(main_y));
    let list_w = (area.width * 9 / 20).clamp(30.min(area.width), 60.min(area.width));
    let list = Rect::new(main.x, main.y, list_w, main.height);
    let detail = Rect::new(main.x + list_w, main.y, main.width - list_w, main.height);
    let side_header = Rect::new(main.x, main.y, main.width, 2.min(main.height));
    let panes_y = main.y + side_header.height;
    let panes_h = main.height - side_header.height;
    let left_w = main.width / 2;
    let left = Rect::new(main.x, panes_y, left_w, panes_h);
    let right = Rect::new(main.x + left_w, panes_y, main.width - left_w, panes_h);
    Areas {
        ribbon,
        main,
        list,
        detail,
        side_header,
        left,
        right,
        filter,
        hints,
    }
}

/// The side-by-side panes under a facts header of `rows` lines (it wraps
/// rather than being cut: `side::header_rows`).
pub fn with_side_header(mut a: Areas, rows: u16) -> Areas {
    let main = a.main;
    let rows = rows.min(main.height);
    a.side_header = Rect::new(main.x, main.y, main.width, rows);
    let panes_y = main.y + rows;
    let panes_h = main.height - rows;
    a.left = Rect::new(main.x, panes_y, a.left.width, panes_h);
    a.right = Rect::new(a.right.x, panes_y, a.right.width, panes_h);
    a
}

/// Widest an overlay's popup gets.
const POPUP_MAX_WIDTH: u16 = 124;

/// Where an overlay's popup goes in `area`.
pub fn popup(area: Rect) -> Rect {
    let w = area.width.saturating_sub(4).min(POPUP_MAX_WIDTH);
    let h = area.height.saturating_sub(2);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// The inside of a bordered pane.
pub fn inner(rect: Rect) -> Rect {
    Rect::new(
        rect.x.saturating_add(1),
        rect.y.saturating_add(1),
        rect.width.saturating_sub(2),
        rect.height.saturating_sub(2),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn areas_fit_inside_the_terminal_at_any_size() {
        for w in [0u16, 1, 2, 10, 50, 120, 300] {
            for h in [0u16, 1, 2, 3, 12, 40, 100] {
                let area = Rect::new(0, 0, w, h);
                let a = areas(area);
                for r in [
                    a.ribbon,
                    a.main,
                    a.list,
                    a.detail,
                    a.side_header,
                    a.left,
                    a.right,
                    a.filter,
                    a.hints,
                ] {
                    assert!(
                        r.right() <= area.right() && r.bottom() <= area.bottom(),
                        "{w}x{h} {r:?}"
                    );
                }
            }
        }
    }
}
