//! The data flow from files to a timeline, one module per stage, each a
//! plain function over plain data:
//!
//! ```text
//! read      files or the embedded corpus → decoded text + warnings
//! clean     text → header, paragraphs, sentences (noise dropped)
//! extract   cleaned article → title, outlet, call facts (crate::pipeline::extract)
//! group     articles → calls (same day, same two leaders)
//! timeline  calls → eras, newest first
//! ```
//!
//! `load::load` runs the whole flow with a `Lexicon`.

pub mod clean;
pub mod extract;
pub mod group;
pub mod load;
pub mod par;
pub mod read;
pub mod timeline;
