//! Pinning and side by side: which two articles `s` puts next to each
//! other, and saying so when the pinned article is the one selected.

use crate::ui::state::app::{App, Focus, SideState};

pub(super) fn pin(app: &mut App) {
    let Some(a) = app.selected_article() else {
        app.message = Some("select an article or a call to pin".into());
        return;
    };
    if app.pinned == Some(a) {
        app.pinned = None;
        app.message = Some("unpinned".into());
    } else {
        app.pinned = Some(a);
        app.message = Some(format!(
            "pinned {} — s opens side by side",
            article_name(app, a)
        ));
    }
}

pub(super) fn article_name(app: &App, a: usize) -> String {
    app.timeline
        .articles
        .get(a)
        .map(|art| {
            let name = art
                .source
                .clone()
                .unwrap_or_else(|| format!("{} ({})", art.id, crate::export::SOURCE_NOT_STATED));
            crate::ui::text::safe(&name).into_owned()
        })
        .unwrap_or_default()
}

pub(super) fn open_side(app: &mut App) {
    let Some(current) = app.selected_article() else {
        app.message = Some("select an article or a call first".into());
        return;
    };
    let pair = match app.pinned {
        Some(p) if p != current => Some((p, current)),
        Some(p) => {
            // The pinned article is the one selected: never silently
            // another pair; the next article of the same call, or say so.
            let siblings = app
                .selected_call()
                .map(|c| app.visible_articles_of_call(c))
                .unwrap_or_default();
            let at = siblings.iter().position(|&a| a == p);
            let other = at.and_then(|i| {
                siblings
                    .get(i + 1)
                    .or_else(|| i.checked_sub(1).and_then(|j| siblings.get(j)))
            });
            match other {
                Some(&o) => {
                    app.message = Some(
                        "this is the pinned article: beside it, the next one of its call".into(),
                    );
                    Some((p, o))
                }
                None => {
                    app.message =
                        Some("this is the pinned article: select another one to compare".into());
                    return;
                }
            }
        }
        None => {
            let order = app.article_order();
            let pos = order.iter().position(|&a| a == current);
            let other = pos.and_then(|i| {
                order
                    .get(i + 1)
                    .or_else(|| i.checked_sub(1).and_then(|j| order.get(j)))
            });
            other.map(|&o| (current, o))
        }
    };
    match pair {
        Some((left, right)) => {
            app.side = Some(SideState {
                left,
                right,
                scroll: [0, 0],
                sync: false,
                focus: 1,
            });
            if app.focus == Focus::Filter {
                app.focus = Focus::List;
            }
        }
        None => app.message = Some("only one article: nothing to compare".into()),
    }
}
