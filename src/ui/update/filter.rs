//! The filter bar's text becoming hits: asking the matcher, applying its
//! answer (the selection follows to the first hit), clearing.

use super::super::action::{Effect, Matches};
use super::clamp_detail;
use crate::query;
use crate::ui::state::app::{App, HitSet, Row};

pub(super) fn filter_changed(app: &mut App) {
    app.filter.generation += 1;
    let text = app.filter.input.text().to_string();
    if text.trim().is_empty() {
        app.filter.applied_generation = app.filter.generation;
        app.filter.hits = None;
        app.filter.query = None;
        app.filter.error = None;
        app.filter.pending_jump = None;
        app.effects.retain(|e| !matches!(e, Effect::Search { .. }));
        app.rebuild_rows();
    } else {
        // Only the newest search matters.
        app.effects.retain(|e| !matches!(e, Effect::Search { .. }));
        request_search(app);
    }
}

/// Ask for matching of the current filter text, unless the index is not
/// there yet: then the text stays pending (`FilterState::pending`) and
/// `apply_index` asks once it arrives.
pub(super) fn request_search(app: &mut App) {
    let text = app.filter.input.text().to_string();
    if app.load.index().is_none() || text.trim().is_empty() {
        return;
    }
    app.effects.push(Effect::Search {
        generation: app.filter.generation,
        text,
    });
}

pub(super) fn clear_filter(app: &mut App) {
    app.filter.input.clear();
    filter_changed(app);
}

/// The hits as the list uses them. The `is:` words are checked here,
/// against the marks of this moment: the matcher, on its own thread over
/// the corpus's index, passes them (the marks change under it).
pub(super) fn hit_set(
    app: &App,
    mut hits: Vec<query::Hit>,
    query: Option<&query::Query>,
) -> HitSet {
    if let Some(q) = query.filter(|q| q.statuses().next().is_some()) {
        let (lens, marks) = (&app.marks.lens, &app.marks.marks);
        hits.retain(|h| q.keeps(|s| lens.has(marks, h.article, s)));
    }
    let mut matched = vec![false; app.timeline.articles.len()];
    for h in &hits {
        if let Some(m) = matched.get_mut(h.article) {
            *m = true;
        }
    }
    HitSet { hits, matched }
}

pub(super) fn apply_matches(app: &mut App, m: Matches) {
    if m.generation != app.filter.generation {
        return; // stale: the user typed on
    }
    app.filter.applied_generation = m.generation;
    match m.result {
        Ok(hits) => {
            let before = app.selected_article();
            app.filter.query = query::parse(&m.text).ok();
            app.filter.hits = Some(hit_set(app, hits, app.filter.query.as_ref()));
            app.filter.error = None;
            app.rebuild_rows();
            // The selection follows the filter (fzf, newsboat): kept on a
            // call or article that still matches, else the first hit.
            if !matches!(app.selected_row(), Some(Row::Call(_) | Row::Article { .. })) {
                app.select_first_call();
            }
            app.hit_cursor = None;
            if app.selected_article() != before {
                app.detail_scroll = 0;
            }
            clamp_detail(app);
            if let Some(forward) = app.filter.pending_jump.take() {
                super::jump_hit(app, forward);
            }
        }
        Err(e) => {
            app.filter.pending_jump = None;
            app.filter.error = Some(e.to_string());
        }
    }
}
