//! How far the corpus shown has come: being read, being indexed, ready
//! (with or without an index), or being read again. One enum, so states
//! that cannot go together (an index while the corpus is still being
//! read) cannot be written down, and every question about it ("may I
//! filter?", "what does the status say?") reads the same value.

use std::sync::Arc;

use crate::query::SearchIndex;

/// The loading state of `App::load`. `update` moves it along as the
/// loader and the indexer answer; the views only ask it questions.
#[derive(Debug, Clone)]
pub enum Load {
    /// The corpus itself is being read (`App::loading`); names what, for
    /// the loading screen. A reload is under way by definition.
    Loading { what: String },
    /// The corpus shows; its search index is being built off the UI thread.
    Indexing,
    /// `R` is reading the corpus again; the corpus shown stays usable with
    /// what it had: its index if any, and whether that is still building.
    Reloading {
        index: Option<Arc<SearchIndex>>,
        indexing: bool,
    },
    /// Loaded. `None`: the index could not be built, filtering is off.
    Ready(Option<Arc<SearchIndex>>),
}

impl Load {
    /// The search index of the corpus shown, once built.
    pub fn index(&self) -> Option<&Arc<SearchIndex>> {
        match self {
            Load::Reloading { index, .. } | Load::Ready(index) => index.as_ref(),
            Load::Loading { .. } | Load::Indexing => None,
        }
    }

    /// What is being read, while the first load is under way.
    pub fn loading(&self) -> Option<&str> {
        match self {
            Load::Loading { what } => Some(what),
            _ => None,
        }
    }

    /// The index is being built.
    pub fn indexing(&self) -> bool {
        matches!(
            self,
            Load::Indexing | Load::Reloading { indexing: true, .. }
        )
    }

    /// The corpus is being read (first load or `R`).
    pub fn reloading(&self) -> bool {
        matches!(self, Load::Loading { .. } | Load::Reloading { .. })
    }

    /// `R`: read the corpus again, keeping what the shown one has.
    pub(in crate::ui) fn start_reload(&mut self) {
        *self = match std::mem::replace(self, Load::Indexing) {
            Load::Indexing => Load::Reloading {
                index: None,
                indexing: true,
            },
            Load::Ready(index) => Load::Reloading {
                index,
                indexing: false,
            },
            other => other,
        };
    }

    /// The reload (or the first load) failed: back to what was shown. A
    /// failed first load leaves the empty corpus, with no index.
    pub(in crate::ui) fn reload_failed(&mut self) {
        *self = match std::mem::replace(self, Load::Indexing) {
            Load::Loading { .. } => Load::Ready(None),
            Load::Reloading { indexing: true, .. } => Load::Indexing,
            Load::Reloading { index, .. } => Load::Ready(index),
            other => other,
        };
    }

    /// The index of the shown corpus arrived (`Some`) or could not be
    /// built (`None`).
    pub(in crate::ui) fn indexed(&mut self, built: Option<Arc<SearchIndex>>) {
        match self {
            Load::Loading { .. } => {}
            Load::Indexing => *self = Load::Ready(built),
            Load::Reloading { index, indexing } => {
                if built.is_some() {
                    *index = built;
                }
                *indexing = false;
            }
            Load::Ready(index) => {
                if built.is_some() {
                    *index = built;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reload_keeps_what_the_shown_corpus_had() {
        let mut l = Load::Indexing;
        l.start_reload();
        assert!(l.reloading() && l.indexing() && l.index().is_none());
        l.reload_failed();
        assert!(matches!(l, Load::Indexing));
        l.indexed(None);
        assert!(matches!(l, Load::Ready(None)) && !l.indexing() && !l.reloading());
        let mut l = Load::Loading { what: "x".into() };
        assert_eq!(l.loading(), Some("x"));
        assert!(l.reloading());
        l.start_reload();
        assert_eq!(l.loading(), Some("x"), "R while loading changes nothing");
        l.reload_failed();
        assert!(matches!(l, Load::Ready(None)));
    }
}
