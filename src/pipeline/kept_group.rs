//! The grouping (calls, and which call each article joined) kept beside a
//! corpus's article cache, so a warm open of an unchanged corpus skips
//! grouping (a quarter of a warm 100,000-article open). One file per set of
//! roots, `corpus-<hash>.hlg`, valid for exactly the articles it was made
//! from: its key hashes everything `group::group` reads (every article's
//! facts, in order, and its publication date), the lexicon fingerprint
//! (leaders, topics) and the hotline version, so any added, removed,
//! changed or reordered article, a lexicon edit or a new build misses it
//! and the whole corpus is grouped again, exactly as without it.
//!
//! Layout: `MAGIC` (8 bytes), format (4, little-endian) and 4 zero bytes,
//! key (8), payload length (8), xxh3 of the payload (8), then the postcard
//! payload. Checked whole (format, length, checksum, then every index in
//! range) before use; damage is a notice and a fresh grouping.

use std::fs;
use std::hash::{Hash, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use crate::cache::GROUPING_EXT;
use crate::cache::session::{self, Notices, Setting};
use crate::lexicon::Lexicon;
use crate::lexicon::leaders::LeaderId;
use crate::model::{Article, Call, CallFacts, DateBasis, Reported, Warning};
use crate::pipeline::group::{self, Grouping};
use crate::sanitize::inert;

const MAGIC: [u8; 8] = *b"HLGROUP\0";
/// Bump on any change to the layout or to what the payload means.
pub const FORMAT: u32 = 1;
const HEAD: usize = 40;

/// The grouping of `articles`, loaded from `roots`: the kept one when this
/// process uses the cache and it was made from exactly these articles and
/// lexicon, else `group::group` (then kept for next time). A damaged file
/// adds a notice (stderr, or a warning in `warnings` for the browser).
pub fn group_keeping(
    roots: &[PathBuf],
    articles: &[Article],
    lexicon: &Lexicon,
    warnings: &mut Vec<Warning>,
) -> Grouping {
    let regroup = || group::group(articles, &lexicon.leaders, &lexicon.topics);
    let Some(setting) = session::current().filter(|_| !roots.is_empty()) else {
        return regroup();
    };
    let path = setting.store.file_for(roots).with_extension(GROUPING_EXT);
    let key = key_of(articles, lexicon.fingerprint());
    match read(&path, key, articles.len(), lexicon.leaders.all.len()) {
        Ok(Some(grouping)) => return grouping,
        Ok(None) => {}
        Err(why) => notice(&setting, &path, &format!("{why}; rebuilding it"), warnings),
    }
    let grouping = regroup();
    // Never inside a corpus; the article cache's save has said why.
    if setting.store.writable_for(roots).is_ok() {
        save(&setting, path, key, &grouping, warnings);
    }
    grouping
}

/// Everything grouping reads, hashed, with the lexicon it read it against
/// and the build that grouped (the rules may change between versions).
pub fn key_of(articles: &[Article], lexicon: u64) -> u64 {
    let mut h = Xxh3::new();
    h.update(env!("CARGO_PKG_VERSION").as_bytes());
    h.update(&MAGIC);
    h.update(&FORMAT.to_le_bytes());
    h.update(&lexicon.to_le_bytes());
    h.update(&(articles.len() as u64).to_le_bytes());
    // Field by field through `Hash` into one buffer per batch: serde would
    // format every date as text (most of the key's cost at 100,000
    // articles). Listed without `..`, so a fact added to `CallFacts`
    // fails to compile here until it is hashed too.
    let mut bytes = Bytes(Vec::with_capacity(8192));
    for a in articles {
        let CallFacts {
            home,
            counterpart,
            date,
            date_basis,
            weekday,
            day_of_month,
            month_day,
            duration_minutes,
            start_time,
            topics,
            meeting,
        } = &a.facts;
        home.map(|l| l.0).hash(&mut bytes);
        counterpart.map(|l| l.0).hash(&mut bytes);
        date.hash(&mut bytes);
        date_basis.hash(&mut bytes);
        weekday.hash(&mut bytes);
        day_of_month.hash(&mut bytes);
        month_day.hash(&mut bytes);
        duration_minutes.hash(&mut bytes);
        start_time.hash(&mut bytes);
        topics.hash(&mut bytes);
        meeting.hash(&mut bytes);
        a.published.hash(&mut bytes);
        if bytes.0.len() >= 4096 {
            h.update(&bytes.0);
            bytes.0.clear();
        }
    }
    h.update(&bytes.0);
    h.digest()
}

/// What `Hash` writes, gathered for one hash update (a `Hasher` that
/// keeps the bytes rather than mixing them).
struct Bytes(Vec<u8>);

impl Hasher for Bytes {
    fn write(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }

    fn finish(&self) -> u64 {
        // Never asked: the bytes go to xxh3.
        0
    }
}

#[derive(Serialize, Deserialize)]
struct KeptReported<T> {
    value: Option<T>,
    reports: Vec<(usize, T)>,
}

/// `Call` as kept (the model carries no serde of its own). Dates and times
/// as numbers: chrono's serde goes through text, slow to read back.
#[derive(Serialize, Deserialize)]
struct KeptCall {
    id: String,
    /// Days from the common era (`Datelike::num_days_from_ce`).
    date: i32,
    date_basis: DateBasis,
    home: usize,
    counterpart: usize,
    duration_minutes: KeptReported<u32>,
    start_time: KeptReported<KeptTime>,
    topics: Vec<String>,
    articles: Vec<usize>,
}

/// Seconds from midnight, then nanoseconds (a leap second's 1e9 and up).
type KeptTime = (u32, u32);

fn kept_time(t: &NaiveTime) -> KeptTime {
    (t.num_seconds_from_midnight(), t.nanosecond())
}

fn time(t: KeptTime) -> Option<NaiveTime> {
    NaiveTime::from_num_seconds_from_midnight_opt(t.0, t.1)
}

#[derive(Serialize, Deserialize)]
struct Kept {
    calls: Vec<KeptCall>,
    call_of_article: Vec<Option<usize>>,
    date_basis: Vec<DateBasis>,
}

fn kept_reported<T, K>(r: &Reported<T>, keep: impl Fn(&T) -> K) -> KeptReported<K> {
    KeptReported {
        value: r.value.as_ref().map(&keep),
        reports: r.reports.iter().map(|(i, v)| (*i, keep(v))).collect(),
    }
}

/// `None` when a value does not convert back (a forged file).
fn reported<K, T>(r: KeptReported<K>, back: impl Fn(K) -> Option<T>) -> Option<Reported<T>> {
    let value = match r.value {
        Some(v) => Some(back(v)?),
        None => None,
    };
    let reports = r
        .reports
        .into_iter()
        .map(|(i, v)| Some((i, back(v)?)))
        .collect::<Option<Vec<_>>>()?;
    Some(Reported { value, reports })
}

impl Kept {
    fn of(g: &Grouping) -> Kept {
        Kept {
            calls: g
                .calls
                .iter()
                .map(|c| KeptCall {
                    id: c.id.clone(),
                    date: c.date.num_days_from_ce(),
                    date_basis: c.date_basis,
                    home: c.home.0,
                    counterpart: c.counterpart.0,
                    duration_minutes: kept_reported(&c.duration_minutes, |m| *m),
                    start_time: kept_reported(&c.start_time, kept_time),
                    topics: c.topics.clone(),
                    articles: c.articles.clone(),
                })
                .collect(),
            call_of_article: g.call_of_article.clone(),
            date_basis: g.date_basis.clone(),
        }
    }

    /// Every index points inside what it indexes: a forged file with the
    /// right checksum still can't make the timeline index out of bounds.
    fn fits(&self, articles: usize, leaders: usize) -> bool {
        let article = |&i: &usize| i < articles;
        self.call_of_article.len() == articles
            && self.date_basis.len() == articles
            && self
                .call_of_article
                .iter()
                .flatten()
                .all(|&c| c < self.calls.len())
            && self.calls.iter().all(|c| {
                c.home < leaders
                    && c.counterpart < leaders
                    && c.articles.iter().all(article)
                    && c.duration_minutes.reports.iter().all(|(i, _)| article(i))
                    && c.start_time.reports.iter().all(|(i, _)| article(i))
            })
    }

    /// `None` when a date or time is out of range (a forged file).
    fn grouping(self) -> Option<Grouping> {
        let calls = self
            .calls
            .into_iter()
            .map(|c| {
                Some(Call {
                    id: c.id,
                    date: NaiveDate::from_num_days_from_ce_opt(c.date)?,
                    date_basis: c.date_basis,
                    home: LeaderId(c.home),
                    counterpart: LeaderId(c.counterpart),
                    duration_minutes: reported(c.duration_minutes, Some)?,
                    start_time: reported(c.start_time, time)?,
                    topics: c.topics,
                    articles: c.articles,
                })
            })
            .collect::<Option<Vec<Call>>>()?;
        Some(Grouping {
            calls,
            call_of_article: self.call_of_article,
            date_basis: self.date_basis,
        })
    }
}

/// `Ok(None)`: no file, or one made from other articles (the usual miss).
/// `Err`: a file that is damaged or of another format, in a few words.
pub fn read(
    path: &Path,
    key: u64,
    articles: usize,
    leaders: usize,
) -> Result<Option<Grouping>, String> {
    let bytes = match fs::read(path) {
        Ok(b) => b,
        // No file, or no folder to hold one: the article cache's save
        // says why it can't make one.
        Err(e)
            if matches!(
                e.kind(),
                std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
            ) =>
        {
            return Ok(None);
        }
        Err(e) => return Err(format!("can't read it ({e})")),
    };
    let Some((head, payload)) = bytes.split_first_chunk::<HEAD>() else {
        return Err("cut short".into());
    };
    let word = |i: usize| {
        let mut w = [0u8; 8];
        w.copy_from_slice(&head[i..i + 8]);
        u64::from_le_bytes(w)
    };
    if head[..8] != MAGIC {
        return Err("not a hotline grouping".into());
    }
    let format = word(8);
    if format != u64::from(FORMAT) {
        return Err(format!(
            "grouping format {format}, this hotline reads {FORMAT}"
        ));
    }
    if word(16) != key {
        return Ok(None);
    }
    if word(24) != payload.len() as u64 {
        return Err("cut short or extended".into());
    }
    if word(32) != xxh3_64(payload) {
        return Err("checksum mismatch".into());
    }
    let kept: Kept = postcard::from_bytes(payload).map_err(|e| format!("does not decode ({e})"))?;
    if !kept.fits(articles, leaders) {
        return Err("indices out of range".into());
    }
    kept.grouping()
        .map(Some)
        .ok_or_else(|| "a date or time out of range".into())
}

/// The file's bytes for `grouping`, made from articles hashing to `key`.
pub fn encode(key: u64, grouping: &Grouping) -> Result<Vec<u8>, String> {
    framed(key, &Kept::of(grouping))
}

/// `kept` behind its header (magic, format, key, length, checksum).
fn framed(key: u64, kept: &Kept) -> Result<Vec<u8>, String> {
    let mut out = postcard::to_extend(kept, vec![0u8; HEAD]).map_err(|e| e.to_string())?;
    let len = (out.len() - HEAD) as u64;
    let sum = xxh3_64(&out[HEAD..]);
    out[..8].copy_from_slice(&MAGIC);
    out[8..16].copy_from_slice(&u64::from(FORMAT).to_le_bytes());
    out[16..24].copy_from_slice(&key.to_le_bytes());
    out[24..32].copy_from_slice(&len.to_le_bytes());
    out[32..40].copy_from_slice(&sum.to_le_bytes());
    Ok(out)
}

/// Keep the grouping beside the article cache (`session::keep_beside`).
fn save(
    setting: &Setting,
    path: PathBuf,
    key: u64,
    grouping: &Grouping,
    warnings: &mut Vec<Warning>,
) {
    let bytes = match encode(key, grouping) {
        Ok(b) => b,
        Err(e) => return notice(setting, &path, &format!("not saved ({e})"), warnings),
    };
    if let Err(e) = session::keep_beside(setting, path, bytes) {
        let dir = setting.store.dir().to_path_buf();
        let message = format!("grouping not saved ({e})");
        notice(setting, &dir, &message, warnings);
    }
}

/// One line on stderr for the command line; a warning for the browser.
fn notice(setting: &Setting, file: &Path, message: &str, warnings: &mut Vec<Warning>) {
    match setting.notices {
        Notices::Stderr => {
            let line = format!(
                "hotline: cache: {}: {}\n",
                inert(&file.display().to_string(), false),
                inert(message, false)
            );
            // A stderr that can't be written is no reason to fail.
            let _ = std::io::stderr().write_all(line.as_bytes());
        }
        Notices::Warnings => warnings.push(Warning {
            file: file.display().to_string(),
            message: format!("cache: {message}"),
        }),
    }
}

#[cfg(test)]
#[path = "kept_group_tests.rs"]
mod tests;
