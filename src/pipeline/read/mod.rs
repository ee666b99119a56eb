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
use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use crate::fsafe::{self, OpenError};
use crate::model::Warning;

pub mod html;
pub mod markdown;
pub mod meta;

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
    read_paths_with(paths, |doc| doc, |doc| (&mut doc.id, &mut doc.warnings))
}

/// `read_paths`, handing each document to `make` as soon as it is read, on
/// every core: the raw text lives only while `make` runs, so a caller that
/// keeps something smaller (a cleaned article) never holds the whole corpus
/// twice. `ids` reaches the id and warnings of a result, so ids are made
/// unique afterwards exactly as `read_paths` does. Results, warnings and ids
/// are the same as reading one file after another.
pub fn read_paths_with<T, F, I>(paths: &[PathBuf], make: F, ids: I) -> (Vec<T>, Vec<Warning>)
where
    T: Send,
    F: Fn(RawDoc) -> T + Sync,
    I: Fn(&mut T) -> (&mut String, &mut Vec<String>),
{
    let found = list_paths(paths);
    // Each file: where it really is (to drop a file named twice) and what
    // reading it gave. Reading and `make` run in parallel.
    let results = parallel_map(&found, |item| match item {
        Found::File(path) => {
            let (key, result) = read_file(path);
            Some((key, result.map(&make).map_err(|m| warning(path, m))))
        }
        Found::Problem(_) | Found::Other(_) => None,
    });
    let mut seen_files = HashSet::new();
    let mut docs = Vec::with_capacity(results.iter().flatten().count());
    let mut warnings = Vec::new();
    for (item, result) in found.into_iter().zip(results) {
        let (key, result) = match (item, result) {
            (Found::Problem(w), _) => {
                warnings.push(w);
                continue;
            }
            (Found::File(_), Some(r)) => r,
            (Found::File(_) | Found::Other(_), None) => continue,
            (Found::Other(_), Some(_)) => continue,
        };
        // The same file named twice (or reached through a link) is one article.
        if let Some(key) = key
            && !seen_files.insert(key)
        {
            continue;
        }
        match result {
            Ok(doc) => docs.push(doc),
            Err(w) => warnings.push(w),
        }
    }
    make_ids_unique(&mut docs, ids);
    docs.shrink_to_fit();
    (docs, warnings)
}

/// The files (and problems) the command-line paths name, in load order.
fn list_paths(paths: &[PathBuf]) -> Vec<Found> {
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

/// Whether directory links leading out of the given paths are followed
/// (`--follow`). Set once by the command line.
static FOLLOW_LINKS: AtomicBool = AtomicBool::new(false);

/// Follow directory symbolic links wherever they lead (but never into
/// `/proc`, `/sys` or `/dev`), like ripgrep's `-L`.
pub fn set_follow_links(follow: bool) {
    FOLLOW_LINKS.store(follow, Ordering::Relaxed);
}

/// Smaller inputs are not worth a thread.
const PARALLEL_MIN_ITEMS: usize = 64;

/// `items.iter().map(f)` on every core, in order. Workers take the next
/// item from a shared counter, so one slow file doesn't idle the others,
/// and put each result straight into its slot: no per-worker buffers that
/// grow (and are freed into the workers' malloc arenas, where the main
/// thread can't reuse them).
pub(crate) fn parallel_map<A, T, F>(items: &[A], f: F) -> Vec<T>
where
    A: Sync,
    T: Send,
    F: Fn(&A) -> T + Sync,
{
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    if workers < 2 || items.len() < PARALLEL_MIN_ITEMS {
        return items.iter().map(f).collect();
    }
    let slots: Vec<Mutex<Option<T>>> = items.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        let value = f(item);
                        if let Ok(mut slot) = slots[i].lock() {
                            *slot = Some(value);
                        }
                    }
                })
            })
            .collect();
        for h in handles {
            if let Err(panic) = h.join() {
                // A panic in a worker is a bug; surface it rather than
                // silently dropping a slice of the corpus.
                std::panic::resume_unwind(panic);
            }
        }
    });
    slots
        .into_iter()
        .filter_map(|slot| slot.into_inner().ok().flatten())
        .collect()
}

/// Bytes to text: a pure function, so every rule is testable without files.
/// `Err` means the file is skipped, with that message; `Ok` may still carry
/// warnings (lossy decoding).
pub fn decode(bytes: &[u8]) -> Result<(String, Vec<String>), String> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    let mut warnings = Vec::new();
    let text = if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        decode_utf16(rest, u16::from_le_bytes, &mut warnings)
    } else if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        decode_utf16(rest, u16::from_be_bytes, &mut warnings)
    } else {
        let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
        if bytes.contains(&0) {
            return Err("binary file (contains NUL bytes), skipped".to_string());
        }
        match std::str::from_utf8(bytes) {
            Ok(s) => s.to_string(),
            Err(_) => {
                let text = String::from_utf8_lossy(bytes).into_owned();
                let bad = text.matches('\u{fffd}').count();
                warnings.push(format!(
                    "not valid UTF-8; decoded lossily ({bad} invalid sequence{} replaced by �)",
                    if bad == 1 { "" } else { "s" }
                ));
                text
            }
        }
    };
    if text.contains('\0') {
        return Err("binary file (contains NUL characters), skipped".to_string());
    }
    if text.trim().is_empty() {
        return Err("empty file, skipped".to_string());
    }
    Ok((normalize_newlines(text), warnings))
}

/// `decode` of bytes we own: plain UTF-8 without a BOM (the usual file)
/// becomes the text without a copy; anything else goes through `decode`.
fn decode_owned(bytes: Vec<u8>) -> Result<(String, Vec<String>), String> {
    let plain = !bytes.starts_with(b"\xff\xfe")
        && !bytes.starts_with(b"\xfe\xff")
        && !bytes.starts_with(b"\xef\xbb\xbf");
    match String::from_utf8(bytes) {
        Ok(text) if plain => finish_plain(text),
        Ok(text) => decode(text.as_bytes()),
        Err(err) => decode(err.as_bytes()),
    }
}

/// `decode`'s checks on text that was valid BOM-less UTF-8 from the start.
fn finish_plain(text: String) -> Result<(String, Vec<String>), String> {
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(text.len() as u64));
    }
    if text.contains('\0') {
        return Err("binary file (contains NUL bytes), skipped".to_string());
    }
    if text.trim().is_empty() {
        return Err("empty file, skipped".to_string());
    }
    Ok((normalize_newlines(text), Vec::new()))
}

fn decode_utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16, warnings: &mut Vec<String>) -> String {
    let units = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]]));
    let mut bad = 0usize;
    let text: String = char::decode_utf16(units)
        .map(|r| {
            r.unwrap_or_else(|_| {
                bad += 1;
                '\u{fffd}'
            })
        })
        .collect();
    if bytes.len() % 2 == 1 {
        bad += 1;
    }
    if bad > 0 {
        warnings.push(format!(
            "invalid UTF-16; decoded lossily ({bad} bad code unit{} replaced by �)",
            if bad == 1 { "" } else { "s" }
        ));
    }
    text
}

/// CRLF and lone CR become LF.
fn normalize_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

fn too_large(len: u64) -> String {
    format!(
        "file is larger than {} MiB ({len} bytes), skipped",
        MAX_FILE_BYTES / (1024 * 1024)
    )
}

fn warning(path: &Path, message: String) -> Warning {
    Warning {
        file: path.display().to_string(),
        message,
    }
}

/// What a walk finds, in order, so warnings come out where the file would
/// have been.
enum Found {
    File(PathBuf),
    Problem(Warning),
    /// A file of a format hotline doesn't read, passed over quietly.
    Other(PathBuf),
}

/// The files under `paths` that a load passes over (not a format hotline
/// reads), each with the reason: for `check`.
pub fn survey(paths: &[PathBuf]) -> Vec<(String, String)> {
    list_paths(paths)
        .into_iter()
        .filter_map(|f| match f {
            Found::Other(path) => {
                let reason = match path.extension() {
                    Some(ext) => format!(
                        "not a clipping format (.{}); hotline reads .txt, .md, .html",
                        ext.to_string_lossy()
                    ),
                    None => "no extension; hotline reads .txt, .md, .html".to_string(),
                };
                Some((path.display().to_string(), reason))
            }
            _ => None,
        })
        .collect()
}

/// Expand one command-line path into the files to read, in order.
fn collect(path: &Path, found: &mut Vec<Found>, visited: &mut HashSet<PathBuf>, roots: &[PathBuf]) {
    match fs::metadata(path) {
        Ok(meta) if meta.is_dir() => walk(path, found, visited, roots),
        // Named explicitly: read whatever the extension; read_file rejects
        // FIFOs and devices so nothing can block.
        Ok(_) => found.push(Found::File(path.to_path_buf())),
        Err(err) => found.push(problem(path, missing_message(path, &err))),
    }
}

fn missing_message(path: &Path, err: &std::io::Error) -> String {
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link && err.kind() == std::io::ErrorKind::NotFound {
        "broken symbolic link, skipped".to_string()
    } else if err.kind() == std::io::ErrorKind::NotFound {
        "no such file or directory".to_string()
    } else {
        format!("cannot read: {}", io_reason(err))
    }
}

/// Depth-first with an explicit stack (deep trees can't overflow ours), each
/// directory's entries sorted by name. A directory link is followed only
/// where `fsafe::may_follow` allows; `/proc`, `/sys` and `/dev` are never
/// walked, not even when named.
fn walk(root: &Path, found: &mut Vec<Found>, visited: &mut HashSet<PathBuf>, roots: &[PathBuf]) {
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
            let path = dir.join(&name);
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
                Ok(_) if Format::of_path(&path).is_some() => found.push(Found::File(path)),
                Ok(_) => found.push(Found::Other(path)),
                Err(err) if Format::of_path(&path).is_some() => {
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

fn problem(path: &Path, message: String) -> Found {
    Found::Problem(warning(path, message))
}

/// One named file: what identifies it (so the same file named twice, or
/// reached through a link, is read once) and its document, or why it was
/// skipped. Opened without blocking and checked on the handle
/// (`fsafe::open_regular`): a FIFO swapped in after the walk's `stat`
/// can't hang the load.
fn read_file(path: &Path) -> (Option<FileKey>, Result<RawDoc, String>) {
    let (file, meta) = match fsafe::open_regular(path) {
        Ok(opened) => opened,
        Err(OpenError::Io(e)) => return (None, Err(missing_message(path, &e))),
        Err(OpenError::NotRegular(kind)) => {
            return (None, Err(format!("not a regular file ({kind}), skipped")));
        }
        Err(OpenError::TooLarge(len)) => return (None, Err(too_large(len))),
    };
    (file_key(path, &meta), read_regular_file(path, file, &meta))
}

/// The device and inode: one `stat`, where resolving the real path
/// would cost a system call per path component.
#[cfg(unix)]
type FileKey = (u64, u64);

#[cfg(unix)]
fn file_key(_path: &Path, meta: &fs::Metadata) -> Option<FileKey> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
type FileKey = PathBuf;

#[cfg(not(unix))]
fn file_key(path: &Path, _meta: &fs::Metadata) -> Option<FileKey> {
    fs::canonicalize(path).ok()
}

fn read_regular_file(path: &Path, file: File, meta: &fs::Metadata) -> Result<RawDoc, String> {
    // Capped: a file growing while we read can't exceed the budget.
    let bytes = match fsafe::read_limited(file, meta, MAX_FILE_BYTES) {
        Ok(bytes) => bytes,
        Err(OpenError::TooLarge(len)) => return Err(too_large(len)),
        Err(e) => return Err(format!("cannot read: {e}")),
    };
    let format = Format::of_path(path).unwrap_or_else(|| Format::sniff(&bytes));
    let (text, warnings, meta) = match format {
        Format::Text => {
            let (text, warnings) = decode_owned(bytes)?;
            (text, warnings, Meta::default())
        }
        Format::Markdown => {
            let (text, mut warnings) = decode_owned(bytes)?;
            let (text, meta, more) = markdown::convert(&text);
            warnings.extend(more);
            (text, warnings, meta)
        }
        Format::Html => {
            if bytes.iter().all(u8::is_ascii_whitespace) {
                return Err("empty file, skipped".to_string());
            }
            let (text, meta, warnings) = html::convert(&bytes)?;
            (text, warnings, meta)
        }
    };
    Ok(RawDoc {
        id: stem(path),
        path: path.display().to_string(),
        file: path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
        text,
        warnings,
        meta,
    })
}

/// The OS message without the "(os error 13)" noise.
fn io_reason(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        _ => {
            let text = err.to_string();
            match text.find(" (os error") {
                Some(i) => text[..i].to_string(),
                None => text,
            }
        }
    }
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned())
}

/// Two folders may hold the same file name. Ids must stay unique and the
/// same from run to run, so later ones (in load order) get `~2`, `~3`, ….
fn make_ids_unique<T>(docs: &mut [T], ids: impl Fn(&mut T) -> (&mut String, &mut Vec<String>)) {
    let all: HashSet<String> = docs.iter_mut().map(|d| ids(d).0.clone()).collect();
    if all.len() == docs.len() {
        return;
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn decode_plain_and_bom() {
        assert_eq!(decode(b"hello\n").unwrap(), ("hello\n".to_string(), vec![]));
        assert_eq!(decode(b"\xef\xbb\xbfhello").unwrap().0, "hello");
    }

    #[test]
    fn decode_line_endings() {
        assert_eq!(decode(b"a\r\nb\rc\n").unwrap().0, "a\nb\nc\n");
        assert_eq!(decode(b"a\r\r\nb").unwrap().0, "a\n\nb");
    }

    #[test]
    fn decode_invalid_utf8_is_lossy_with_one_warning() {
        let (text, warnings) = decode(b"caf\xe9 and \xff\xfe!").unwrap();
        assert!(text.starts_with("caf\u{fffd} and "));
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].contains("UTF-8"), "{warnings:?}");
    }

    #[test]
    fn decode_rejects_binary_empty_and_huge() {
        assert!(decode(b"text\0more").unwrap_err().contains("binary"));
        assert!(decode(b"").unwrap_err().contains("empty"));
        assert!(decode(b" \n\t\r\n").unwrap_err().contains("empty"));
        assert!(decode(b"\xef\xbb\xbf").unwrap_err().contains("empty"));
        let huge = vec![b'a'; MAX_FILE_BYTES as usize + 1];
        assert!(decode(&huge).unwrap_err().contains("larger"));
    }

    #[test]
    fn decode_utf16_with_bom() {
        let le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("대통령\r\nXi".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode(&le).unwrap(), ("대통령\nXi".to_string(), vec![]));
        let be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain("Moon".encode_utf16().flat_map(|u| u.to_be_bytes()))
            .collect();
        assert_eq!(decode(&be).unwrap().0, "Moon");
        // A lone surrogate and an odd trailing byte: lossy, one warning.
        let (text, warnings) = decode(&[0xff, 0xfe, b'a', 0, 0x00, 0xd8, b'b']).unwrap();
        assert_eq!(text, "a\u{fffd}");
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn embedded_corpus_loads() {
        let docs = embedded();
        assert_eq!(docs.len(), EMBEDDED_ARTICLES.len());
        assert!(docs.len() >= 5);
        assert_eq!(docs[0].id, "000_d4689abd9a63b843");
        assert_eq!(docs[0].file, "000_d4689abd9a63b843.txt");
        assert_eq!(docs[0].path, "embedded:000_d4689abd9a63b843.txt");
        assert!(
            docs.iter()
                .all(|d| d.warnings.is_empty() && !d.text.contains('\r'))
        );
    }

    fn write(path: &Path, bytes: &[u8]) {
        let mut f = File::create(path).unwrap();
        f.write_all(bytes).unwrap();
    }

    fn ids(docs: &[RawDoc]) -> Vec<&str> {
        docs.iter().map(|d| d.id.as_str()).collect()
    }

    #[test]
    fn directories_recursive_sorted_txt_only() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        fs::create_dir_all(root.join("b/deeper")).unwrap();
        fs::create_dir_all(root.join(".hidden")).unwrap();
        write(&root.join("z.txt"), b"z");
        write(&root.join("a.TXT"), b"a");
        write(&root.join("photo.png"), b"\x89PNG");
        write(&root.join("b/m.txt"), b"m");
        write(&root.join("b/deeper/k.txt"), b"k");
        write(&root.join(".hidden/h.txt"), b"h");
        let (docs, warnings) = read_paths(&[root.to_path_buf()]);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(ids(&docs), ["a", "z", "m", "k"]);
        assert_eq!(docs[2].path, root.join("b/m.txt").display().to_string());
        assert_eq!(docs[1].file, "z.txt");
        // Deterministic.
        assert_eq!(read_paths(&[root.to_path_buf()]).0, docs);
    }

    #[test]
    fn explicit_file_any_extension() {
        let tmp = tempfile::tempdir().unwrap();
        let p = tmp.path().join("article.md");
        write(&p, b"body");
        let (docs, warnings) = read_paths(std::slice::from_ref(&p));
        assert!(warnings.is_empty());
        assert_eq!(ids(&docs), ["article"]);
        assert_eq!(docs[0].path, p.display().to_string());
    }

    #[test]
    fn bad_files_warn_once_and_loading_goes_on() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        write(&root.join("01_good.txt"), b"\xef\xbb\xbfgood\r\ntext");
        write(&root.join("02_binary.txt"), b"PK\x03\x04\0\0");
        write(&root.join("03_empty.txt"), b"  \n ");
        write(&root.join("04_latin1.txt"), b"Gr\xfc\xdfe");
        let big = File::create(root.join("05_big.txt")).unwrap();
        big.set_len(MAX_FILE_BYTES + 1).unwrap();
        let missing = root.join("nope.txt");
        let (docs, warnings) = read_paths(&[root.to_path_buf(), missing.clone()]);
        assert_eq!(ids(&docs), ["01_good", "04_latin1"]);
        assert_eq!(docs[0].text, "good\ntext");
        assert_eq!(docs[1].warnings.len(), 1);
        let named: Vec<(&str, &str)> = warnings
            .iter()
            .map(|w| (w.file.as_str(), w.message.as_str()))
            .collect();
        assert_eq!(warnings.len(), 4, "{named:?}");
        let file_of = |name: &str| root.join(name).display().to_string();
        assert_eq!(warnings[0].file, file_of("02_binary.txt"));
        assert!(warnings[0].message.contains("binary"));
        assert_eq!(warnings[1].file, file_of("03_empty.txt"));
        assert_eq!(warnings[2].file, file_of("05_big.txt"));
        assert!(warnings[2].message.contains("larger"));
        assert_eq!(warnings[3].file, missing.display().to_string());
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_broken_and_looping() {
        use std::os::unix::fs::symlink;
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        fs::create_dir(root.join("sub")).unwrap();
        write(&root.join("sub/a.txt"), b"a");
        symlink(root, root.join("sub/loop")).unwrap();
        symlink(root.join("gone.txt"), root.join("sub/broken.txt")).unwrap();
        symlink(root.join("sub/a.txt"), root.join("sub/alias.txt")).unwrap();
        // A hard link is the same file too.
        fs::hard_link(root.join("sub/a.txt"), root.join("sub/b.txt")).unwrap();
        let (docs, warnings) = read_paths(&[root.to_path_buf()]);
        assert_eq!(ids(&docs), ["a"]);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].file.ends_with("broken.txt"));
        assert!(warnings[0].message.contains("broken"));
        // Named directly, too.
        let (_, warnings) = read_paths(&[root.join("sub/broken.txt")]);
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].message.contains("broken"));
    }

    #[cfg(unix)]
    #[test]
    fn unreadable_file_and_fifo_warn() {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().unwrap();
        let locked = tmp.path().join("locked.txt");
        write(&locked, b"secret");
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
        let (docs, warnings) = read_paths(std::slice::from_ref(&locked));
        // Root can read anything; then the file simply loads.
        if docs.is_empty() {
            assert_eq!(warnings.len(), 1);
            assert!(warnings[0].message.contains("permission"));
        }
        let fifo = tmp.path().join("pipe.txt");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            let (docs, warnings) = read_paths(&[fifo]);
            assert!(docs.is_empty());
            assert!(warnings[0].message.contains("regular"));
        }
    }

    #[test]
    fn duplicate_ids_get_stable_suffixes() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        for dir in ["x", "y", "z"] {
            fs::create_dir(root.join(dir)).unwrap();
            write(&root.join(dir).join("same.txt"), dir.as_bytes());
        }
        write(&root.join("x/same~2.txt"), b"taken");
        let (docs, _) = read_paths(&[root.to_path_buf()]);
        assert_eq!(ids(&docs), ["same", "same~2", "same~3", "same~4"]);
        assert_eq!(docs[2].text, "y");
        assert_eq!(docs[2].warnings.len(), 1);
        assert!(docs[2].warnings[0].contains("same~3"));
    }

    #[test]
    fn same_file_twice_loads_once() {
        let tmp = tempfile::tempdir().unwrap();
        let p = tmp.path().join("a.txt");
        write(&p, b"a");
        let (docs, warnings) = read_paths(&[p.clone(), tmp.path().to_path_buf()]);
        assert_eq!(ids(&docs), ["a"]);
        assert!(warnings.is_empty());
    }

    /// Many files go through the parallel path; the result is what reading
    /// them one after another gives: order, duplicates, warnings, ids.
    #[test]
    fn parallel_read_matches_one_by_one() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        for dir in ["a", "b"] {
            fs::create_dir(root.join(dir)).unwrap();
            for i in 0..60 {
                let text = format!("{dir} article {i}\n");
                write(&root.join(dir).join(format!("{i:03}.txt")), text.as_bytes());
            }
        }
        write(&root.join("a/empty.txt"), b"");
        write(&root.join("b/nul.txt"), b"a\0b");
        write(&root.join("b/bad.txt"), b"caf\xe9");
        let twice = root.join("a/007.txt");
        let paths = [root.to_path_buf(), twice.clone(), root.join("missing.txt")];
        let (docs, warnings) = read_paths(&paths);

        // The same by hand, one file at a time.
        let mut expected_docs = Vec::new();
        let mut expected_warnings = Vec::new();
        let mut seen = HashSet::new();
        for item in list_paths(&paths) {
            match item {
                Found::Problem(w) => expected_warnings.push(w),
                Found::Other(_) => {}
                Found::File(path) => {
                    if !seen.insert(fs::canonicalize(&path).unwrap()) {
                        continue;
                    }
                    match read_file(&path).1 {
                        Ok(doc) => expected_docs.push(doc),
                        Err(m) => expected_warnings.push(warning(&path, m)),
                    }
                }
            }
        }
        make_ids_unique(&mut expected_docs, |d| (&mut d.id, &mut d.warnings));
        assert_eq!(docs.len(), 121);
        assert_eq!(docs, expected_docs);
        assert_eq!(warnings, expected_warnings);
        assert_eq!(warnings.len(), 3, "{warnings:?}");
        assert!(docs.iter().any(|d| d.id == "000~2"));
    }
}
