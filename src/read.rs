//! Reading input: files and directories from the command line, or the corpus
//! embedded from `assets/articles/`, decoded into text. Owns every decision
//! about bytes (BOM, line endings, invalid UTF-8, NUL, size limits) and never
//! writes to the corpus.

use std::path::PathBuf;

use crate::model::Warning;

include!(concat!(env!("OUT_DIR"), "/embedded_articles.rs"));

/// One decoded input file, before cleaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawDoc {
    /// File stem: the article id.
    pub id: String,
    /// The path as given, or `embedded:NAME`.
    pub path: String,
    /// File name with extension.
    pub file: String,
    /// Decoded text: no BOM, `\n` line endings.
    pub text: String,
    /// Problems that did not stop the file from loading (lossy decoding).
    pub warnings: Vec<String>,
}

/// Files larger than this are skipped with a warning.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// The built-in corpus.
pub fn embedded() -> Vec<RawDoc> {
    todo!("read::embedded")
}

/// Read files and directories (recursively, `.txt` only), sorted. Files that
/// cannot be used give one warning each and are skipped.
pub fn read_paths(paths: &[PathBuf]) -> (Vec<RawDoc>, Vec<Warning>) {
    let _ = paths;
    todo!("read::read_paths")
}
