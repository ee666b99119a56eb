//! `update`: the only place the UI state changes. Pure: no terminal, no
//! files, no threads; work for outside comes back as `App::effects`.

use std::sync::Arc;

use super::action::{Action, Effect, Matches, Motion};
use super::keys::Context;
use crate::query;
use crate::ui::mode::{Overlay, Top};
use crate::ui::state::app::{App, Focus};
use crate::ui::state::detail_layout::{self as detail, DetailKey, DetailView, PaneKey};

mod command;
mod filter;
mod load;
mod marks;
mod mouse;
mod nav;
mod open;
mod overlays;
mod side_by_side;
mod text_search;

use filter::{apply_matches, clear_filter, filter_changed};
use load::{apply_index, apply_load, apply_reload};
use mouse::{click, wheel};
use nav::{collapse, cycle_counterpart, expand, jump_era, toggle};
use overlays::{clamp_warnings, move_overlay, toggle_overlay};
use side_by_side::{open_side, pin};

/// Lines the mouse wheel moves.
const WHEEL_LINES: usize = 3;

pub fn update(app: &mut App, action: Action) {
    let scrolled = matches!(action, Action::ScrollDetail(_));
    act(app, action);
    marks::mark_shown_read(app, scrolled);
    refresh_layouts(app);
}

/// Lay out what `render` will show, unless the cache has it already: the
/// frame then only reads it.
fn refresh_layouts(app: &mut App) {
    if let Some(s) = app.side.clone() {
        pane_layout(app, s.left);
        pane_layout(app, s.right);
    } else {
        detail_layout(app);
    }
}

/// The detail pane's text at its width, laid out once per `DetailKey`.
pub(super) fn detail_layout(app: &mut App) -> Arc<DetailView> {
    let (w, _) = app.detail_size();
    let key = DetailKey::of(app, w);
    if let Some(view) = app.layouts.detail(&key) {
        return view;
    }
    let view = Arc::new(detail::build(app, w));
    app.layouts.store_detail(key, view.clone());
    view
}

/// One side-by-side pane's text, laid out once per `PaneKey`.
fn pane_layout(app: &mut App, article: usize) -> Arc<DetailView> {
    let (w, _) = app.side_size();
    let key = PaneKey::of(app, article, w);
    if let Some(view) = app.layouts.pane(&key) {
        return view;
    }
    let view = Arc::new(detail::article_only(app, article, w));
    app.layouts.store_pane(key, view.clone());
    view
}

fn act(app: &mut App, action: Action) {
    if !matches!(
        action,
        Action::MatchesReady(_)
            | Action::Resize(..)
            | Action::Reloaded(_)
            | Action::ReloadFailed(_)
            | Action::IndexReady(_)
            | Action::MarksSaved { .. }
            | Action::MarksSaveFailed(_)
    ) {
        app.message = None;
    }
    if marks::act(app, &action) {
        return;
    }
    match action {
        Action::Quit => app.should_quit = true,
        Action::Close => close_top(app),
        Action::ToggleHelp => toggle_overlay(app, Overlay::Help(0)),
        Action::ToggleWarnings => {
            if matches!(app.overlay, Some(Overlay::Warnings(_))) {
                app.overlay = None;
            } else if app.warnings().next().is_none() {
                app.message = Some("no load warnings".into());
            } else {
                app.overlay = Some(Overlay::Warnings(0));
            }
        }
        Action::ToggleOverlay(overlay) => toggle_overlay(app, overlay),
        Action::ToggleEvidence => toggle_evidence(app),
        Action::OpenUrl => open_url(app),
        Action::ToggleFacts => {
            app.text_search = None;
            app.facts_full = !app.facts_full;
            app.detail_scroll = 0;
            app.message = Some(
                if app.facts_full {
                    "every fact of the call · F again for the summary on a small screen"
                } else {
                    "the facts in two lines when the screen is small"
                }
                .into(),
            );
        }
        Action::Reload => {
            if !app.load.reloading() {
                app.load.start_reload();
                app.effects.push(Effect::Reload);
            }
            app.message = Some(
                if app.load.loading().is_some() {
                    "still loading…"
                } else {
                    "reloading…"
                }
                .into(),
            );
        }
        Action::FocusFilter => app.focus = Focus::Filter,
        Action::FocusNext | Action::FocusPrev => {
            if let Some(side) = app.side.as_mut() {
                side.focus = 1 - side.focus.min(1);
            } else {
                app.focus = match app.focus {
                    Focus::List => Focus::Detail,
                    _ => Focus::List,
                };
            }
        }
        Action::FocusList => app.focus = Focus::List,
        Action::CycleCounterpart => {
            cycle_counterpart(app);
            // The statistics follow the counterpart: fewer rows.
            clamp_warnings(app);
        }
        Action::Pin => pin(app),
        Action::SideBySide => open_side(app),
        Action::ToggleSync => {
            if let Some(side) = app.side.as_mut() {
                side.sync = !side.sync;
                if side.sync {
                    let s = side.scroll[side.focus.min(1)];
                    side.scroll = [s, s];
                }
                app.message = Some(
                    if side.sync {
                        "scrolling in sync"
                    } else {
                        "scrolling each side on its own"
                    }
                    .into(),
                );
                clamp_side(app);
            }
        }
        Action::Back => {
            if app.text_search.is_some() {
                app.text_search = None;
            } else if app.side.is_some() {
                app.side = None;
            } else if app.filter.active() || !app.filter.input.text().is_empty() {
                clear_filter(app);
            }
        }
        Action::PrevEra => jump_era(app, true),
        Action::NextEra => jump_era(app, false),
        // The first / last row on screen, whatever is collapsed: `g` on a
        // collapsed newest era lands on its header, never on an older call.
        Action::FirstCall => select(app, 0),
        Action::LastCall => select(app, app.rows.len().saturating_sub(1)),
        // A search inside the text takes n/N over from the filter's hits.
        Action::NextHit if app.text_search.is_some() => text_search::step(app, true),
        Action::PrevHit if app.text_search.is_some() => text_search::step(app, false),
        Action::NextHit | Action::PrevHit if app.side.is_some() => {
            app.message = Some("/ searches the focused text, then n/N".into());
        }
        Action::NextHit => jump_hit(app, true),
        Action::PrevHit => jump_hit(app, false),
        Action::Move(m) => match app.top() {
            Top::Overlay(Overlay::Bookmarks(_)) => marks::move_bookmark(app, m),
            Top::Overlay(_) => move_overlay(app, m),
            // The filter bar keeps side by side on screen: it scrolls.
            Top::Side | Top::Filter if app.side.is_some() => scroll_side(app, m),
            Top::Detail => scroll_detail(app, m),
            Top::Side | Top::Filter | Top::Note | Top::Command | Top::TextSearch | Top::List => {
                move_list(app, m)
            }
        },
        Action::ScrollDetail(m) => scroll_detail(app, m),
        Action::Toggle => toggle(app),
        Action::Expand => expand(app),
        Action::Collapse => collapse(app),
        Action::Edit(e) => {
            if let Some((_, line)) = app.note.as_mut() {
                line.apply(e);
            } else if let Some(line) = app.command.as_mut() {
                line.apply(e);
            } else if let Some(ts) = app.text_search.as_mut().filter(|t| t.typing) {
                if ts.input.apply(e) {
                    text_search::changed(app);
                }
            } else if app.filter.input.apply(e) {
                filter_changed(app);
            }
        }
        Action::Paste(text) => match app.context() {
            Context::Note => {
                if let Some((_, line)) = app.note.as_mut() {
                    line.paste(&text);
                }
            }
            Context::Command => {
                if let Some(line) = app.command.as_mut() {
                    line.paste(&text);
                }
            }
            Context::TextSearch => {
                if let Some(ts) = app.text_search.as_mut()
                    && ts.input.paste(&text)
                {
                    text_search::changed(app);
                }
            }
            Context::Filter if app.filter.input.paste(&text) => filter_changed(app),
            _ => {}
        },
        Action::OpenTextSearch => text_search::open(app),
        Action::TextSearchAccept => {
            if let Some(ts) = app.text_search.as_mut() {
                ts.typing = false;
            }
            if app
                .text_search
                .as_ref()
                .is_some_and(|t| t.needle().is_empty())
            {
                app.text_search = None;
            } else {
                app.message = Some("n/N: next/previous match · Esc drops the search".into());
            }
        }
        Action::TextSearchCancel => app.text_search = None,
        Action::OpenCommand => app.command = Some(Default::default()),
        Action::CommandCancel => app.command = None,
        Action::CommandComplete => command::complete(app),
        Action::CommandRun => command::run(app),
        Action::FilterAccept => app.focus = Focus::List,
        Action::FilterCancel => {
            clear_filter(app);
            app.focus = Focus::List;
        }
        Action::Resize(w, h) => {
            app.size = (w, h);
            app.clamp_list_offset();
            clamp_detail(app);
            clamp_side(app);
            clamp_warnings(app);
        }
        Action::Wheel { column, row, down } => wheel(app, column, row, down),
        Action::Click { column, row } => click(app, column, row),
        Action::MatchesReady(m) => apply_matches(app, m),
        Action::Reloaded(r) => apply_reload(app, r),
        Action::ReloadFailed(why) => {
            let first_load = app.load.loading().is_some();
            app.load.reload_failed();
            app.message = Some(if first_load {
                format!("loading failed: {why}")
            } else {
                format!("reload failed: {why}")
            });
        }
        Action::IndexReady(r) => apply_index(app, r),
        Action::Loaded(timeline) => apply_load(app, timeline),
        Action::IndexFailed(why) => {
            app.load.indexed(None);
            app.message = Some(format!("cannot index the corpus, filtering is off: {why}"));
        }
        // Open and copy (issue 15).
        Action::CopyCallId => open::copy_call_id(app),
        Action::CopyPath => open::copy_path(app),
        Action::OpenArticle(program) => open::open_article(app, program),
        Action::ProgramDone { message, reload } => open::program_done(app, message, reload),
        // Answered by `marks::act` above.
        Action::ToggleBookmark
        | Action::BookmarkJump
        | Action::ToggleRead
        | Action::MarkAllRead
        | Action::OpenNote
        | Action::NoteAccept
        | Action::NoteCancel
        | Action::MarksSaved { .. }
        | Action::MarksSaveFailed(_) => {}
    }
}

/// Run pending `Search` effects right here, synchronously. The run loop
/// hands them to the matcher thread instead; tests and tiny corpora can
/// use this.
pub fn resolve_searches(app: &mut App) {
    let effects = std::mem::take(&mut app.effects);
    for effect in effects {
        match effect {
            Effect::Search { generation, text } => {
                let result = search_now(app, &text);
                update(
                    app,
                    Action::MatchesReady(Matches {
                        generation,
                        text,
                        result,
                    }),
                );
            }
            other => app.effects.push(other),
        }
    }
}

/// The matcher, synchronously, over the app's corpus. No hits while the
/// index is still being built (`update` asks for no search then).
pub fn search_now(app: &App, text: &str) -> Result<Vec<query::Hit>, query::QueryError> {
    let q = query::parse(text)?;
    Ok(match app.load.index() {
        Some(index) => index.ranked(&app.timeline, &q),
        None => Vec::new(),
    })
}

/// `q`: close whatever `App::top` says is on top, one layer per press;
/// only the bare timeline list quits.
fn close_top(app: &mut App) {
    match app.top() {
        Top::Overlay(_) => app.overlay = None,
        Top::Note => app.note = None,
        Top::Command => app.command = None,
        Top::TextSearch => app.text_search = None,
        // Not reached from the keys (`q` is typed there); the bar goes
        // back to the list as Enter would, keeping the filter.
        Top::Filter => app.focus = Focus::List,
        Top::Side => app.side = None,
        Top::Detail => app.focus = Focus::List,
        Top::List => app.should_quit = true,
    }
}

// ---- movement --------------------------------------------------------

fn moved(pos: usize, m: Motion, page: usize, max: usize) -> usize {
    let page = page.max(1);
    let half = (page / 2).max(1);
    let p = match m {
        Motion::Up => pos.saturating_sub(1),
        Motion::Down => pos + 1,
        Motion::PageUp => pos.saturating_sub(page),
        Motion::PageDown => pos + page,
        Motion::HalfUp => pos.saturating_sub(half),
        Motion::HalfDown => pos + half,
        Motion::Top => 0,
        Motion::Bottom => max,
    };
    p.min(max)
}

pub(super) fn select(app: &mut App, row: usize) {
    let row = row.min(app.rows.len().saturating_sub(1));
    if row != app.selected {
        app.selected = row;
        app.detail_scroll = 0;
        app.hit_cursor = None;
    }
    app.clamp_list_offset();
}

fn move_list(app: &mut App, m: Motion) {
    let page = app.list_height().max(1);
    let max = app.rows.len().saturating_sub(1);
    let to = moved(app.selected, m, page, max);
    select(app, to);
}

fn detail_max_scroll(app: &mut App) -> usize {
    let (_, h) = app.detail_size();
    detail_layout(app).lines.len().saturating_sub(h)
}

fn clamp_detail(app: &mut App) {
    app.detail_scroll = app.detail_scroll.min(detail_max_scroll(app));
}

fn scroll_detail(app: &mut App, m: Motion) {
    let (_, h) = app.detail_size();
    let max = detail_max_scroll(app);
    app.detail_scroll = moved(app.detail_scroll.min(max), m, h.saturating_sub(1), max);
}

fn side_max(app: &mut App, article: usize) -> usize {
    let (_, h) = app.side_size();
    pane_layout(app, article).lines.len().saturating_sub(h)
}

fn clamp_side(app: &mut App) {
    let Some(s) = app.side.clone() else { return };
    let maxes = [side_max(app, s.left), side_max(app, s.right)];
    if let Some(side) = app.side.as_mut() {
        for (scroll, max) in side.scroll.iter_mut().zip(maxes) {
            *scroll = (*scroll).min(max);
        }
    }
}

fn scroll_side(app: &mut App, m: Motion) {
    let Some(s) = app.side.clone() else { return };
    let (_, h) = app.side_size();
    let maxes = [side_max(app, s.left), side_max(app, s.right)];
    let focus = s.focus.min(1);
    let mut scroll = s.scroll;
    if s.sync {
        for k in 0..2 {
            scroll[k] = moved(scroll[k], m, h.saturating_sub(1), maxes[k]);
        }
    } else {
        scroll[focus] = moved(scroll[focus], m, h.saturating_sub(1), maxes[focus]);
    }
    if let Some(side) = app.side.as_mut() {
        side.scroll = scroll;
    }
}

/// `v`: the evidence view on or off. The text changes length, so the
/// pane starts again at the top.
/// Ask the loop to open the shown article's address; only http(s)
/// addresses are ever kept, so nothing else can reach the opener.
fn open_url(app: &mut App) {
    let url = app
        .selected_article()
        .and_then(|a| app.timeline.articles.get(a))
        .and_then(|a| a.url.clone())
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"));
    app.message = Some(match url {
        Some(url) => {
            let shown = crate::sanitize::inert(&url, false).into_owned();
            app.effects.push(Effect::OpenUrl(url));
            format!("opening {shown}")
        }
        None => "this article has no web address".into(),
    });
}

fn toggle_evidence(app: &mut App) {
    app.evidence = !app.evidence;
    app.detail_scroll = 0;
    app.hit_cursor = None;
    app.message = Some(
        if app.evidence {
            "evidence: each fact's sentence marked · v again for the article"
        } else {
            "evidence view off"
        }
        .into(),
    );
}

pub(super) fn jump_hit(app: &mut App, forward: bool) {
    if app.evidence {
        // The evidence view marks facts, not filter hits: moving to hits
        // it does not show would be a jump to nothing visible.
        app.message = Some("filter hits are not marked in the evidence view: v leaves it".into());
        return;
    }
    if app.filter.pending() {
        // Typing never waits on matching, so `n` can come before the
        // answer: the jump is made when it comes.
        app.filter.pending_jump = Some(forward);
        app.message = Some("matching… the jump follows".into());
        return;
    }
    if !app.filter.active() {
        app.message = Some("no filter: / to search".into());
        return;
    }
    let (_, h) = app.detail_size();
    let view = detail_layout(app);
    let n = view.hit_lines.len();
    if n == 0 {
        app.message = Some(no_hit_message(app));
        return;
    }
    let next = match app.hit_cursor {
        Some(k) if forward => (k + 1) % n,
        Some(k) => (k + n - 1) % n,
        None if forward => view
            .hit_lines
            .iter()
            .position(|&l| l >= app.detail_scroll)
            .unwrap_or(0),
        None => view
            .hit_lines
            .iter()
            .rposition(|&l| l < app.detail_scroll + h)
            .unwrap_or(n - 1),
    };
    app.hit_cursor = Some(next);
    let line = view.hit_lines[next];
    if line < app.detail_scroll || line >= app.detail_scroll + h.max(1) {
        app.detail_scroll = line.saturating_sub(h / 3);
    }
    app.detail_scroll = app.detail_scroll.min(view.lines.len().saturating_sub(h));
    app.message = Some(format!("hit {} of {n}", next + 1));
}

/// `n` on a text without hits: say where the filter matched instead
/// ("matched: call topic APEC"), so no hit is without a visible reason.
fn no_hit_message(app: &App) -> String {
    let reasons = match (app.load.index(), &app.filter.query, app.selected_article()) {
        (Some(index), Some(q), Some(a)) => index.explain(&app.timeline, q, a),
        _ => Vec::new(),
    };
    if reasons.is_empty() {
        "no filter hits in this text".into()
    } else {
        let text = crate::ui::text::safe(&reasons.join(", ")).into_owned();
        format!("no hit in the text · matched: {text}")
    }
}
