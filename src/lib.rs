//! hotline: a terminal browser for the timeline of phone calls between two
//! countries' leaders, built from the news articles that reported them.
//!
//! The data flow (SPEC §1), one module per stage, each a plain function over
//! plain data:
//!
//! ```text
//! read      files or the embedded corpus → decoded text + warnings
//! clean     text → header, paragraphs, sentences (noise dropped)
//! extract   cleaned article → title, outlet, call facts
//! group     articles → calls (same day, same two leaders)
//! timeline  calls → eras, newest first
//! query     filter text → ranked hits with highlights
//! evidence  where each fact was read (for export, `show` and the UI)
//! ```
//!
//! `corpus::load` runs the whole flow; `cli` and `ui` are views over the
//! resulting `model::Timeline`.

pub mod cache;
pub mod clean;
pub mod cli;
pub mod corpus;
pub mod evidence;
pub mod export;
pub mod extract;
pub mod fsafe;
pub mod group;
pub mod leaders;
pub mod model;
pub mod query;
pub mod read;
pub mod sanitize;
pub mod synth;
pub mod timeline;
pub mod topics;
pub mod ui;
