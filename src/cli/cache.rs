//! `hotline cache path|stats|clear` and the `--no-cache` switch: how the
//! command line turns the article cache on for a run and shows or empties
//! it. The cache itself (format, checks, reuse) is `crate::cache`.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};
use chrono::{DateTime, Utc};
use clap::Subcommand;

use crate::cache::{self, Notices, Setting, Store};
use crate::sanitize::inert;

#[derive(Debug, Clone, Subcommand)]
pub enum Action {
    /// Print the cache folder, or with PATHS the cache file for those paths.
    Path {
        /// Article files or folders, named as for the other commands.
        paths: Vec<PathBuf>,
    },
    /// Each cache file: entries, bytes, hotline version, created and updated.
    Stats,
    /// Remove every cache file (the corpus folders are never touched).
    Clear,
}

/// Turn the cache on for this run unless `--no-cache`. The browser gets
/// notices as warnings and saves in the background; the other commands
/// print notices on stderr and save before exiting. No cache folder
/// ($XDG_CACHE_HOME and $HOME unset) means no cache, said once.
pub fn setup(no_cache: bool, browser: bool) {
    if no_cache {
        cache::disable();
        return;
    }
    match Store::from_env() {
        Ok(store) => cache::enable(Setting {
            store,
            notices: if browser {
                Notices::Warnings
            } else {
                Notices::Stderr
            },
            background_save: browser,
        }),
        Err(e) => {
            cache::disable();
            super::output::eprint_line(&format!("hotline: cache: {e}; running without it"));
        }
    }
}

pub fn run(action: &Action, out: &mut dyn Write) -> Result<()> {
    let store = Store::from_env().context("no cache folder")?;
    match action {
        Action::Path { paths } if paths.is_empty() => {
            writeln!(out, "{}", inert(&store.dir().display().to_string(), false))?;
        }
        Action::Path { paths } => {
            let file = store.file_for(paths);
            writeln!(out, "{}", inert(&file.display().to_string(), false))?;
        }
        Action::Stats => stats(&store, out)?,
        Action::Clear => {
            let removed = store.clear()?;
            let s = if removed == 1 { "" } else { "s" };
            writeln!(
                out,
                "removed {removed} file{s} from {}",
                inert(&store.dir().display().to_string(), false)
            )?;
        }
    }
    Ok(())
}

fn stats(store: &Store, out: &mut dyn Write) -> Result<()> {
    let files = store.stats()?;
    let dir = inert(&store.dir().display().to_string(), false).into_owned();
    if files.is_empty() {
        writeln!(out, "no cache files in {dir}")?;
        return Ok(());
    }
    writeln!(out, "{dir}")?;
    let mut total = 0u64;
    for f in &files {
        total = total.saturating_add(f.bytes);
        let name = f
            .path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        match &f.header {
            Ok(h) => writeln!(
                out,
                "{}  entries {}  bytes {}  version {} (format {})  created {}  updated {}",
                inert(&name, false),
                h.entries,
                f.bytes,
                inert(&h.version, false),
                h.format,
                when(h.created_ns),
                when(h.written_ns)
            )?,
            Err(why) => writeln!(
                out,
                "{}  bytes {}  not usable: {}",
                inert(&name, false),
                f.bytes,
                inert(why, false)
            )?,
        }
    }
    writeln!(out, "{} files, {total} bytes", files.len())?;
    Ok(())
}

/// A cache time as UTC, to the second.
fn when(ns: i64) -> String {
    DateTime::<Utc>::from_timestamp(ns.div_euclid(1_000_000_000), 0).map_or_else(
        || "?".into(),
        |t| t.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
    )
}
