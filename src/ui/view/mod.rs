//! Drawing: one file per pane (`ribbon`, `timeline`, `detail`, `side`,
//! `filter`, `status`) and `popup`, which draws whichever overlay is open. The panes' text (`state::detail_layout`), the
//! ribbon's geometry (`state::ribbon_axis`), the screen geometry
//! (`ui::layout`), the `ui::theme` and the width-aware `ui::text` sit
//! outside: `update` needs them too, and never imports from here.
//! Everything here reads the state and draws; nothing changes it.

pub mod detail;
pub mod filter;
pub mod popup;
pub mod ribbon;
pub mod side;
pub mod status;
pub mod text_search;
pub mod timeline;
