//! Reading one file safely: regular files only, within the size limit,
//! identified by device and inode so a file named twice loads once.

use super::decode::{decode_owned, too_large};
use super::meta::Format;
use super::meta::Meta;
use super::{MAX_FILE_BYTES, RawDoc, html, markdown, stem};
use crate::fsafe;
use crate::fsafe::OpenError;
use std::fs;
use std::path::Path;

/// One named file: what identifies it (so the same file named twice, or
/// reached through a link, is read once) and its document, or why it was
/// skipped. Opened without blocking and checked on the handle
/// (`fsafe::open_regular`): a FIFO swapped in after the walk's `stat`
/// can't hang the load.
pub(super) fn read_file(path: &Path) -> (Option<FileKey>, Result<RawDoc, String>) {
    let (key, bytes) = read_bytes(path);
    (key, bytes.and_then(|bytes| doc_from_bytes(path, bytes)))
}

/// `read_file`, with the xxh3 of the bytes the document was built from
/// (the article cache keys files by it; hashing costs ~1 ms per 25 MB, so
/// a load without the cache skips it).
pub(super) fn read_file_hashed(path: &Path) -> (Option<FileKey>, Result<(RawDoc, u64), String>) {
    let (key, bytes) = read_bytes(path);
    let result = bytes.and_then(|bytes| {
        let hash = crate::cache::content_hash(&bytes);
        doc_from_bytes(path, bytes).map(|doc| (doc, hash))
    });
    (key, result)
}

/// What identifies the file and its bytes, or why it was skipped.
fn read_bytes(path: &Path) -> (Option<FileKey>, Result<Vec<u8>, String>) {
    let (file, meta) = match fsafe::open_regular(path) {
        Ok(opened) => opened,
        Err(OpenError::Io(e)) => return (None, Err(missing_message(path, &e))),
        Err(OpenError::NotRegular(kind)) => {
            return (None, Err(format!("not a regular file ({kind}), skipped")));
        }
        Err(OpenError::TooLarge(len)) => return (None, Err(too_large(len))),
    };
    // Capped: a file growing while we read can't exceed the budget.
    let bytes = match fsafe::read_limited(file, &meta, MAX_FILE_BYTES) {
        Ok(bytes) => Ok(bytes),
        Err(OpenError::TooLarge(len)) => Err(too_large(len)),
        Err(e) => Err(format!("cannot read: {e}")),
    };
    (file_key(path, &meta), bytes)
}

/// The device and inode: one `stat`, where resolving the real path
/// would cost a system call per path component.
#[cfg(unix)]
pub(super) type FileKey = (u64, u64);

#[cfg(unix)]
pub(super) fn file_key(_path: &Path, meta: &fs::Metadata) -> Option<FileKey> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
pub(super) type FileKey = PathBuf;

#[cfg(not(unix))]
pub(super) fn file_key(path: &Path, _meta: &fs::Metadata) -> Option<FileKey> {
    fs::canonicalize(path).ok()
}

fn doc_from_bytes(path: &Path, bytes: Vec<u8>) -> Result<RawDoc, String> {
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
        // What `display` shows, without the formatting machinery (a
        // tenth of reading a file's bytes).
        path: path.to_string_lossy().into_owned(),
        file: path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
        text,
        warnings,
        meta,
    })
}

/// The OS message without the "(os error 13)" noise.
pub(super) fn io_reason(err: &std::io::Error) -> String {
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

pub(super) fn missing_message(path: &Path, err: &std::io::Error) -> String {
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link && err.kind() == std::io::ErrorKind::NotFound {
        "broken symbolic link, skipped".to_string()
    } else if err.kind() == std::io::ErrorKind::NotFound {
        "no such file or directory".to_string()
    } else {
        format!("cannot read: {}", io_reason(err))
    }
}
