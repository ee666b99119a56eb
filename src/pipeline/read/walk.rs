//! Walking the command-line paths: which files a directory holds (by
//! extension, hidden entries skipped, sorted), links and loops, and the
//! one warning for each path that cannot be used.

use super::file::{io_reason, missing_message};
use super::meta::Format;
use crate::fsafe;
use crate::model::Warning;
use std::collections::HashSet;
use std::fs;
use std::path::Path;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::atomic::Ordering;

/// Whether directory links leading out of the given paths are followed
/// (`--follow`). Set once by the command line.
pub(super) static FOLLOW_LINKS: AtomicBool = AtomicBool::new(false);

/// Follow directory symbolic links wherever they lead (but never into
/// `/proc`, `/sys` or `/dev`), like ripgrep's `-L`.
pub fn set_follow_links(follow: bool) {
    FOLLOW_LINKS.store(follow, Ordering::Relaxed);
}

/// What a walk finds, in order, so warnings come out where the file would
/// have been.
pub(super) enum Found {
    File(PathBuf),
    Problem(Warning),
    /// A file of a format hotline doesn't read, passed over quietly.
    Other(PathBuf),
}

/// The files under `paths` that a load passes over (not a format hotline
/// reads), each with the reason: for `check`. A load hands the same list
/// back from its own walk (`Reading::passed_over`); this walks again.
pub fn survey(paths: &[PathBuf]) -> Vec<(String, String)> {
    let others: Vec<PathBuf> = list_paths(paths)
        .into_iter()
        .filter_map(|f| match f {
            Found::Other(path) => Some(path),
            _ => None,
        })
        .collect();
    passed_over_reasons(&others)
}

/// Each passed-over file (see `survey`) as shown, with why it was passed over.
pub fn passed_over_reasons(files: &[PathBuf]) -> Vec<(String, String)> {
    files
        .iter()
        .map(|path| {
            let reason = match path.extension() {
                Some(ext) => format!(
                    "not a clipping format (.{}); hotline reads .txt, .md, .html",
                    ext.to_string_lossy()
                ),
                None => "no extension; hotline reads .txt, .md, .html".to_string(),
            };
            (path.display().to_string(), reason)
        })
        .collect()
}

/// Expand one command-line path into the files to read, in order.
pub(super) fn collect(
    path: &Path,
    found: &mut Vec<Found>,
    visited: &mut HashSet<PathBuf>,
    roots: &[PathBuf],
) {
    match fs::metadata(path) {
        Ok(meta) if meta.is_dir() => walk(path, found, visited, roots),
        // Named explicitly: read whatever the extension; read_file rejects
        // FIFOs and devices so nothing can block.
        Ok(_) => found.push(Found::File(path.to_path_buf())),
        Err(err) => found.push(problem(path, missing_message(path, &err))),
    }
}

/// Depth-first with an explicit stack (deep trees can't overflow ours), each
/// directory's entries sorted by name. A directory link is followed only
/// where `fsafe::may_follow` allows; `/proc`, `/sys` and `/dev` are never
/// walked, not even when named.
pub(super) fn walk(
    root: &Path,
    found: &mut Vec<Found>,
    visited: &mut HashSet<PathBuf>,
    roots: &[PathBuf],
) {
    let follow = FOLLOW_LINKS.load(Ordering::Relaxed);
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        match fs::canonicalize(&dir) {
            Ok(real) if fsafe::is_forbidden(&real) => {
                found.push(problem(
                    &dir,
                    "a system directory (/proc, /sys, /dev), not walked".to_string(),
                ));
                continue;
            }
            Ok(real) => {
                if !visited.insert(real) {
                    continue;
                }
            }
            Err(err) => {
                found.push(problem(
                    &dir,
                    format!("cannot read directory: {}", io_reason(&err)),
                ));
                continue;
            }
        }
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(err) => {
                found.push(problem(
                    &dir,
                    format!("cannot read directory: {}", io_reason(&err)),
                ));
                continue;
            }
        };
        let mut entries: Vec<_> = entries
            .filter_map(|e| e.ok())
            .map(|e| (e.file_name(), e.file_type().ok()))
            .collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut subdirs = Vec::new();
        for (name, listed) in entries {
            if name.as_encoded_bytes().starts_with(b".") {
                continue;
            }
            // Sized up front: `join` grows (reallocates) every entry's path.
            let mut path = PathBuf::with_capacity(dir.as_os_str().len() + 1 + name.len());
            path.push(&dir);
            path.push(&name);
            let is_link = listed.is_none_or(|k| k.is_symlink());
            // The listing says what most entries are; only links (and file
            // systems that don't say) cost a `stat` of their own.
            let kind = match listed {
                Some(kind) if !kind.is_symlink() => Ok(kind),
                _ => fs::metadata(&path).map(|m| m.file_type()),
            };
            match kind {
                Ok(kind) if kind.is_dir() && is_link => match fs::canonicalize(&path) {
                    Ok(real) if fsafe::may_follow(&real, roots, follow) => subdirs.push(path),
                    // Already walked (a loop back up): nothing to say.
                    Ok(real) if visited.contains(&real) => {}
                    Ok(_) => found.push(problem(
                        &path,
                        "link to a directory outside the given paths, not followed (--follow follows it)"
                            .to_string(),
                    )),
                    Err(err) => found.push(problem(&path, missing_message(&path, &err))),
                },
                Ok(kind) if kind.is_dir() => subdirs.push(path),
                Ok(_) if Format::of_file_name(&name).is_some() => found.push(Found::File(path)),
                Ok(_) => found.push(Found::Other(path)),
                Err(err) if Format::of_file_name(&name).is_some() => {
                    found.push(problem(&path, missing_message(&path, &err)));
                }
                Err(_) => {}
            }
        }
        // Files of a directory before its subdirectories; subdirectories in
        // name order (the stack pops the last pushed first).
        stack.extend(subdirs.into_iter().rev());
    }
}

pub(super) fn problem(path: &Path, message: String) -> Found {
    Found::Problem(warning(path, message))
}

/// The files (and problems) the command-line paths name, in load order.
pub(super) fn list_paths(paths: &[PathBuf]) -> Vec<Found> {
    let mut found = Vec::new();
    let mut visited = HashSet::new();
    // Where directory links may lead without `--follow`: inside a tree
    // the user named.
    let roots: Vec<PathBuf> = paths
        .iter()
        .filter_map(|p| fs::canonicalize(p).ok())
        .filter(|p| p.is_dir())
        .collect();
    for path in paths {
        collect(path, &mut found, &mut visited, &roots);
    }
    found
}

pub(super) fn warning(path: &Path, message: String) -> Warning {
    Warning {
        file: path.display().to_string(),
        message,
    }
}
