//! What arrives from the loader and the indexer: the first load, a
//! reload, the index of the corpus shown. The selection, the pin and the
//! filter survive a reload.

use super::clamp_detail;
use super::filter::{hit_set, request_search};
use super::overlays::clamp_warnings;
use crate::ui::action::{Effect, Reloaded};
use crate::ui::mode::Overlay;
use crate::ui::state::app::{App, Row};
use crate::ui::state::load::Load;

pub(super) fn apply_reload(app: &mut App, r: Reloaded) {
    let first_load = app.load.loading().is_some();
    let key = app.selection_key();
    let pinned = app
        .pinned
        .and_then(|a| app.timeline.articles.get(a).map(|a| a.id.clone()));
    app.timeline = r.timeline;
    app.load = Load::Ready(Some(r.index));
    app.side = None;
    app.pinned = pinned.and_then(|id| app.timeline.article_by_id(&id));
    app.index_corpus();
    // Matching again at once keeps the filter without a flash of everything.
    if let (Some(q), Some(index)) = (app.filter.query.clone(), app.load.index().cloned()) {
        let hits = index.ranked(&app.timeline, &q);
        app.filter.hits = Some(hit_set(app, hits, Some(&q)));
    }
    // Text typed before an index existed, or whose answer the old matcher
    // will not give: match it on the new corpus.
    if app.filter.pending() {
        app.effects.retain(|e| !matches!(e, Effect::Search { .. }));
        request_search(app);
    }
    app.restore_selection(key);
    clamp_detail(app);
    if app.warnings().next().is_none() && matches!(app.overlay, Some(Overlay::Warnings(_))) {
        app.overlay = None;
    }
    clamp_warnings(app);
    if first_load {
        // Nothing was selected yet: start where `App::new` starts.
        if !matches!(app.selected_row(), Some(Row::Call(_) | Row::Article { .. })) {
            app.select_first_call();
        }
        app.message = None;
        return;
    }
    let t = &app.timeline;
    app.message = Some(format!(
        "reloaded: {} articles, {} calls{}",
        t.articles.len(),
        t.calls.len(),
        if t.warnings.is_empty() {
            String::new()
        } else {
            format!(", {} warnings", t.warnings.len())
        }
    ));
}

/// The first load is in: show it at once, and ask for its index.
pub(super) fn apply_load(app: &mut App, timeline: std::sync::Arc<crate::model::Timeline>) {
    app.timeline = timeline;
    app.load = Load::Indexing;
    app.side = None;
    app.pinned = None;
    app.index_corpus();
    app.rebuild_rows();
    if !matches!(app.selected_row(), Some(Row::Call(_) | Row::Article { .. })) {
        app.select_first_call();
    }
    clamp_detail(app);
    clamp_warnings(app);
    app.effects.push(Effect::BuildIndex);
}

/// The index of the shown corpus arrived: filtering works from now on, and
/// a filter typed meanwhile is matched at once.
pub(super) fn apply_index(app: &mut App, r: Reloaded) {
    if !std::sync::Arc::ptr_eq(&r.timeline, &app.timeline) {
        return; // for a corpus a reload has replaced
    }
    app.load.indexed(Some(r.index));
    if app.filter.pending() {
        app.effects.retain(|e| !matches!(e, Effect::Search { .. }));
        request_search(app);
    }
}
