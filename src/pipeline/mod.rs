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

/// Whether no two of `ids` are equal: sorted, not hashed, as ids nearly
/// always arrive sorted (file stems in walk order, call ids by date), so
/// the sort is about one pass, and nearly always all differ, so the check
/// is the whole cost.
pub(crate) fn all_distinct(mut ids: Vec<&str>) -> bool {
    ids.sort_unstable();
    ids.windows(2).all(|w| w[0] != w[1])
}
