//! The noise patterns of `assets/boilerplate.toml`: which short lines
//! are page furniture (share buttons, subscription blocks, captions,
//! broadcast labels) and which words end in a dot without ending a
//! sentence. Parsed here; `pipeline::clean` applies them.

use std::collections::HashSet;
use std::sync::OnceLock;

use serde::Deserialize;

/// The built-in noise patterns.
pub const EMBEDDED_BOILERPLATE: &str = include_str!("../../assets/boilerplate.toml");

/// Noise patterns, loaded from TOML (see `assets/boilerplate.toml` for what
/// each list means). Users may add their own with `from_toml` + `extend`.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct Patterns {
    pub max_line_bytes: usize,
    pub exact: Vec<String>,
    pub prefixes: Vec<String>,
    pub block_start: Vec<String>,
    pub block_words: Vec<String>,
    pub block_short_words: usize,
    pub buttons: Vec<String>,
    pub korean_meta: Vec<String>,
    pub image_prefixes: Vec<String>,
    pub caption_prefixes: Vec<String>,
    pub labels: Vec<String>,
    pub abbreviations: HashSet<String>,
}

impl Default for Patterns {
    fn default() -> Self {
        Patterns {
            max_line_bytes: 200,
            exact: Vec::new(),
            prefixes: Vec::new(),
            block_start: Vec::new(),
            block_words: Vec::new(),
            block_short_words: 3,
            buttons: Vec::new(),
            korean_meta: Vec::new(),
            image_prefixes: Vec::new(),
            caption_prefixes: Vec::new(),
            labels: Vec::new(),
            abbreviations: HashSet::new(),
        }
    }
}

impl Patterns {
    pub fn from_toml(text: &str) -> Result<Patterns, toml::de::Error> {
        let mut p: Patterns = toml::from_str(text)?;
        p.buttons = p.buttons.iter().map(|b| b.to_lowercase()).collect();
        p.block_words = p.block_words.iter().map(|b| b.to_lowercase()).collect();
        Ok(p)
    }

    /// The built-in patterns (parsed once).
    pub fn embedded() -> &'static Patterns {
        static EMBEDDED: OnceLock<Patterns> = OnceLock::new();
        // The file is compiled in and checked by a test; an empty set of
        // patterns is still a working (if noisier) cleaner.
        EMBEDDED.get_or_init(|| Patterns::from_toml(EMBEDDED_BOILERPLATE).unwrap_or_default())
    }

    /// Add another file's patterns to these.
    pub fn extend(&mut self, other: Patterns) {
        self.max_line_bytes = self.max_line_bytes.max(other.max_line_bytes);
        self.exact.extend(other.exact);
        self.prefixes.extend(other.prefixes);
        self.block_start.extend(other.block_start);
        self.block_words.extend(other.block_words);
        self.buttons.extend(other.buttons);
        self.korean_meta.extend(other.korean_meta);
        self.image_prefixes.extend(other.image_prefixes);
        self.caption_prefixes.extend(other.caption_prefixes);
        self.labels.extend(other.labels);
        self.abbreviations.extend(other.abbreviations);
    }
}
