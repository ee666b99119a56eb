//! Drawing: one file per pane (`ribbon`, `timeline`, `detail` with its
//! `evidence` view and the call's `facts`, `side`, `filter`, `status`),
//! the screen `layout`, the `theme` and the width-aware `text` helpers.
//! Everything here reads the state and draws; nothing changes it.

pub mod detail;
pub mod evidence;
pub mod facts;
pub mod filter;
pub mod layout;
pub mod ribbon;
pub mod side;
pub mod status;
pub mod text;
pub mod theme;
pub mod timeline;
