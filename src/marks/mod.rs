//! The user's own marks on the corpus, as plain data: which articles were
//! read, which are bookmarked, and a short note per call. No terminal and
//! no files here (`marks::file` reads and writes them): the UI, the CLI and
//! the tests share these types and the merge two hotline processes rely on.
//!
//! Articles are keyed by a hash of their cleaned text (`ArticleKey::of`),
//! never by file name or position: a renamed or moved clipping keeps its
//! marks, and an edited one is a new, unread article.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::model::{Article, Timeline};
use crate::query::Status;

pub mod file;

/// An article's identity for its marks: xxh3 of its title and paragraphs
/// (the text as cleaned, so the same article clipped as `.txt` or saved
/// again under another name is the same article).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ArticleKey(pub u64);

impl ArticleKey {
    pub fn of(article: &Article) -> ArticleKey {
        // A separator no text holds keeps "ab"+"c" apart from "a"+"bc".
        // Streamed, not copied into one buffer first: the same digest as
        // `content_hash` of the joined text, without copying every
        // article's text at every open (300 MB at 100,000 articles).
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        h.update(article.title.as_bytes());
        for p in &article.paragraphs {
            h.update(&[0]);
            h.update(p.text.as_bytes());
        }
        ArticleKey(h.digest())
    }
}

impl fmt::Display for ArticleKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

impl From<ArticleKey> for String {
    fn from(k: ArticleKey) -> String {
        k.to_string()
    }
}

impl TryFrom<String> for ArticleKey {
    type Error = String;
    fn try_from(s: String) -> Result<ArticleKey, String> {
        if s.len() != 16 {
            return Err(format!("`{s}` is not a 16-digit article hash"));
        }
        u64::from_str_radix(&s, 16)
            .map(ArticleKey)
            .map_err(|_| format!("`{s}` is not a 16-digit article hash"))
    }
}

/// Everything kept for the user. `notes` are keyed by call id
/// (`2025-06-10-lee-xi`), not by article: a note is about the call, which
/// several articles report and which keeps its id when an article is
/// added, edited or removed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Marks {
    #[serde(default)]
    pub read: BTreeSet<ArticleKey>,
    #[serde(default)]
    pub bookmarks: BTreeSet<ArticleKey>,
    #[serde(default)]
    pub notes: BTreeMap<String, String>,
}

/// Longest note kept, in characters: a note is a line, not a document.
pub const NOTE_MAX_CHARS: usize = 500;

impl Marks {
    pub fn is_empty(&self) -> bool {
        self.read.is_empty() && self.bookmarks.is_empty() && self.notes.is_empty()
    }

    /// Set or clear (empty text) the note on `call`. Control characters
    /// are dropped and the text is cut to `NOTE_MAX_CHARS`.
    pub fn set_note(&mut self, call: &str, text: &str) {
        let clean: String = text
            .chars()
            .filter(|c| !c.is_control())
            .take(NOTE_MAX_CHARS)
            .collect();
        let clean = clean.trim();
        if clean.is_empty() {
            self.notes.remove(call);
        } else {
            self.notes.insert(call.to_string(), clean.to_string());
        }
    }

    /// A three-way merge for two processes sharing one file: `disk` as it
    /// is now, `base` as this process last read or wrote it, `mine` as it
    /// is in memory. What this process changed since `base` (marks added,
    /// marks removed, notes written or cleared) is applied to `disk`;
    /// everything else stays as the other process left it. A plain union
    /// would bring back a bookmark the user just removed. For a note both
    /// changed, this process's wins: it is saved last, so it is the newer.
    pub fn merge(disk: &Marks, base: &Marks, mine: &Marks) -> Marks {
        Marks {
            read: merge_set(&disk.read, &base.read, &mine.read),
            bookmarks: merge_set(&disk.bookmarks, &base.bookmarks, &mine.bookmarks),
            notes: merge_notes(&disk.notes, &base.notes, &mine.notes),
        }
    }
}

fn merge_set(
    disk: &BTreeSet<ArticleKey>,
    base: &BTreeSet<ArticleKey>,
    mine: &BTreeSet<ArticleKey>,
) -> BTreeSet<ArticleKey> {
    let mut out: BTreeSet<ArticleKey> = disk
        .iter()
        .filter(|k| !base.contains(k) || mine.contains(k))
        .copied()
        .collect();
    out.extend(mine.difference(base).copied());
    out
}

fn merge_notes(
    disk: &BTreeMap<String, String>,
    base: &BTreeMap<String, String>,
    mine: &BTreeMap<String, String>,
) -> BTreeMap<String, String> {
    let mut out = disk.clone();
    let ids: BTreeSet<&String> = base.keys().chain(mine.keys()).collect();
    for id in ids {
        if base.get(id) == mine.get(id) {
            continue;
        }
        match mine.get(id) {
            Some(text) => out.insert(id.clone(), text.clone()),
            None => out.remove(id),
        };
    }
    out
}

/// The marks seen through one corpus: each article's key, so "is article
/// 12 read" is a set lookup. Rebuilt when the corpus changes.
#[derive(Debug, Clone, Default)]
pub struct Lens {
    pub keys: Vec<ArticleKey>,
    /// Each article's call id, for its note.
    pub calls: Vec<Option<String>>,
}

impl Lens {
    pub fn new(timeline: &Timeline) -> Lens {
        Lens {
            keys: timeline.articles.iter().map(ArticleKey::of).collect(),
            calls: (0..timeline.articles.len())
                .map(|a| {
                    let call = timeline.call_of_article.get(a).copied().flatten()?;
                    timeline.calls.get(call).map(|c| c.id.clone())
                })
                .collect(),
        }
    }

    pub fn key(&self, article: usize) -> Option<ArticleKey> {
        self.keys.get(article).copied()
    }

    /// Does `article` have `status` under `marks` (the `is:` filter).
    pub fn has(&self, marks: &Marks, article: usize, status: Status) -> bool {
        let Some(key) = self.key(article) else {
            return false;
        };
        match status {
            Status::Bookmarked => marks.bookmarks.contains(&key),
            Status::Read => marks.read.contains(&key),
            Status::Unread => !marks.read.contains(&key),
            Status::Noted => self
                .calls
                .get(article)
                .and_then(Option::as_ref)
                .is_some_and(|id| marks.notes.contains_key(id)),
        }
    }

    pub fn is_unread(&self, marks: &Marks, article: usize) -> bool {
        self.has(marks, article, Status::Unread)
    }
}
