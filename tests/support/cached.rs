//! A generated corpus and a cache folder of its own, both temporary, for
//! the tests of what the cache keeps: hotline runs with that cache, and
//! every run must leave the corpus folder exactly as it was.

use std::fs;
use std::path::PathBuf;
use std::process::Output;

use assert_cmd::Command;

use super::home::Isolated;

pub struct Cached {
    _tmp: tempfile::TempDir,
    pub corpus: PathBuf,
    /// `XDG_CACHE_HOME` of every run (created by hotline when needed).
    pub cache: PathBuf,
}

impl Cached {
    /// `count` generated articles from `seed`.
    pub fn new(seed: u64, count: usize) -> Cached {
        let tmp = tempfile::tempdir().expect("tempdir");
        let corpus = tmp.path().join("corpus");
        fs::create_dir(&corpus).expect("mkdir");
        hotline::synth::write_corpus(&corpus, seed, count).expect("generate");
        let cache = tmp.path().join("xdg-cache");
        Cached {
            _tmp: tmp,
            corpus,
            cache,
        }
    }

    /// hotline with `args`, then the corpus folder; the folder must be
    /// unchanged afterwards (bytes, sizes, modes, times).
    pub fn run(&self, args: &[&str]) -> Output {
        let before = super::snapshot(&self.corpus);
        let out = Command::cargo_bin("hotline")
            .expect("binary")
            .isolated()
            .env("XDG_CACHE_HOME", &self.cache)
            .args(args)
            .arg(&self.corpus)
            .output()
            .expect("runs");
        assert_eq!(
            before,
            super::snapshot(&self.corpus),
            "the corpus folder changed"
        );
        out
    }

    /// `hotline cache clear` with this cache.
    pub fn clear_cache(&self) -> Output {
        Command::cargo_bin("hotline")
            .expect("binary")
            .isolated()
            .env("XDG_CACHE_HOME", &self.cache)
            .args(["cache", "clear"])
            .output()
            .expect("runs")
    }
}
