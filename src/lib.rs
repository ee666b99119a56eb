//! hotline: a terminal browser for the timeline of phone calls between two
//! countries' leaders, built from the news articles that reported them.
//!
//! ```text
//! lexicon   the data files: leaders, topics, outlets, boilerplate
//! pipeline  read → clean → extract → group → timeline: `pipeline::load`
//! query     filter text → ranked hits with highlights
//! evidence  where each fact was read (for export, `show` and the UI)
//! marks     the user's read state, bookmarks and notes (and their file)
//! cli, ui   the two views over the resulting `model::Timeline`
//! config    the user's config.toml: keys, colours, default paths, home
//! ```

pub mod cache;
pub mod cli;
pub mod config;
pub mod evidence;
pub mod export;
pub mod fingerprint;
pub mod fsafe;
pub mod hangul;
pub mod lexicon;
pub mod marks;
pub mod model;
pub mod pipeline;
pub mod query;
pub mod sanitize;
pub mod stats;
#[cfg(any(test, feature = "testing"))]
pub mod synth;
pub mod ui;
pub mod xdg;

pub use lexicon::Lexicon;
pub use model::Timeline;
pub use pipeline::load::{Inputs, load};
