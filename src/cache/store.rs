//! Where cache files live and how they are written: one file per set of
//! corpus roots under `$XDG_CACHE_HOME/hotline` (else `~/.cache/hotline`),
//! never inside a corpus, replaced atomically (temp file in the same
//! directory, then rename) so concurrent writers leave one valid file and
//! the last one wins.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use xxhash_rust::xxh3::xxh3_64;

use super::file::{self, CacheError, HEADER_LEN, Header};
use super::plan::{Cached, FileKey, ns_since_epoch};
use crate::model::Article;

const EXT: &str = "hlc";
/// Extension of the word index files (`words`) beside each `.hlc`: named
/// here, with the cache's other file names, so `clear` finds them.
pub const WORDS_EXT: &str = "hlw";
/// Extension of the kept grouping files (`pipeline::kept_group`) beside
/// each `.hlc`, named here for the same reason.
pub const GROUPING_EXT: &str = "hlg";
const PREFIX: &str = "corpus-";
pub(super) const TMP_PREFIX: &str = ".corpus-";

/// The cache directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Store {
    dir: PathBuf,
}

/// One cache file as `hotline cache stats` shows it; `header` is the
/// one-line reason when the file would not be used.
#[derive(Debug)]
pub struct CacheFileStats {
    pub path: PathBuf,
    pub bytes: u64,
    pub header: Result<Header, String>,
}

impl Store {
    /// `$XDG_CACHE_HOME/hotline`, or `$HOME/.cache/hotline` (`crate::xdg`).
    pub fn from_env() -> Result<Store, CacheError> {
        crate::xdg::dir(crate::xdg::Kind::Cache)
            .map(Store::at)
            .ok_or(CacheError::NoCacheDir)
    }

    pub fn at(dir: impl Into<PathBuf>) -> Store {
        Store { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The roots as the cache keys them: canonical (as given when they
    /// cannot be resolved), sorted, without repeats, so `a b` and `b a`
    /// share a file.
    pub fn canonical_roots(roots: &[PathBuf]) -> Vec<String> {
        let mut out: Vec<String> = roots
            .iter()
            .map(|r| {
                fs::canonicalize(r)
                    .unwrap_or_else(|_| r.clone())
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// The cache file for this set of roots (named by a hash of them).
    pub fn file_for(&self, roots: &[PathBuf]) -> PathBuf {
        let joined = Store::canonical_roots(roots).join("\0");
        self.dir
            .join(format!("{PREFIX}{:016x}.{EXT}", xxh3_64(joined.as_bytes())))
    }

    /// The cache for these roots, checked. `Ok(None)`: there is none yet.
    pub fn load(&self, roots: &[PathBuf], lexicon: u64) -> Result<Option<Cached>, CacheError> {
        let file = match fs::File::open(self.file_for(roots)) {
            Ok(f) => f,
            // No file, or no folder to hold one (XDG_CACHE_HOME a file):
            // no cache yet; saving says why it can't make one.
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
                ) =>
            {
                return Ok(None);
            }
            Err(e) => return Err(e.into()),
        };
        let len = file.metadata()?.len();
        let (header, payload) = file::decode_file(&file, len, lexicon)?;
        // Guards against two root sets whose names hash alike.
        if payload.roots != Store::canonical_roots(roots) {
            return Err(CacheError::Corrupt("written for other folders".into()));
        }
        Ok(Some(Cached {
            written_ns: header.written_ns,
            entries: payload.entries,
        }))
    }

    /// Replace the cache for these roots with `entries`. Keeps the
    /// creation time of a valid file it replaces. Returns the file written.
    pub fn save(
        &self,
        roots: &[PathBuf],
        lexicon: u64,
        entries: &[(&FileKey, &Article)],
    ) -> Result<PathBuf, CacheError> {
        self.prepare(roots, lexicon, entries)?.commit()
    }

    /// Make the cache directory and check it lies outside every root:
    /// nothing is ever written inside a corpus. Returns the roots as the
    /// cache keys them.
    pub fn writable_for(&self, roots: &[PathBuf]) -> Result<Vec<String>, CacheError> {
        // Resolved before it is made, so not even an empty folder appears
        // inside a corpus.
        let dir = resolved(&self.dir)?;
        let canonical = Store::canonical_roots(roots);
        if canonical.iter().any(|r| dir.starts_with(r)) {
            return Err(CacheError::InsideCorpus(dir));
        }
        fs::create_dir_all(&self.dir)?;
        Ok(canonical)
    }

    /// The first half of `save`: everything that can fail for want of a
    /// writable directory (create it, open the temp file, encode into it:
    /// written as encoded, never whole in memory), so a caller can report
    /// that at once and leave `commit` (fsync, rename: the slow half) to a
    /// background thread.
    pub fn prepare(
        &self,
        roots: &[PathBuf],
        lexicon: u64,
        entries: &[(&FileKey, &Article)],
    ) -> Result<Pending, CacheError> {
        let canonical = self.writable_for(roots)?;
        let target = self.file_for(roots);
        let now = ns_since_epoch(SystemTime::now());
        let created = read_head(&target)
            .ok()
            .and_then(|b| file::read_header(&b).ok())
            .map_or(now, |h| h.created_ns);
        let mut tmp = tempfile::Builder::new()
            .prefix(TMP_PREFIX)
            .suffix(".tmp")
            .tempfile_in(&self.dir)?;
        file::encode_into(
            tmp.as_file_mut(),
            &canonical,
            lexicon,
            created,
            now,
            entries,
        )?;
        Ok(Pending { tmp, target })
    }

    /// Every cache file in the directory, with its header checked (not its
    /// payload: stats stay cheap on a large cache).
    pub fn stats(&self) -> Result<Vec<CacheFileStats>, CacheError> {
        let mut out = Vec::new();
        for path in self.cache_files()? {
            let bytes = fs::metadata(&path)?.len();
            let header = read_head(&path)
                .map_err(CacheError::from)
                .and_then(|b| file::read_header(&b))
                .and_then(|h| {
                    let expected = (HEADER_LEN as u64).saturating_add(h.payload_len);
                    if expected == bytes {
                        Ok(h)
                    } else {
                        Err(CacheError::Truncated {
                            expected,
                            found: bytes,
                        })
                    }
                })
                .map_err(|e| e.to_string());
            out.push(CacheFileStats {
                path,
                bytes,
                header,
            });
        }
        Ok(out)
    }

    /// Remove every cache file, word index (`words`), kept grouping and
    /// temp file left by a crash. Returns
    /// how many files went; a missing directory is an empty cache.
    pub fn clear(&self) -> Result<usize, CacheError> {
        let mut removed = 0;
        let words = self.files_where(|name| {
            name.starts_with(PREFIX)
                && [WORDS_EXT, GROUPING_EXT]
                    .iter()
                    .any(|ext| name.ends_with(&format!(".{ext}")))
        })?;
        let all = self.cache_files()?.into_iter().chain(words);
        for path in all.chain(self.temp_files()?) {
            match fs::remove_file(&path) {
                Ok(()) => removed += 1,
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(e.into()),
            }
        }
        Ok(removed)
    }

    fn cache_files(&self) -> Result<Vec<PathBuf>, CacheError> {
        self.files_where(|name| name.starts_with(PREFIX) && name.ends_with(&format!(".{EXT}")))
    }

    fn temp_files(&self) -> Result<Vec<PathBuf>, CacheError> {
        self.files_where(|name| name.starts_with(TMP_PREFIX) && name.ends_with(".tmp"))
    }

    /// Files directly in the cache directory whose names pass `keep`,
    /// sorted. Only names this module writes are ever touched.
    fn files_where(&self, keep: impl Fn(&str) -> bool) -> Result<Vec<PathBuf>, CacheError> {
        let entries = match fs::read_dir(&self.dir) {
            Ok(e) => e,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e.into()),
        };
        let mut out = Vec::new();
        for entry in entries {
            let entry = entry?;
            let name = entry.file_name();
            if entry.file_type()?.is_file() && name.to_str().is_some_and(&keep) {
                out.push(entry.path());
            }
        }
        out.sort();
        Ok(out)
    }
}

/// A cache file encoded into its temp file, not yet in place.
pub struct Pending {
    tmp: tempfile::NamedTempFile,
    target: PathBuf,
}

impl Pending {
    /// Sync and rename into place. Returns the file written.
    pub fn commit(self) -> Result<PathBuf, CacheError> {
        // On disk before the rename, so a crash leaves the old file or the
        // new one, never a torn one under the real name.
        self.tmp.as_file().sync_data()?;
        self.tmp
            .persist(&self.target)
            .map_err(|e| CacheError::Io(e.error))?;
        Ok(self.target)
    }
}

/// `path` with links resolved as far as it exists, the rest joined on.
fn resolved(path: &Path) -> io::Result<PathBuf> {
    let mut rest = Vec::new();
    let mut existing = path;
    loop {
        match fs::canonicalize(existing) {
            Ok(found) => return Ok(rest.iter().rev().fold(found, |p, part| p.join(part))),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = if parent.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    parent
                };
            }
            _ => return fs::canonicalize(path),
        }
    }
}

/// The first HEADER_LEN bytes of a file (fewer if it is shorter).
fn read_head(path: &Path) -> io::Result<Vec<u8>> {
    let mut head = Vec::with_capacity(HEADER_LEN);
    fs::File::open(path)?
        .take(HEADER_LEN as u64)
        .read_to_end(&mut head)?;
    Ok(head)
}
