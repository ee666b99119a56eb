//! The cache keys read off the `App`: everything a pane's text depends on.
//! Apart from the keys' definitions so that `Layouts`, which `App` holds,
//! names no `App` itself.

use super::{Common, DetailKey, PaneKey};
use crate::ui::state::app::App;

impl Common {
    pub(super) fn of(app: &App, width: usize) -> Common {
        Common {
            timeline: app.timeline.clone(),
            index: app.load.index().cloned(),
            width,
            query: app.filter.query.clone(),
            filtered: app.filter.active(),
            applied: app.filter.applied_generation,
            theme: app.theme,
        }
    }
}

impl DetailKey {
    pub fn of(app: &App, width: usize) -> DetailKey {
        DetailKey {
            common: Common::of(app, width),
            row: app.selected_row(),
            article: app.selected_article(),
            height: app.detail_size().1,
            loading: app.load.loading().is_some(),
            typed: app
                .no_matches()
                .then(|| app.filter.input.text().to_string()),
            counterpart: app.counterpart,
            evidence: app.evidence,
            facts_full: app.facts_full,
            hit_cursor: app.hit_cursor,
            pinned: app.pinned,
            note: app
                .selected_call()
                .and_then(|c| app.timeline.calls.get(c))
                .and_then(|c| app.marks.note(&c.id))
                .map(str::to_string),
        }
    }
}

impl PaneKey {
    pub fn of(app: &App, article: usize, width: usize) -> PaneKey {
        PaneKey {
            common: Common::of(app, width),
            article,
        }
    }
}
