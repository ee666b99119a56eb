//! The lexicon: the four data files that steer reading — who the leaders
//! are (`leaders.toml`), what topics a call can be about (`topics.toml`),
//! which outlets a credit can name (`outlets.toml`) and which lines are
//! page noise (`boilerplate.toml`). Each is compiled in from `assets/` and
//! each can be replaced at run time, one file at a time or from a folder;
//! this module is the one place that parses them.

pub mod boilerplate;
pub mod leaders;
pub mod outlets;
pub mod topics;

use std::path::Path;

use anyhow::{Context, Result};

use crate::sanitize::inert;
use boilerplate::Patterns;
use leaders::Leaders;
use outlets::Outlets;
use topics::Topics;

/// The data files that steer cleaning and extraction.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub leaders: Leaders,
    pub topics: Topics,
    pub outlets: Outlets,
    pub boilerplate: Patterns,
    /// xxh3 of each file's bytes as loaded, in `Part::ALL` order: the
    /// article cache is keyed by them, so a replaced file re-extracts.
    /// `replace` keeps them in step; code that swaps a part in by hand
    /// (tests: `Lexicon { leaders, ..Lexicon::embedded() }`) should set
    /// its slot too if it loads with the cache on.
    pub sources: [u64; 4],
}

/// One of the four files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Leaders,
    Topics,
    Outlets,
    Boilerplate,
}

impl Part {
    pub const ALL: [Part; 4] = [
        Part::Leaders,
        Part::Topics,
        Part::Outlets,
        Part::Boilerplate,
    ];

    /// The file's name, in `assets/` and in a `--lexicon` folder.
    pub fn file_name(self) -> &'static str {
        match self {
            Part::Leaders => "leaders.toml",
            Part::Topics => "topics.toml",
            Part::Outlets => "outlets.toml",
            Part::Boilerplate => "boilerplate.toml",
        }
    }

    /// What the file is, for error messages.
    fn label(self) -> &'static str {
        match self {
            Part::Leaders => "leaders",
            Part::Topics => "topics",
            Part::Outlets => "outlets",
            Part::Boilerplate => "boilerplate",
        }
    }
}

impl Lexicon {
    /// The files compiled in from `assets/`.
    pub fn embedded() -> Lexicon {
        Lexicon {
            leaders: Leaders::embedded(),
            topics: Topics::embedded(),
            outlets: Outlets::embedded(),
            boilerplate: Patterns::embedded().clone(),
            // In `Part::ALL` order.
            sources: [
                leaders::EMBEDDED_LEADERS,
                topics::EMBEDDED_TOPICS,
                outlets::EMBEDDED_OUTLETS,
                boilerplate::EMBEDDED_BOILERPLATE,
            ]
            .map(|text| crate::fingerprint::content_hash(text.as_bytes())),
        }
    }

    /// One number for the four files' bytes as loaded (built-in or
    /// replaced): what the article cache checks before reusing anything.
    pub fn fingerprint(&self) -> u64 {
        let bytes: Vec<[u8; 8]> = self.sources.iter().map(|h| h.to_le_bytes()).collect();
        let parts: Vec<&[u8]> = bytes.iter().map(|b| b.as_slice()).collect();
        crate::fingerprint::lexicon_fingerprint(&parts)
    }

    /// Replace `part` with the file at `path`. An unreadable or invalid
    /// file is an error naming it (and, for a TOML error, its line).
    pub fn replace(&mut self, part: Part, path: &Path) -> Result<()> {
        let name = inert(&path.display().to_string(), false).into_owned();
        let label = part.label();
        let text = crate::fsafe::read_data_file(path)
            .with_context(|| format!("cannot read {label} file {name}"))?;
        let context = || format!("in {label} file {name}");
        match part {
            Part::Leaders => self.leaders = Leaders::parse(&text).with_context(context)?,
            Part::Topics => self.topics = Topics::parse(&text).with_context(context)?,
            Part::Outlets => self.outlets = Outlets::parse(&text).with_context(context)?,
            Part::Boilerplate => {
                self.boilerplate = Patterns::from_toml(&text).with_context(context)?;
            }
        }
        let slot = Part::ALL.iter().position(|&p| p == part).unwrap_or(0);
        self.sources[slot] = crate::fingerprint::content_hash(text.as_bytes());
        Ok(())
    }

    /// Make `code` the home country (the config's `home_country`). It must
    /// be a country the leaders file lists; the error names the ones it
    /// does. Extraction reads the home, so the cache key changes with it.
    pub fn set_home(&mut self, code: &str) -> Result<()> {
        if self.leaders.country(code).is_none() {
            anyhow::bail!("home country {code} is not listed");
        }
        if self.leaders.home != code {
            self.leaders.home = code.to_string();
            let override_hash = crate::fingerprint::content_hash(format!("home={code}").as_bytes());
            self.sources[0] ^= override_hash;
        }
        Ok(())
    }

    /// Replace every part whose file (`leaders.toml`, `topics.toml`,
    /// `outlets.toml`, `boilerplate.toml`) is in `dir`; the others stay.
    /// A folder holding none of them is an error: it is surely a typo.
    pub fn replace_from_dir(&mut self, dir: &Path) -> Result<()> {
        let name = || inert(&dir.display().to_string(), false).into_owned();
        if !dir.is_dir() {
            anyhow::bail!("lexicon folder {}: not a folder", name());
        }
        let mut found = false;
        for part in Part::ALL {
            let path = dir.join(part.file_name());
            if path.exists() {
                self.replace(part, &path)?;
                found = true;
            }
        }
        if !found {
            anyhow::bail!(
                "lexicon folder {} holds none of leaders.toml, topics.toml, outlets.toml, boilerplate.toml",
                name()
            );
        }
        Ok(())
    }
}
