//! Drawing: one file per pane (`ribbon`, `timeline`, `detail` with its
//! `evidence` view and the call's `facts`, `side`, `filter`, `status`),
//! and the width-aware `text` helpers. The screen geometry (`ui::layout`)
//! and the `ui::theme` sit beside, not in here: the state reads them too.
//! Everything here reads the state and draws; nothing changes it.

pub mod detail;
pub mod evidence;
pub mod facts;
pub mod filter;
pub mod ribbon;
pub mod side;
pub mod status;
pub mod text;
pub mod timeline;
