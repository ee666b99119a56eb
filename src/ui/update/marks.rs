//! The user's marks changing: bookmarks (`m`, the `'` list), read and
//! unread, a note per call (`a`), and the marks file's answers. Every
//! change asks the run loop to save (`Effect::SaveMarks`); a change while
//! an `is:` filter is on runs the filter again.
//!
//! When an article is read: as in newsboat, when it is opened, not when
//! the cursor passes over it. The detail pane follows the list's cursor,
//! so showing there is not opening: an article is read once the reader is
//! in it (the detail pane has the focus, it scrolls, or it is one of the
//! two side by side). `j`/`k` over the list leaves articles unread.

use super::filter::filter_changed;
use super::select;
use crate::marks::Marks;
use crate::ui::action::{Action, Effect};
use crate::ui::mode::Overlay;
use crate::ui::state::app::{App, Focus, Group, Row};
use crate::ui::state::line_input::LineInput;
use crate::ui::state::overlays::bookmarks;

/// The article a mark key acts on: the focused one side by side, else the
/// one the detail pane shows.
fn current_article(app: &App) -> Option<usize> {
    match &app.side {
        Some(s) if s.focus == 0 => Some(s.left),
        Some(s) => Some(s.right),
        None => app.selected_article(),
    }
}

/// Ask the run loop to write the marks (the newest request replaces an
/// older one still queued), and run an `is:` filter again when `refilter`.
fn changed(app: &mut App, refilter: bool) {
    if app.marks.persist {
        app.effects
            .retain(|e| !matches!(e, Effect::SaveMarks { .. }));
        app.effects.push(Effect::SaveMarks {
            base: Box::new(app.marks.base.clone()),
            mine: Box::new(app.marks.marks.clone()),
        });
    }
    if refilter
        && app
            .filter
            .query
            .as_ref()
            .is_some_and(|q| q.statuses().next().is_some())
    {
        filter_changed(app);
    }
}

/// Mark what the reader is in as read (see the module comment):
/// `scrolled` is a key that scrolled the detail pane from the list.
/// Reading does not run an `is:unread` filter again: the article stays
/// on screen while it is read, and leaves the list at the next filtering.
pub(super) fn mark_shown_read(app: &mut App, scrolled: bool) {
    let mut reading: Vec<usize> = Vec::new();
    if let Some(s) = &app.side {
        reading.extend([s.left, s.right]);
    } else if (app.focus == Focus::Detail || scrolled)
        && let Some(a) = app.selected_article()
    {
        reading.push(a);
    }
    let mut any = false;
    for a in reading {
        if let Some(key) = app.marks.lens.key(a) {
            any |= app.marks.marks.read.insert(key);
        }
    }
    if any {
        changed(app, false);
    }
}

pub(super) fn toggle_bookmark(app: &mut App) {
    let article = match app.overlay {
        Some(Overlay::Bookmarks(sel)) => bookmarks::articles(app).get(sel).copied(),
        _ => current_article(app),
    };
    let Some(key) = article.and_then(|a| app.marks.lens.key(a)) else {
        app.message = Some("select an article to bookmark".into());
        return;
    };
    let name = article
        .map(|a| super::side_by_side::article_name(app, a))
        .unwrap_or_default();
    let added = if app.marks.marks.bookmarks.remove(&key) {
        false
    } else {
        app.marks.marks.bookmarks.insert(key)
    };
    app.message = Some(if added {
        format!("bookmarked {name} · ' lists the bookmarks")
    } else {
        format!("bookmark removed: {name}")
    });
    if let Some(Overlay::Bookmarks(sel)) = app.overlay {
        let n = bookmarks::articles(app).len();
        app.overlay = (n > 0).then(|| Overlay::Bookmarks(sel.min(n - 1)));
    }
    changed(app, true);
}

pub(super) fn toggle_read(app: &mut App) {
    let Some(a) = current_article(app) else {
        app.message = Some("select an article".into());
        return;
    };
    let Some(key) = app.marks.lens.key(a) else {
        return;
    };
    if app.marks.marks.read.remove(&key) {
        // Out of the article, or the pane would read it again at once.
        app.side = None;
        app.text_search = None;
        app.focus = Focus::List;
        app.message = Some("marked unread".into());
    } else {
        app.marks.marks.read.insert(key);
        app.message = Some("marked read".into());
    }
    changed(app, true);
}

/// `A`: every article the list shows read (all, or the filter's hits),
/// as newsboat's mark-all-read of a feed.
pub(super) fn mark_all_read(app: &mut App) {
    let shown = app.article_order();
    let before = app.marks.marks.read.len();
    for a in shown {
        if let Some(key) = app.marks.lens.key(a) {
            app.marks.marks.read.insert(key);
        }
    }
    let n = app.marks.marks.read.len() - before;
    app.message = Some(match n {
        0 => "nothing unread here".into(),
        1 => "1 article marked read".into(),
        n => format!("{n} articles marked read"),
    });
    if n > 0 {
        changed(app, true);
    }
}

/// `'`: open the bookmarks, or say there are none.
pub(super) fn open_bookmarks(app: &mut App) {
    if matches!(app.overlay, Some(Overlay::Bookmarks(_))) {
        app.overlay = None;
    } else if bookmarks::articles(app).is_empty() {
        app.message = Some("no bookmarks yet: m bookmarks the current article".into());
    } else {
        app.overlay = Some(Overlay::Bookmarks(0));
    }
}

/// j/k in the bookmarks: the selection, which is also the scroll.
pub(super) fn move_bookmark(app: &mut App, m: crate::ui::action::Motion) {
    let Some(Overlay::Bookmarks(sel)) = app.overlay else {
        return;
    };
    let n = bookmarks::articles(app).len();
    let (_, page) = Overlay::Bookmarks(sel).rows_for_size(app);
    let to = super::moved(sel, m, page, n.saturating_sub(1));
    app.overlay = Some(Overlay::Bookmarks(to));
}

/// Enter in the bookmarks: close them and select the article in the list,
/// opening what hides it (its era, its call; a filter or counterpart that
/// leaves it out is cleared, and says so).
pub(super) fn jump(app: &mut App) {
    let Some(Overlay::Bookmarks(sel)) = app.overlay else {
        return;
    };
    let Some(article) = bookmarks::articles(app).get(sel).copied() else {
        return;
    };
    app.overlay = None;
    app.side = None;
    let mut cleared = false;
    if !app.article_visible(article) {
        if app.filter.active() || !app.filter.input.text().is_empty() {
            app.filter.input.clear();
            filter_changed(app);
        }
        app.counterpart = None;
        cleared = true;
    }
    let call = app.timeline.call_of_article.get(article).copied().flatten();
    match call {
        Some(c) => {
            let group = match app.call_era.get(c).copied().flatten() {
                Some(e) => Group::Era(e),
                None => Group::Orphans,
            };
            app.set_collapsed(group, false);
            app.set_expanded(c, true);
        }
        None => app.set_collapsed(Group::Unassigned, false),
    }
    app.rebuild_rows();
    let row = app
        .rows
        .iter()
        .position(|r| matches!(r, Row::Article { article: a, .. } if *a == article));
    if let Some(row) = row {
        if app.focus == Focus::Filter {
            app.focus = Focus::List;
        }
        select(app, row);
    }
    let name = super::side_by_side::article_name(app, article);
    app.message = Some(if cleared {
        format!("{name} · the filter hid it: cleared")
    } else {
        name
    });
}

/// `a`: the note line for the current article's call, holding its note.
pub(super) fn open_note(app: &mut App) {
    let call = current_article(app).and_then(|a| app.marks.lens.calls.get(a).cloned().flatten());
    let Some(id) = call else {
        app.message = Some("notes are on calls: this article is in none".into());
        return;
    };
    let mut line = LineInput::default();
    if let Some(text) = app.marks.note(&id) {
        line.set(text);
    }
    app.note = Some((id, line));
}

pub(super) fn accept_note(app: &mut App) {
    let Some((id, line)) = app.note.take() else {
        return;
    };
    let before = app.marks.marks.notes.get(&id).cloned();
    app.marks.marks.set_note(&id, line.text());
    let after = app.marks.marks.notes.get(&id).cloned();
    app.message = Some(match &after {
        Some(_) => format!("note kept on {id}"),
        None if before.is_some() => format!("note on {id} cleared"),
        None => "no note".into(),
    });
    if before != after {
        changed(app, true);
    }
}

/// The file is written: what it holds now (another process's marks too)
/// becomes the base, and changes made since the request stay on top.
pub(super) fn saved(app: &mut App, sent: &Marks, written: Marks) {
    app.marks.marks = Marks::merge(&written, sent, &app.marks.marks);
    app.marks.base = written;
}

/// Writing failed: said once (status line and `w`); hotline goes on, the
/// marks kept for this session.
pub(super) fn save_failed(app: &mut App, why: String) {
    if app.marks.save_failed {
        return;
    }
    app.marks.save_failed = true;
    app.message = Some(format!("marks not saved: {why}"));
    app.marks
        .warn("marks", format!("not saved, kept until quit: {why}"));
}

/// The actions this file answers; `false` for any other.
pub(super) fn act(app: &mut App, action: &Action) -> bool {
    match action {
        Action::ToggleBookmark => toggle_bookmark(app),
        Action::ToggleRead => toggle_read(app),
        Action::MarkAllRead => mark_all_read(app),
        Action::BookmarkJump => jump(app),
        Action::OpenNote => open_note(app),
        Action::NoteAccept => accept_note(app),
        Action::NoteCancel => app.note = None,
        Action::ToggleOverlay(Overlay::Bookmarks(_)) => open_bookmarks(app),
        Action::MarksSaved { sent, written } => saved(app, sent, (**written).clone()),
        Action::MarksSaveFailed(why) => save_failed(app, why.clone()),
        _ => return false,
    }
    true
}
