//! Checks on the command line that clap cannot make: a PATH that does not
//! exist is an error naming it (not an empty corpus), and a word where a
//! subcommand is expected that is neither a subcommand nor an existing
//! path gets clap's own "unrecognized subcommand" error, with its "a
//! similar subcommand exists" tip (`hotline lsit`).

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use clap::CommandFactory;

use super::Cli;
use crate::sanitize::inert;

/// Every PATH must exist (a dangling symlink counts as existing: the
/// loader warns about it by name).
pub fn check_paths(paths: &[PathBuf]) -> Result<()> {
    for path in paths {
        if std::fs::symlink_metadata(path).is_err() {
            bail!(
                "{}: no such file or directory",
                inert(&path.to_string_lossy(), false)
            );
        }
    }
    Ok(())
}

/// Options that take a value: the word after them is not a positional.
const VALUE_OPTIONS: [&str; 6] = [
    "--config",
    "--leaders",
    "--topics",
    "--outlets",
    "--boilerplate",
    "--lexicon",
];

/// The first positional word of `args` (after the program name).
fn first_positional(args: &[OsString]) -> Option<&OsString> {
    let mut skip_next = false;
    for arg in args.iter().skip(1) {
        if skip_next {
            skip_next = false;
            continue;
        }
        let s = arg.to_string_lossy();
        if s == "--" {
            return None;
        }
        if s.starts_with('-') && s.len() > 1 {
            skip_next = VALUE_OPTIONS.contains(&s.as_ref());
            continue;
        }
        return Some(arg);
    }
    None
}

/// A word that looks like a subcommand rather than a path: no separator,
/// no extension dot, not `.` or `~`.
fn looks_like_a_word(s: &str) -> bool {
    !s.is_empty()
        && !s.contains(std::path::MAIN_SEPARATOR)
        && !s.contains('/')
        && !s.contains('.')
        && !s.starts_with('~')
}

/// clap's error for a first positional word that is no subcommand and no
/// existing path, or `None` when the command line is fine to parse.
pub fn unknown_subcommand(args: &[OsString]) -> Option<clap::Error> {
    let word = first_positional(args)?;
    let text = word.to_string_lossy();
    let cmd = Cli::command();
    if cmd.get_subcommands().any(|s| s.get_name() == text)
        || Path::new(word).exists()
        || !looks_like_a_word(&text)
    {
        return None;
    }
    let mut only_subcommands = clap::Command::new("hotline")
        .subcommands(cmd.get_subcommands().cloned())
        .subcommand_required(true);
    only_subcommands
        .try_get_matches_from_mut([OsString::from("hotline"), word.clone()])
        .err()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Vec<OsString> {
        std::iter::once("hotline")
            .chain(words.iter().copied())
            .map(OsString::from)
            .collect()
    }

    #[test]
    fn a_typo_of_a_subcommand_is_clap_s_error_with_a_suggestion() {
        let err = unknown_subcommand(&args(&["lsit"])).expect("an error");
        let text = err.to_string();
        assert!(text.contains("unrecognized subcommand 'lsit'"), "{text}");
        assert!(text.contains("'list'"), "{text}");
        assert_eq!(err.exit_code(), 2);
        let err = unknown_subcommand(&args(&["--leaders", "x.toml", "serch"])).expect("an error");
        assert!(err.to_string().contains("'search'"));
    }

    #[test]
    fn subcommands_paths_and_path_like_words_pass() {
        assert!(unknown_subcommand(&args(&["list"])).is_none());
        assert!(unknown_subcommand(&args(&[])).is_none());
        assert!(
            unknown_subcommand(&args(&["src"])).is_none(),
            "an existing path"
        );
        assert!(unknown_subcommand(&args(&["/nonexistent"])).is_none());
        assert!(unknown_subcommand(&args(&["a.txt"])).is_none());
    }

    #[test]
    fn a_missing_path_is_an_error_naming_it() {
        let err = check_paths(&[PathBuf::from("src"), PathBuf::from("/no/such/dir")])
            .expect_err("missing");
        assert!(err.to_string().contains("/no/such/dir"), "{err}");
        assert!(check_paths(&[PathBuf::from("src")]).is_ok());
    }
}
