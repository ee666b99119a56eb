//! The user's `config.toml` (`$XDG_CONFIG_HOME/hotline/config.toml`): key
//! bindings, theme colours, the paths opened when none are given, and the
//! home country. This module owns reading and checking it; every mistake
//! is an error naming the file and the line (`config.toml:12: unknown
//! action ...`). A missing file is the defaults, silently.
//! `print::default_config` writes the file that reads back as the defaults.

pub mod print;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Result;
use ratatui::style::Color;
use serde::Deserialize;
use toml::Spanned;

use crate::lexicon::Lexicon;
use crate::sanitize::inert;
use crate::ui::keymap::{self, Keymap, Rebind};
use crate::ui::theme::{Palette, Role};

/// The file's name inside the config folder.
pub const FILE_NAME: &str = "config.toml";

/// A path from `paths = [...]`, with its line for the "no such file" error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigPath {
    pub path: PathBuf,
    pub line: usize,
}

/// What the config file says, checked.
#[derive(Debug, Clone)]
pub struct Config {
    /// The file read, `None` for the defaults.
    pub file: Option<PathBuf>,
    pub keymap: Arc<Keymap>,
    pub palette: Palette,
    pub paths: Vec<ConfigPath>,
    /// The country code and its line.
    pub home_country: Option<(String, usize)>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            file: None,
            keymap: Keymap::defaults(),
            palette: Palette::default(),
            paths: Vec::new(),
            home_country: None,
        }
    }
}

/// One `[keys.<context>]` table: action → its keys, each with its place.
type ContextKeys = BTreeMap<Spanned<String>, Spanned<Vec<Spanned<String>>>>;

/// The file as written: every value keeps its place for the error message.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    home_country: Option<Spanned<String>>,
    paths: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    theme: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, ContextKeys>,
}

/// The config file hotline reads when not told otherwise.
pub fn default_path() -> Option<PathBuf> {
    crate::xdg::dir(crate::xdg::Kind::Config).map(|dir| dir.join(FILE_NAME))
}

/// The config for this run: none with `no_config`, else `explicit` (which
/// must exist), else the default file if there is one.
pub fn for_run(explicit: Option<&Path>, no_config: bool) -> Result<Config> {
    if no_config {
        return Ok(Config::default());
    }
    if let Some(path) = explicit {
        return Config::read(path, home_dir().as_deref());
    }
    match default_path() {
        Some(path) if std::fs::symlink_metadata(&path).is_ok() => {
            Config::read(&path, home_dir().as_deref())
        }
        _ => Ok(Config::default()),
    }
}

fn home_dir() -> Option<PathBuf> {
    std::env::var_os("HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
}

/// `file:line: message`, the file name inert.
fn at(file: &Path, line: usize, message: &str) -> anyhow::Error {
    anyhow::anyhow!(
        "{}:{line}: {message}",
        inert(&file.display().to_string(), false)
    )
}

/// The 1-based line of byte `offset` in `text`.
fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    let prefix = text.get(..end).unwrap_or(text);
    prefix.matches('\n').count() + 1
}

impl Config {
    /// Read and check the file at `path`; `home` expands `~` in `paths`.
    pub fn read(path: &Path, home: Option<&Path>) -> Result<Config> {
        let text = crate::fsafe::read_data_file(path).map_err(|e| {
            anyhow::anyhow!(
                "cannot read config file {}: {e}",
                inert(&path.display().to_string(), false)
            )
        })?;
        Config::parse(&text, path, home)
    }

    /// Check `text` as the contents of `file`.
    pub fn parse(text: &str, file: &Path, home: Option<&Path>) -> Result<Config> {
        let raw: Raw = toml::from_str(text).map_err(|e| {
            let line = e.span().map_or(1, |s| line_of(text, s.start));
            at(file, line, e.message().trim_end())
        })?;
        let line = |s: std::ops::Range<usize>| line_of(text, s.start);
        let mut config = Config {
            file: Some(file.to_path_buf()),
            ..Config::default()
        };
        for (role, colour) in &raw.theme {
            let l = line(role.span());
            let Some(r) = Role::ALL.into_iter().find(|r| r.name() == role.get_ref()) else {
                let names = Role::ALL.into_iter().map(|r| r.name().to_string());
                return Err(at(file, l, &unknown("colour role", role.get_ref(), names)));
            };
            let value = colour.get_ref();
            let parsed = value.parse::<Color>().ok().filter(|_| {
                // `#123` or `#12345` parse as nothing useful; a `#` must be six digits.
                !value.starts_with('#') || value.len() == 7
            });
            let Some(c) = parsed else {
                let l = line(colour.span());
                let msg = format!("colour `{value}` is not a name or #rrggbb");
                return Err(at(file, l, &msg));
            };
            config.palette.set(r, c);
        }
        config.keymap = Arc::new(keymap_of(&raw, text, file)?);
        let base = file.parent().unwrap_or(Path::new("."));
        for p in raw.paths.iter().flatten() {
            let path = expand(p.get_ref(), home, base)
                .ok_or_else(|| at(file, line(p.span()), "`~` needs $HOME to be set"))?;
            config.paths.push(ConfigPath {
                path,
                line: line(p.span()),
            });
        }
        config.home_country = raw
            .home_country
            .map(|h| (h.get_ref().clone(), line(h.span())));
        Ok(config)
    }

    /// `paths = [...]`, each checked to exist: for a run given no PATHS.
    pub fn default_paths(&self) -> Result<Vec<PathBuf>> {
        let file = self.file.as_deref().unwrap_or(Path::new(FILE_NAME));
        for p in &self.paths {
            if std::fs::symlink_metadata(&p.path).is_err() {
                let name = inert(&p.path.display().to_string(), false).into_owned();
                return Err(at(
                    file,
                    p.line,
                    &format!("{name}: no such file or directory"),
                ));
            }
        }
        Ok(self.paths.iter().map(|p| p.path.clone()).collect())
    }

    /// Make `home_country` the lexicon's home; `leaders_file` names the
    /// leaders file for the error when it does not list that country.
    pub fn apply_home(&self, lexicon: &mut Lexicon, leaders_file: &str) -> Result<()> {
        let Some((code, line)) = &self.home_country else {
            return Ok(());
        };
        if lexicon.set_home(code).is_err() {
            let listed: Vec<&str> = lexicon
                .leaders
                .countries
                .iter()
                .map(|c| c.code.as_str())
                .collect();
            let file = self.file.as_deref().unwrap_or(Path::new(FILE_NAME));
            let msg = format!(
                "home_country `{code}` is not a country of {leaders_file} (it lists {})",
                listed.join(", ")
            );
            return Err(at(file, *line, &inert(&msg, false)));
        }
        Ok(())
    }
}

fn keymap_of(raw: &Raw, text: &str, file: &Path) -> Result<Keymap> {
    let line = |s: std::ops::Range<usize>| line_of(text, s.start);
    let mut rebinds = Vec::new();
    for (context, actions) in &raw.keys {
        let Some(ctx) = keymap::context_named(context.get_ref()) else {
            let names = crate::ui::keys::Context::ALL
                .into_iter()
                .map(keymap::context_name);
            let msg = unknown("key context", context.get_ref(), names);
            return Err(at(file, line(context.span()), &msg));
        };
        for (action, keys) in actions {
            let mut parsed = Vec::new();
            for k in keys.get_ref() {
                let Some(key) = keymap::parse_key(k.get_ref()) else {
                    let msg = format!(
                        "`{}` is not a key (write j, G, Down, PgDn, Space, Ctrl-d, Alt-x, F5, ...)",
                        k.get_ref()
                    );
                    return Err(at(file, line(k.span()), &inert(&msg, false)));
                };
                parsed.push(key);
            }
            rebinds.push(Rebind {
                context: ctx,
                action: action.get_ref().clone(),
                keys: parsed,
                line: line(action.span()),
            });
        }
    }
    // Applied, and so reported, in the order written.
    rebinds.sort_by_key(|r| r.line);
    Keymap::with(&rebinds).map_err(|e| at(file, e.line, &inert(&e.message, false)))
}

/// "unknown colour role `acent` (did you mean accent?)", or the list.
fn unknown(what: &str, word: &str, names: impl Iterator<Item = String>) -> String {
    let names: Vec<String> = names.collect();
    let word = inert(word, false);
    match keymap::closest(&word, names.iter().cloned()) {
        Some(near) => format!("unknown {what} `{word}` (did you mean {near}?)"),
        None => format!("unknown {what} `{word}` (one of: {})", names.join(", ")),
    }
}

/// `~` and `~/x` under `home`; a relative path under `base` (the config's
/// folder, so the file means the same from anywhere). `None` for `~`
/// without a home.
fn expand(text: &str, home: Option<&Path>, base: &Path) -> Option<PathBuf> {
    let tilde = text == "~" || text.starts_with("~/");
    if tilde {
        let rest = text.trim_start_matches('~').trim_start_matches('/');
        return home.map(|h| h.join(rest));
    }
    let path = PathBuf::from(text);
    Some(if path.is_absolute() {
        path
    } else {
        base.join(path)
    })
}
