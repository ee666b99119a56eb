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

/// Keep `bytes` at `path`, a file beside the article cache, through a
/// temp file in the cache folder and a rename: on a thread of its own when
/// the setting says so (the browser is on screen by then, and a failed
/// write only costs the next open its speed), else at once, its error
/// returned. Not synced: a torn file fails its own checksum and is rebuilt.
pub(crate) fn keep_beside(setting: &Setting, path: PathBuf, bytes: Vec<u8>) -> std::io::Result<()> {
    let dir = setting.store.dir().to_path_buf();
    let write = move || -> std::io::Result<()> {
        let mut tmp = tempfile::Builder::new()
            .prefix(super::store::TMP_PREFIX)
            .suffix(".tmp")
            .tempfile_in(&dir)?;
        tmp.write_all(&bytes)?;
        tmp.persist(&path).map_err(|e| e.error)?;
        Ok(())
    };
    if setting.background_save {
        in_background(move || {
            let _ = write();
        });
        Ok(())
    } else {
        write()
    }
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

/// What a load holds for one file until every file is done: the index of
/// the cached entry it reuses (the article stays in the cache's table, so
/// no second table of full articles is built), or the article built from
/// the file, boxed so a mostly warm load's table of slots stays small.
#[derive(Debug)]
pub enum Slot {
    Cached(usize),
    Built(Box<Keyed>),
}

/// The cached entries as decoded, in the file's order, and how to find
/// one by key without a second table holding the articles.
#[derive(Debug, Default)]
struct Table {
    rows: Vec<(FileKey, Article)>,
    /// Row indices sorted by key; of rows sharing a key only the last.
    by_key: Vec<usize>,
    /// Rows handed to the load: a key named twice is reused once.
    taken: Vec<bool>,
}

impl Table {
    fn new(rows: Vec<(FileKey, Article)>) -> Table {
        let mut by_key: Vec<usize> = (0..rows.len()).collect();
        // Stable: among equal keys the last row ends last, and is kept
        // (as a map built from the rows in order would keep it).
        by_key.sort_by(|&a, &b| rows[a].0.key.cmp(&rows[b].0.key));
        by_key.reverse();
        by_key.dedup_by(|a, b| rows[*a].0.key == rows[*b].0.key);
        by_key.reverse();
        let taken = vec![false; rows.len()];
        Table {
            rows,
            by_key,
            taken,
        }
    }

    /// The articles `slots` name, in their order, and whether a row was
    /// left untaken (a file gone from the corpus). See `Session::collect`.
    fn into_keyed(self, slots: Vec<Slot>) -> (Vec<Keyed>, bool) {
        let Table {
            mut rows, taken, ..
        } = self;
        let removed = taken.iter().any(|t| !t);
        let in_order = slots.len() == rows.len()
            && slots
                .iter()
                .enumerate()
                .all(|(i, s)| matches!(s, Slot::Cached(row) if *row == i));
        if in_order {
            drop(slots);
            // Same size (the key's niche holds the `None`): moved in place.
            let keyed = rows.into_iter().map(|(k, a)| (Some(k), a)).collect();
            return (keyed, removed);
        }
        let mut out = Vec::with_capacity(slots.len());
        for slot in slots {
            match slot {
                Slot::Cached(row) => {
                    let (k, a) = std::mem::take(&mut rows[row]);
                    out.push((Some(k), a));
                }
                Slot::Built(keyed) => out.push(*keyed),
            }
        }
        (out, removed)
    }

    /// The row filed under `key` that no load took yet.
    fn find(&self, key: &str) -> Option<usize> {
        let at = self
            .by_key
            .binary_search_by(|&row| self.rows[row].0.key.as_str().cmp(key))
            .ok()?;
        let row = self.by_key[at];
        (!self.taken[row]).then_some(row)
    }
}

/// The cache for one load of `roots`.
pub struct Session {
    setting: Setting,
    roots: Vec<PathBuf>,
    lexicon: u64,
    written_ns: i64,
    entries: Mutex<Table>,
    /// A cached file was not found again: the cache must be rewritten.
    removed: AtomicBool,
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
            entries: Mutex::new(Table::default()),
            removed: AtomicBool::new(false),
            dirs: Mutex::new(HashMap::new()),
            dirty: AtomicBool::new(false),
            built: AtomicBool::new(false),
            notices: Vec::new(),
            setting,
        };
        match session.setting.store.load(roots, lexicon) {
            Ok(Some(cached)) => {
                session.written_ns = cached.written_ns;
                session.entries = Mutex::new(Table::new(cached.entries));
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

    /// No cached article to reuse: every file will be built.
    pub fn is_empty(&self) -> bool {
        lock(&self.entries).rows.is_empty()
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
    /// same size and same bytes. Named as it is named now; it stays in the
    /// cache's table until `collect`.
    pub fn reuse(&self, path: &Path, meta: &std::fs::Metadata) -> Option<Slot> {
        let key = self.key_of(path)?;
        let size = meta.len();
        let mtime_ns = meta.modified().map_or(0, ns_since_epoch);
        let (row, stored_size, stored_time, stored_hash) = {
            let table = lock(&self.entries);
            let row = table.find(&key)?;
            let k = &table.rows[row].0;
            (row, k.size, k.mtime_ns, k.hash)
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
        let mut table = lock(&self.entries);
        if std::mem::replace(&mut table.taken[row], true) {
            return None;
        }
        let (k, article) = &mut table.rows[row];
        k.size = size;
        k.mtime_ns = mtime_ns;
        article.path = path.display().to_string();
        article.id = stem(path);
        Some(Slot::Cached(row))
    }

    /// An article just read from `path` (stat'd as `meta` before reading,
    /// its bytes hashing to `hash`).
    pub fn fresh(
        &self,
        path: &Path,
        meta: Option<&std::fs::Metadata>,
        hash: u64,
        article: Article,
    ) -> Slot {
        self.dirty.store(true, Ordering::Relaxed);
        self.built.store(true, Ordering::Relaxed);
        let key = meta.and_then(|m| self.stat_key(path, m, hash));
        Slot::Built(Box::new((key, article)))
    }

    /// The load's articles in `slots` order, taken out of the cache's
    /// table, which is then freed. When every file was reused in the
    /// order the cache holds them (an unchanged corpus), the table itself
    /// becomes the result: no article is moved into a second table.
    pub fn collect(&self, slots: Vec<Slot>) -> Vec<Keyed> {
        let table = std::mem::take(&mut *lock(&self.entries));
        let (keyed, removed) = table.into_keyed(slots);
        if removed {
            self.removed.store(true, Ordering::Relaxed);
        }
        keyed
    }

    /// After the load: write the cache if anything changed (files read,
    /// removed, a stale time) and hand back the articles and any notices.
    pub fn finish(mut self, keyed: Vec<Keyed>, warnings: &mut Vec<Warning>) -> Vec<Article> {
        let removed = self.removed.load(Ordering::Relaxed);
        let built = self.built.load(Ordering::Relaxed);
        LAST_LOAD_FROM_CACHE.store(!built, Ordering::Relaxed);
        if removed || self.dirty.load(Ordering::Relaxed) {
            self.save(&keyed);
        }
        warnings.append(&mut self.notices);
        // In place (same alignment, smaller items); then the spare room
        // left by the dropped keys is given back.
        let mut articles: Vec<Article> = keyed.into_iter().map(|(_, a)| a).collect();
        articles.shrink_to_fit();
        articles
    }

    fn save(&mut self, keyed: &[Keyed]) {
        // The cache holds each article as read, before ids were made
        // unique across the corpus: that depends on the other files.
        // Only the few articles renamed apart are copied, not a table of
        // article-sized slots for all.
        let restored: Vec<(usize, Article)> = keyed
            .iter()
            .enumerate()
            .filter_map(|(i, (_, a))| Some((i, as_read(a)?)))
            .collect();
        let mut restored_at = restored.iter().peekable();
        let mut entries: Vec<(&FileKey, &Article)> = Vec::with_capacity(keyed.len());
        for (i, (k, a)) in keyed.iter().enumerate() {
            let a = match restored_at.next_if(|(at, _)| *at == i) {
                Some((_, as_read)) => as_read,
                None => a,
            };
            if let Some(k) = k {
                entries.push((k, a));
            }
        }
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
/// (`read::make_ids_unique`), which is undone here. `None`: `article`
/// is as read.
fn as_read(article: &Article) -> Option<Article> {
    let id = stem(Path::new(&article.path));
    if article.id == id {
        return None;
    }
    let mut a = article.clone();
    a.id = id;
    if a.warnings
        .last()
        .is_some_and(|w| w.starts_with("another file has the id"))
    {
        a.warnings.pop();
    }
    Some(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(key: &str, title: &str) -> (FileKey, Article) {
        let key = FileKey {
            key: key.to_string(),
            ..FileKey::default()
        };
        let article = Article {
            title: title.to_string(),
            ..Article::default()
        };
        (key, article)
    }

    fn titles(keyed: &[Keyed]) -> Vec<&str> {
        keyed.iter().map(|(_, a)| a.title.as_str()).collect()
    }

    #[test]
    fn rows_are_found_by_key_and_a_repeated_key_keeps_the_last() {
        let table = Table::new(vec![
            row("/c/b.txt", "b"),
            row("/c/a.txt", "a"),
            row("/c/b.txt", "b again"),
        ]);
        assert_eq!(table.find("/c/a.txt"), Some(1));
        assert_eq!(table.find("/c/b.txt"), Some(2));
        assert_eq!(table.find("/c/c.txt"), None);
        let mut table = table;
        table.taken[1] = true;
        assert_eq!(table.find("/c/a.txt"), None, "reused once only");
    }

    #[test]
    fn cached_and_built_articles_come_back_in_slot_order() {
        let mut table = Table::new(vec![row("/c/a", "a"), row("/c/b", "b"), row("/c/c", "c")]);
        table.taken = vec![true, false, true];
        let built = Slot::Built(Box::new((None, row("/c/new", "new").1)));
        let (keyed, removed) = table.into_keyed(vec![Slot::Cached(2), built, Slot::Cached(0)]);
        assert_eq!(titles(&keyed), ["c", "new", "a"]);
        assert_eq!(keyed[0].0.as_ref().map(|k| k.key.as_str()), Some("/c/c"));
        assert!(keyed[1].0.is_none());
        assert!(removed, "b was not taken: gone from the corpus");
    }

    #[test]
    fn an_unchanged_corpus_hands_back_the_table_itself() {
        let mut table = Table::new(vec![row("/c/a", "a"), row("/c/b", "b")]);
        table.taken = vec![true, true];
        let (keyed, removed) = table.into_keyed(vec![Slot::Cached(0), Slot::Cached(1)]);
        assert_eq!(titles(&keyed), ["a", "b"]);
        assert!(keyed.iter().all(|(k, _)| k.is_some()));
        assert!(!removed);
    }
}
