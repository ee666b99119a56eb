//! The terminal UI (SPEC §5): events become `Action`s through one key table
//! (`keys`), `update` changes the `App`, `render` draws it.
//!
//! ```text
//! crossterm Event ─ event::action_for ─▶ Action ─ update(&mut App) ─▶ App ─ render(&mut Frame, &App)
//!                         ▲                                 │
//!  matcher / loader / indexer                               └ effects (Search, Reload,
//!  (MatchesReady, Reloaded, IndexReady)                        BuildIndex) ─▶ runner / tui
//! ```
//!
//! The folders follow the data: `state` (what `update` changes and
//! `render` reads; never imports `view`), `update` (the changes), `view`
//! (one file per pane, and `popup` for any overlay); the overlays' text
//! is `state::overlays`, one file per `mode::Overlay`.
//! `keys` is the one key table (the defaults) and `keymap` the bindings in
//! force (the defaults as the config file rebinds them), `event` turns terminal events into
//! actions, `runner` is the loop (generic over the backend, so tests use
//! `TestBackend`), `tui` the real terminal and the worker threads.

pub mod action;
pub mod event;
#[cfg(any(test, feature = "testing"))]
#[doc(hidden)]
pub mod fixture;
pub mod input;
pub mod keymap;
pub mod keys;
pub mod layout;
pub mod mode;
pub mod program;
pub mod runner;
pub mod state;
pub mod text;
pub mod theme;
pub mod tui;
mod update;
pub mod view;

use std::process::ExitCode;

use anyhow::Result;

pub use action::{Action, Edit, Effect, Motion};
pub use mode::Overlay;
pub use state::app::App;
// Paths the tests and examples have used since before the folders.
pub use state::overlays::help;
pub use theme::Theme;
pub use update::{resolve_searches, search_now, update};
pub use view::{render, ribbon};

use crate::model::Timeline;
use crate::pipeline::load::{Inputs, Lexicon};

/// Run the interactive browser until the user quits (or a signal ends it:
/// the exit status returned says so). `inputs` and `lexicon`
/// let `R` load the corpus again. The timeline shows at once; the search
/// index is built on a thread of its own.
pub fn run(timeline: Timeline, inputs: Inputs, lexicon: Lexicon) -> Result<ExitCode> {
    tui::run(timeline, inputs, lexicon)
}

/// Like `run`, without loading first: the first frame says "Loading …",
/// the corpus is loaded off the UI thread and shown as soon as it is in,
/// then indexed off the UI thread; keys work throughout, so even a huge
/// corpus never gives a frozen start.
pub fn run_loading(inputs: Inputs, lexicon: Lexicon) -> Result<ExitCode> {
    tui::run_loading(inputs, lexicon)
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_arrivals;
#[cfg(test)]
mod tests_close;
#[cfg(test)]
mod tests_command;
#[cfg(test)]
mod tests_layout;
#[cfg(test)]
mod tests_newcomer;
#[cfg(test)]
mod tests_text_search;
