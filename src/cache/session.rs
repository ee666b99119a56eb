//! The cache as one load uses it (issue 12, phase B): whether the process
//! uses a cache at all (off unless the binary turns it on, so library
//! callers and tests never touch a user's cache), the per-file reuse check
//! made while the corpus is walked, the one-line notices, and the save —
//! at once for the command line, in the background for the browser.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;

use super::file::CacheError;
use super::plan::{FileKey, RACY_NS, ns_since_epoch};
use super::store::Store;
use crate::fingerprint::content_hash;
use crate::model::{Article, Warning};
use crate::sanitize::inert;

/// Where a load's notices about the cache go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notices {
    /// One line on stderr each (the command line).
    Stderr,
    /// Into the timeline's warnings (the browser owns the terminal).
    Warnings,
}

/// How loads in this process use the cache.
#[derive(Debug, Clone)]
pub struct Setting {
    pub store: Store,
    pub notices: Notices,
    /// Write the cache on a thread of its own, so the browser is ready
    /// before the fsync; `wait_for_saves` before the process exits.
    pub background_save: bool,
}

static SETTING: Mutex<Option<Setting>> = Mutex::new(None);
static SAVES: Mutex<Vec<JoinHandle<()>>> = Mutex::new(Vec::new());

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic elsewhere leaves plain data behind, still usable.
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Whether the last load that finished took every article from the
/// article cache (none built from its file): `hotline search` keeps a
/// word index only for a corpus loaded before (`query::kept::kept_index`).
static LAST_LOAD_FROM_CACHE: AtomicBool = AtomicBool::new(false);

/// See `LAST_LOAD_FROM_CACHE`.
pub(crate) fn last_load_from_cache() -> bool {
    LAST_LOAD_FROM_CACHE.load(Ordering::Relaxed)
}

/// Loads of files in this process use the cache as `setting` says.
pub fn enable(setting: Setting) {
    *lock(&SETTING) = Some(setting);
}

/// How this process uses the cache, if it does.
pub(crate) fn current() -> Option<Setting> {
    lock(&SETTING).clone()
}

/// Run `write` on a thread of its own, waited for by `wait_for_saves`.
pub(crate) fn in_background(write: impl FnOnce() + Send + 'static) {
    let handle = std::thread::spawn(write);
    lock(&SAVES).push(handle);
}

/// Loads in this process neither read nor write a cache (the default).
pub fn disable() {
    *lock(&SETTING) = None;
}

/// Wait for background saves to finish: a cache half written when the
/// process exits is only a stray temp file, but a wasted save.
pub fn wait_for_saves() {
    let saves: Vec<JoinHandle<()>> = lock(&SAVES).drain(..).collect();
    for save in saves {
        // A save that panicked left at worst a temp file: nothing to do.
        let _ = save.join();
    }
}

/// One article as a load builds it: with the cache key of the file it came
/// from when the file could be stat'd.
pub type Keyed = (Option<FileKey>, Article);

/// The cache for one load of `roots`.
pub struct Session {
    setting: Setting,
    roots: Vec<PathBuf>,
    lexicon: u64,
    written_ns: i64,
    entries: Mutex<HashMap<String, (FileKey, Article)>>,
    dirs: Mutex<HashMap<PathBuf, Option<PathBuf>>>,
    /// Something differs from the file on disk: it must be written again.
    dirty: AtomicBool,
    /// An article was built from its file, not taken from the cache.
    built: AtomicBool,
    notices: Vec<Warning>,
}

impl Session {
    /// The cache for `roots` if this process uses one; a cache that can't
    /// be used gives a notice (except a lexicon change, which is simply
    /// what the cache is keyed by) and the load starts from nothing.
    pub fn open(roots: &[PathBuf], lexicon: u64) -> Option<Session> {
        let setting = lock(&SETTING).clone()?;
        let mut session = Session {
            roots: roots.to_vec(),
            lexicon,
            written_ns: 0,
            entries: Mutex::new(HashMap::new()),
            dirs: Mutex::new(HashMap::new()),
            dirty: AtomicBool::new(false),
            built: AtomicBool::new(false),
            notices: Vec::new(),
            setting,
        };
        match session.setting.store.load(roots, lexicon) {
            Ok(Some(cached)) => {
                session.written_ns = cached.written_ns;
                let map = cached
                    .entries
                    .into_iter()
                    .map(|(k, a)| (k.key.clone(), (k, a)))
                    .collect();
                session.entries = Mutex::new(map);
            }
            Ok(None) | Err(CacheError::LexiconChanged) => {
                session.dirty.store(true, Ordering::Relaxed)
            }
            Err(e) => {
                session.dirty.store(true, Ordering::Relaxed);
                let file = session.setting.store.file_for(roots);
                session.notice(&file, &format!("{e}; rebuilding it"));
            }
        }
        Some(session)
    }

    fn notice(&mut self, file: &Path, message: &str) {
        match self.setting.notices {
            Notices::Stderr => {
                let line = format!(
                    "hotline: cache: {}: {}\n",
                    inert(&file.display().to_string(), false),
                    inert(message, false)
                );
                // A stderr that can't be written is no reason to fail.
                let _ = std::io::stderr().write_all(line.as_bytes());
            }
            Notices::Warnings => self.notices.push(Warning {
                file: file.display().to_string(),
                message: format!("cache: {message}"),
            }),
        }
    }

    /// The key the cache files `path` under: its directory resolved once
    /// (resolving every file costs as much as the rest of a warm open),
    /// then its name.
    fn key_of(&self, path: &Path) -> Option<String> {
        let name = path.file_name()?;
        let parent = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let dir = {
            let mut dirs = lock(&self.dirs);
            dirs.entry(parent.to_path_buf())
                .or_insert_with(|| std::fs::canonicalize(parent).ok())
                .clone()?
        };
        Some(dir.join(name).to_string_lossy().into_owned())
    }

    fn stat_key(&self, path: &Path, meta: &std::fs::Metadata, hash: u64) -> Option<FileKey> {
        Some(FileKey {
            key: self.key_of(path)?,
            size: meta.len(),
            mtime_ns: meta.modified().map_or(0, ns_since_epoch),
            hash,
        })
    }

    /// The cached article for `path` if the file is as it was: same size
    /// and time, the time older than the cache write by `RACY_NS`; else
    /// same size and same bytes. Named as it is named now.
    pub fn reuse(&self, path: &Path, meta: &std::fs::Metadata) -> Option<Keyed> {
        let key = self.key_of(path)?;
        let size = meta.len();
        let mtime_ns = meta.modified().map_or(0, ns_since_epoch);
        let (stored_size, stored_time, stored_hash) = {
            let entries = lock(&self.entries);
            let (k, _) = entries.get(&key)?;
            (k.size, k.mtime_ns, k.hash)
        };
        let trusted = stored_time < self.written_ns.saturating_sub(RACY_NS);
        let unchanged = size == stored_size && mtime_ns == stored_time && trusted;
        if !unchanged {
            let same = size == stored_size
                && std::fs::read(path).is_ok_and(|b| content_hash(&b) == stored_hash);
            if !same {
                return None;
            }
            // The stored time is stale (or racy): write the new one.
            self.dirty.store(true, Ordering::Relaxed);
        }
        let (mut k, mut article) = lock(&self.entries).remove(&key)?;
        k.size = size;
        k.mtime_ns = mtime_ns;
        article.path = path.display().to_string();
        article.file = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        article.id = stem(path);
        Some((Some(k), article))
    }

    /// An article just read from `path` (stat'd as `meta` before reading,
    /// its bytes hashing to `hash`).
    pub fn fresh(
        &self,
        path: &Path,
        meta: Option<&std::fs::Metadata>,
        hash: u64,
        article: Article,
    ) -> Keyed {
        self.dirty.store(true, Ordering::Relaxed);
        self.built.store(true, Ordering::Relaxed);
        (meta.and_then(|m| self.stat_key(path, m, hash)), article)
    }

    /// After the load: write the cache if anything changed (files read,
    /// removed, a stale time) and hand back the articles and any notices.
    pub fn finish(mut self, keyed: Vec<Keyed>, warnings: &mut Vec<Warning>) -> Vec<Article> {
        let removed = !lock(&self.entries).is_empty();
        let built = self.built.load(Ordering::Relaxed);
        LAST_LOAD_FROM_CACHE.store(!built, Ordering::Relaxed);
        if removed || self.dirty.load(Ordering::Relaxed) {
            self.save(&keyed);
        }
        warnings.append(&mut self.notices);
        keyed.into_iter().map(|(_, a)| a).collect()
    }

    fn save(&mut self, keyed: &[Keyed]) {
        // The cache holds each article as read, before ids were made
        // unique across the corpus: that depends on the other files.
        let restored: Vec<(&FileKey, std::borrow::Cow<Article>)> = keyed
            .iter()
            .filter_map(|(k, a)| Some((k.as_ref()?, as_read(a))))
            .collect();
        let entries: Vec<(&FileKey, &Article)> =
            restored.iter().map(|(k, a)| (*k, a.as_ref())).collect();
        let store = self.setting.store.clone();
        let pending = store.prepare(&self.roots, self.lexicon, &entries);
        let pending = match pending {
            Ok(p) => p,
            Err(e) => {
                let message = format!("{e}; not saved (hotline works without it)");
                self.notice(store.dir(), &message);
                return;
            }
        };
        if self.setting.background_save {
            let handle = std::thread::spawn(move || {
                // The browser is on screen: a failed write only costs the
                // next open its speed.
                let _ = pending.commit();
            });
            lock(&SAVES).push(handle);
        } else if let Err(e) = pending.commit() {
            let message = format!("{e}; not saved (hotline works without it)");
            self.notice(store.dir(), &message);
        }
    }
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned())
}

/// `article` as reading made it: a file's id is its stem until another
/// file with the same stem makes it `stem~N` and adds a warning saying so
/// (`read::make_ids_unique`), which is undone here.
fn as_read(article: &Article) -> std::borrow::Cow<'_, Article> {
    let id = stem(Path::new(&article.path));
    if article.id == id {
        return std::borrow::Cow::Borrowed(article);
    }
    let mut a = article.clone();
    a.id = id;
    if a.warnings
        .last()
        .is_some_and(|w| w.starts_with("another file has the id"))
    {
        a.warnings.pop();
    }
    std::borrow::Cow::Owned(a)
}
