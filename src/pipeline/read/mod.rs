//! Reading input: files and directories from the command line, or the corpus
//! embedded from `assets/articles/`, decoded into text. Owns every decision
//! about bytes (BOM, line endings, invalid UTF-8, NUL, size limits) and never
//! writes to the corpus.
//!
//! A file that cannot be used gives exactly one warning naming it (the path
//! as the user gave it, or as reached from a directory they gave) and the
//! rest loads. Directory walks take `.txt`, `.md`/`.markdown` and
//! `.html`/`.htm` files (see `meta::Format`; other files are passed over
//! quietly, and `survey` lists them for `check`), skip hidden entries,
//! visit each real directory once (so symlink loops end) and are sorted, so
//! the same tree always loads in the same order.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::model::Warning;

mod decode;
mod file;
pub mod html;
pub mod markdown;
pub mod meta;
#[cfg(test)]
mod tests;
mod walk;

pub use decode::decode;
pub use walk::{passed_over_reasons, set_follow_links, survey};

use file::read_file;
use walk::{Found, list_paths, warning};

pub use meta::{Format, Meta};

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
    /// What a Markdown or HTML clipping states about itself (empty for
    /// `.txt`).
    pub meta: Meta,
}

/// What reading the command-line paths gives, in walk order.
#[derive(Debug)]
pub struct Reading<T> {
    /// What was built from each file read (ids made unique).
    pub items: Vec<T>,
    /// One for each path or file that could not be used.
    pub warnings: Vec<Warning>,
    /// Files of a format hotline doesn't read, passed over quietly: `check`
    /// lists them (see `passed_over_reasons`) without walking again.
    pub passed_over: Vec<PathBuf>,
}

/// Files larger than this are skipped with a warning.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// The built-in corpus. The seeds are known-good, so a file that somehow
/// fails to decode is simply left out.
pub fn embedded() -> Vec<RawDoc> {
    let docs = EMBEDDED_ARTICLES.iter().filter_map(|(name, bytes)| {
        let (text, warnings) = decode(bytes).ok()?;
        Some(RawDoc {
            id: stem(Path::new(name)),
            path: format!("embedded:{name}"),
            file: (*name).to_string(),
            text,
            warnings,
            meta: Meta::default(),
        })
    });
    docs.collect()
}

/// Read files and directories (recursively, `.txt` only), sorted. Files that
/// cannot be used give one warning each and are skipped.
pub fn read_paths(paths: &[PathBuf]) -> (Vec<RawDoc>, Vec<Warning>) {
    let reading = read_paths_with(paths, |doc| doc, |doc| (&mut doc.id, &mut doc.warnings));
    (reading.items, reading.warnings)
}

/// `read_paths`, handing each document to `make` as soon as it is read, on
/// every core: the raw text lives only while `make` runs, so a caller that
/// keeps something smaller (a cleaned article) never holds the whole corpus
/// twice. `ids` reaches the id and warnings of a result, so ids are made
/// unique afterwards exactly as `read_paths` does. Results, warnings and ids
/// are the same as reading one file after another.
pub fn read_paths_with<T, F, I>(paths: &[PathBuf], make: F, ids: I) -> Reading<T>
where
    T: Send,
    F: Fn(RawDoc) -> T + Sync,
    I: Fn(&mut T) -> (&mut String, &mut Vec<String>),
{
    let mut reading = read_each(paths, |path| {
        let (key, result) = read_file(path);
        (key, result.map(&make))
    });
    make_ids_unique(&mut reading.items, ids);
    reading
}

/// `read_paths_with`, asking `reuse` first about each file with its
/// metadata (taken BEFORE any read, so a file changed meanwhile looks newer
/// than what was read): when it answers, the file is not read. Otherwise
/// `make` gets the path, the document, that metadata (`None` if the stat failed) and
/// the xxh3 of the bytes read. Same files, order and warnings; the ids are
/// left for the caller to make unique (`make_ids_unique`), as what it
/// builds may hold no article yet (a cache slot).
pub fn read_paths_reusing<T, R, F>(paths: &[PathBuf], reuse: R, make: F) -> Reading<T>
where
    T: Send,
    R: Fn(&Path, &std::fs::Metadata) -> Option<T> + Sync,
    F: Fn(&Path, RawDoc, Option<&std::fs::Metadata>, u64) -> T + Sync,
{
    read_each(paths, |path| {
        let meta = std::fs::metadata(path).ok();
        if let Some(m) = meta.as_ref().filter(|m| m.is_file())
            && let Some(t) = reuse(path, m)
        {
            return (file::file_key(path, m), Ok(t));
        }
        let (key, result) = file::read_file_hashed(path);
        (
            key,
            result.map(|(doc, hash)| make(path, doc, meta.as_ref(), hash)),
        )
    })
}

/// What the walk and `one` gave for one entry, in walk order.
enum Outcome<T> {
    Problem(Warning),
    Other(PathBuf),
    File(Option<file::FileKey>, Result<T, Warning>),
}

/// Walk `paths`, run `one` on every file found (on every core), drop files
/// named twice and collect warnings in walk order.
fn read_each<T, O>(paths: &[PathBuf], one: O) -> Reading<T>
where
    T: Send,
    O: Fn(&Path) -> (Option<file::FileKey>, Result<T, String>) + Sync,
{
    let found = list_paths(paths);
    // Reading and `one` run in parallel; each file keeps where it really
    // is (to drop a file named twice).
    let outcomes = crate::pipeline::par::map_owned(found, |item| match item {
        Found::File(path) => {
            let (key, result) = one(&path);
            Outcome::File(key, result.map_err(|m| warning(&path, m)))
        }
        Found::Problem(w) => Outcome::Problem(w),
        Found::Other(path) => Outcome::Other(path),
    });
    let read = outcomes
        .iter()
        .filter(|o| matches!(o, Outcome::File(..)))
        .count();
    // Sized up front: growing a set of 10,000 keys rehashes it a dozen times.
    let mut seen_files = HashSet::with_capacity(read);
    let mut warnings = Vec::new();
    let mut passed_over = Vec::new();
    // `into_iter().filter_map().collect()` reuses the outcomes' allocation
    // (std collects in place when the items are no larger): the built
    // items are never in two tables at once.
    let mut docs: Vec<T> = outcomes
        .into_iter()
        .filter_map(|outcome| match outcome {
            Outcome::Problem(w) => {
                warnings.push(w);
                None
            }
            Outcome::Other(path) => {
                passed_over.push(path);
                None
            }
            // The same file named twice (or reached through a link) is one article.
            Outcome::File(Some(key), _) if !seen_files.insert(key) => None,
            Outcome::File(_, Ok(doc)) => Some(doc),
            Outcome::File(_, Err(w)) => {
                warnings.push(w);
                None
            }
        })
        .collect();
    docs.shrink_to_fit();
    Reading {
        items: docs,
        warnings,
        passed_over,
    }
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned())
}

/// Two folders may hold the same file name. Ids must stay unique and the
/// same from run to run, so later ones (in load order) get `~2`, `~3`, ….
pub fn make_ids_unique<T>(docs: &mut [T], ids: impl Fn(&mut T) -> (&mut String, &mut Vec<String>)) {
    // Nearly always unique: checked on borrowed ids, as copying every id
    // (each in a worker's memory) costs more than the whole check. (A hash
    // set of them was a sixth of `check`'s work after the parallel load.)
    if crate::pipeline::all_distinct(docs.iter_mut().map(|d| ids(d).0.as_str()).collect()) {
        return;
    }
    let all: HashSet<String> = docs.iter_mut().map(|d| ids(d).0.clone()).collect();
    let mut taken: HashSet<String> = HashSet::new();
    for doc in docs.iter_mut() {
        let (id, warnings) = ids(doc);
        if taken.insert(id.clone()) {
            continue;
        }
        let mut n = 2;
        let new_id = loop {
            let candidate = format!("{id}~{n}");
            if !all.contains(&candidate) && !taken.contains(&candidate) {
                break candidate;
            }
            n += 1;
        };
        warnings.push(format!(
            "another file has the id '{id}'; this one is '{new_id}'"
        ));
        taken.insert(new_id.clone());
        *id = new_id;
    }
}
