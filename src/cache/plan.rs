//! Which files of a corpus the cache still answers for. A file is taken
//! from the cache when its size and modification time match and that time
//! is safely older than the cache write; when they disagree, or the time is
//! too recent to trust (a file rewritten in the same tick as the cache, the
//! "racy git" problem), its bytes are hashed and compared instead.

use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::fingerprint::content_hash;
use serde::{Deserialize, Serialize};

use crate::model::Article;

/// A modification time within this much of the cache write is not
/// trusted: file systems with coarse timestamps (FAT: 2 s, some network
/// file systems: 1 s) can give an edited file the same time as before.
pub const RACY_NS: i64 = 2_000_000_000;

/// What the cache records about one file: its canonical path, size,
/// modification time and a hash of the bytes the article was built from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileKey {
    pub key: String,
    pub size: u64,
    pub mtime_ns: i64,
    pub hash: u64,
}

/// One file as found on disk now, before it is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileStat {
    /// The path as the caller named it (what the file is read from).
    pub path: PathBuf,
    /// The canonical path: the same file named two ways is one entry.
    pub key: String,
    pub size: u64,
    pub mtime_ns: i64,
}

impl FileStat {
    /// Stat `path`. Call this BEFORE reading the file: if it changes in
    /// between, the stored time is older than the file's, so the next open
    /// hashes it and finds the bytes that were really read.
    pub fn of(path: &Path) -> io::Result<FileStat> {
        let canonical = fs::canonicalize(path)?;
        let meta = fs::metadata(&canonical)?;
        Ok(FileStat {
            path: path.to_path_buf(),
            key: canonical.to_string_lossy().into_owned(),
            size: meta.len(),
            mtime_ns: meta.modified().map_or(0, ns_since_epoch),
        })
    }

    /// Stat `path`, a file directly in `canonical_dir` (already
    /// canonical): skips resolving every file's path, which costs as much
    /// as the rest of a warm open (DESIGN.md). Same result as `of` unless
    /// the file itself is a link.
    pub fn in_canonical_dir(path: &Path, canonical_dir: &Path) -> io::Result<FileStat> {
        let meta = fs::metadata(path)?;
        let name = path
            .file_name()
            .ok_or_else(|| io::Error::other("not a file name"))?;
        Ok(FileStat {
            path: path.to_path_buf(),
            key: canonical_dir.join(name).to_string_lossy().into_owned(),
            size: meta.len(),
            mtime_ns: meta.modified().map_or(0, ns_since_epoch),
        })
    }

    /// The cache key for this file once its bytes were read and hashed.
    pub fn key_with(&self, hash: u64) -> FileKey {
        FileKey {
            key: self.key.clone(),
            size: self.size,
            mtime_ns: self.mtime_ns,
            hash,
        }
    }
}

/// Nanoseconds since the Unix epoch, negative before it, saturating.
pub fn ns_since_epoch(t: SystemTime) -> i64 {
    match t.duration_since(UNIX_EPOCH) {
        Ok(d) => i64::try_from(d.as_nanos()).unwrap_or(i64::MAX),
        Err(e) => i64::try_from(e.duration().as_nanos()).map_or(i64::MIN, |n| -n),
    }
}

/// A cache as loaded: when it was written and its entries.
#[derive(Debug, Default)]
pub struct Cached {
    pub written_ns: i64,
    pub entries: Vec<(FileKey, Article)>,
}

/// How one file compares with the cache.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Size and time match, and the time is older than the cache write.
    Unchanged,
    /// Size or time differ, or the time is racy, but the bytes hash the
    /// same: still valid (the key takes the new time).
    SameContent,
    /// In the cache, but the bytes differ: read it again.
    Changed,
    /// Not in the cache: read it.
    New,
    /// Not in the cache under this path, but its bytes are those of a
    /// cached file that is gone: read it (its id and path changed).
    Renamed { from: String },
}

/// One file's verdict; `reused` holds the cached key and article when the
/// status is `Unchanged` or `SameContent`.
#[derive(Debug)]
pub struct Planned {
    pub stat: FileStat,
    pub status: Status,
    pub reused: Option<(FileKey, Article)>,
}

/// The verdict for a whole corpus, in the caller's file order.
#[derive(Debug, Default)]
pub struct Plan {
    pub files: Vec<Planned>,
    /// Canonical paths the cache held that are no longer among the files
    /// (renamed files' old paths included).
    pub removed: Vec<String>,
}

impl Plan {
    /// The files the caller must read and extract.
    pub fn to_read(&self) -> impl Iterator<Item = &FileStat> {
        self.files
            .iter()
            .filter(|p| p.reused.is_none())
            .map(|p| &p.stat)
    }

    pub fn reused(&self) -> usize {
        self.files.iter().filter(|p| p.reused.is_some()).count()
    }
}

/// Compare `files` (stat'd now) with a loaded cache. Reads only the files
/// whose verdict needs their bytes (see `Status`); never writes.
pub fn plan(cached: Option<Cached>, files: Vec<FileStat>) -> Plan {
    let Cached {
        written_ns,
        entries,
    } = cached.unwrap_or_default();
    let mut by_key: HashMap<String, (FileKey, Article)> = entries
        .into_iter()
        .map(|(k, a)| (k.key.clone(), (k, a)))
        .collect();
    let mut out = Vec::with_capacity(files.len());
    for stat in files {
        let Some((key, article)) = by_key.remove(&stat.key) else {
            out.push(Planned {
                stat,
                status: Status::New,
                reused: None,
            });
            continue;
        };
        let trusted_time = key.mtime_ns < written_ns.saturating_sub(RACY_NS);
        let (status, reused) =
            if stat.size == key.size && stat.mtime_ns == key.mtime_ns && trusted_time {
                (Status::Unchanged, Some((key, article)))
            } else if stat.size == key.size && hash_of(&stat.path) == Some(key.hash) {
                let fresh = stat.key_with(key.hash);
                (Status::SameContent, Some((fresh, article)))
            } else {
                (Status::Changed, None)
            };
        out.push(Planned {
            stat,
            status,
            reused,
        });
    }
    let mut gone: Vec<FileKey> = by_key.into_values().map(|(k, _)| k).collect();
    gone.sort_by(|a, b| a.key.cmp(&b.key));
    find_renames(&mut out, &gone);
    Plan {
        files: out,
        removed: gone.into_iter().map(|k| k.key).collect(),
    }
}

/// Mark new files whose bytes are those of a file that left the cache.
/// Only files with the size of a gone one are hashed.
fn find_renames(out: &mut [Planned], gone: &[FileKey]) {
    if gone.is_empty() {
        return;
    }
    let mut by_size: HashMap<u64, Vec<&FileKey>> = HashMap::new();
    for k in gone {
        by_size.entry(k.size).or_default().push(k);
    }
    for p in out.iter_mut().filter(|p| p.status == Status::New) {
        let Some(candidates) = by_size.get_mut(&p.stat.size) else {
            continue;
        };
        let Some(hash) = hash_of(&p.stat.path) else {
            continue;
        };
        if let Some(i) = candidates.iter().position(|k| k.hash == hash) {
            let from = candidates.swap_remove(i).key.clone();
            p.status = Status::Renamed { from };
        }
    }
}

fn hash_of(path: &Path) -> Option<u64> {
    fs::read(path).ok().map(|b| content_hash(&b))
}
