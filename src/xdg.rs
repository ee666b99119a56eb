//! Where hotline keeps what it keeps for the user: the XDG base
//! directories (`$XDG_CACHE_HOME`, `$XDG_STATE_HOME`, `$XDG_CONFIG_HOME`,
//! each falling back under `$HOME` as the XDG spec says; a relative value
//! is ignored), each with a `hotline` folder of its own. The one place that
//! reads those variables, so the cache, the state file and the config file
//! cannot disagree about them.

use std::path::PathBuf;

use etcetera::base_strategy::{BaseStrategy, Xdg};

/// The three folders hotline writes (cache, state) or reads (config).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Rebuildable: the parsed corpus (`cache/`).
    Cache,
    /// The user's own marks: read state, bookmarks, notes.
    State,
    /// `config.toml`.
    Config,
}

impl Kind {
    /// The variable that decides it, for messages.
    pub fn variable(self) -> &'static str {
        match self {
            Kind::Cache => "XDG_CACHE_HOME",
            Kind::State => "XDG_STATE_HOME",
            Kind::Config => "XDG_CONFIG_HOME",
        }
    }
}

/// `<base>/hotline` for `kind`, or `None` when neither the XDG variable nor
/// `$HOME` gives a folder (a service account without a home).
pub fn dir(kind: Kind) -> Option<PathBuf> {
    let xdg = Xdg::new().ok()?;
    let base = match kind {
        Kind::Cache => Some(xdg.cache_dir()),
        Kind::State => xdg.state_dir(),
        Kind::Config => Some(xdg.config_dir()),
    }?;
    base.is_absolute().then(|| base.join("hotline"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The variables are process-wide: one test sets and checks them all,
    /// so no other test in this binary races it.
    #[test]
    fn each_kind_follows_its_variable_and_ignores_a_relative_one() {
        let tmp = std::env::temp_dir().join("hotline-xdg-test");
        // SAFETY: this binary's only test that touches these variables.
        unsafe {
            std::env::set_var("XDG_CACHE_HOME", tmp.join("c"));
            std::env::set_var("XDG_STATE_HOME", tmp.join("s"));
            std::env::set_var("XDG_CONFIG_HOME", tmp.join("k"));
        }
        assert_eq!(dir(Kind::Cache), Some(tmp.join("c/hotline")));
        assert_eq!(dir(Kind::State), Some(tmp.join("s/hotline")));
        assert_eq!(dir(Kind::Config), Some(tmp.join("k/hotline")));
        unsafe {
            std::env::set_var("XDG_STATE_HOME", "relative/state");
        }
        let state = dir(Kind::State).unwrap_or_default();
        assert!(state.is_absolute(), "{state:?}");
        assert!(state.ends_with(".local/state/hotline"), "{state:?}");
    }
}
