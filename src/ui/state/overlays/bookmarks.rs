//! The `'` overlay: the bookmarked articles of the corpus shown, newest
//! first, one line each (date, outlet, title, the call's note), the
//! selected one highlighted; Enter goes to it (`update::marks`).
//! Bookmarks of articles not in this corpus are kept in the file but not
//! listed: there is nothing to go to.

use ratatui::text::Line;

use crate::ui::state::app::App;
use crate::ui::text::Cells;

/// The bookmarked articles, newest first (by their call's date, else the
/// publication date), then by title: the overlay's rows in order.
pub fn articles(app: &App) -> Vec<usize> {
    let t = &app.timeline;
    let mut out: Vec<usize> = (0..t.articles.len())
        .filter(|&a| app.marks.is_bookmarked(a))
        .collect();
    let date = |a: usize| {
        t.call_of_article
            .get(a)
            .copied()
            .flatten()
            .and_then(|c| t.calls.get(c))
            .map(|c| c.date)
            .or_else(|| t.articles.get(a).and_then(|x| x.published))
    };
    out.sort_by(|&a, &b| {
        date(b)
            .cmp(&date(a))
            .then_with(|| t.articles[a].title.cmp(&t.articles[b].title))
    });
    out
}

/// One line per bookmark, `width` columns, the `selected` one highlighted.
pub fn rows(app: &App, width: usize, selected: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let t = &app.timeline;
    articles(app)
        .into_iter()
        .enumerate()
        .filter_map(|(i, a)| {
            let art = t.articles.get(a)?;
            let call = t.call_of_article.get(a).copied().flatten();
            let mut c = Cells::new();
            let date = call
                .and_then(|c| t.calls.get(c))
                .map(|c| c.date)
                .or(art.published)
                .map_or("undated   ".to_string(), |d| d.to_string());
            c.push(&date, theme.date());
            c.push("  ", theme.text());
            match &art.source {
                Some(s) => c.push_untrusted(s, theme.outlet()),
                None => c.push(crate::export::SOURCE_NOT_STATED, theme.dim()),
            };
            c.push(" · ", theme.dim());
            c.push_untrusted(&art.title, theme.text());
            let note = app.marks.lens.calls.get(a).cloned().flatten();
            if let Some(note) = note.as_deref().and_then(|id| app.marks.note(id)) {
                c.push("  ✎ ", theme.dim());
                c.push_untrusted(note, theme.dim());
            }
            c.truncate(width);
            if i == selected {
                c.pad_to(width, theme.text());
                let mut line = c.into_line();
                for span in &mut line.spans {
                    span.style = span.style.patch(theme.selected(true));
                }
                Some(line)
            } else {
                Some(c.into_line())
            }
        })
        .collect()
}
