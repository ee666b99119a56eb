//! The UI state and nothing else: `app` (what is loaded, shown, selected;
//! the list rows in `app::visible`), `load`
//! (how far the corpus has come), `detail_layout` (the panes' text,
//! laid out once per selection, width and query), `row` (one line of the
//! list), `line_input` (the filter bar's editor), `command` (what a `:`
//! line means), `text_search` (`/` inside the article) and `marks` (read,
//! bookmarks, notes). Only `update`
//! changes it.

pub mod app;
pub mod command;
pub mod detail_layout;
pub mod line_input;
pub mod load;
pub mod marks;
pub mod overlays;
pub mod ribbon_axis;
pub mod row;
pub mod text_search;
