//! The `i` overlay: what is loaded (the corpus, or the built-in one, and
//! its counts of articles, calls, eras and warnings), which hotline, and
//! the config file its keys and colours came from, if any.

use ratatui::text::Line;

use crate::ui::state::app::App;
use crate::ui::text::Cells;

/// The overlay's rows for a popup `width` columns wide (inside the border).
pub fn rows(app: &App, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let t = &app.timeline;
    let corpus = app.source.as_deref().unwrap_or("given by the program");
    let config = app
        .config_file
        .as_deref()
        .map(|f| ("config", f.to_string()));
    let fields = [
        ("hotline", env!("CARGO_PKG_VERSION").to_string()),
        ("corpus", corpus.to_string()),
        ("articles", t.articles.len().to_string()),
        ("calls", t.calls.len().to_string()),
        ("eras", t.eras.len().to_string()),
        ("warnings", t.warnings.len().to_string()),
        ("unread", app.marks.unread_count().to_string()),
        (
            "bookmarks",
            super::bookmarks::articles(app).len().to_string(),
        ),
    ]
    .into_iter()
    .chain(config);
    let mut out = Vec::new();
    for (name, value) in fields {
        let mut c = Cells::new();
        c.push(&format!("{name:<10}"), theme.bold());
        // Paths come from the command line: shown inert like any other
        // outside text.
        c.push_untrusted(&value, theme.text());
        out.extend(
            c.wrap_hanging(width.max(1), 10)
                .into_iter()
                .map(Cells::into_line),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use crate::ui::action::Action;
    use crate::ui::keys::{self, Context};
    use crate::ui::mode::Overlay;
    use crate::ui::{App, fixture, render, update};

    fn key(app: &App, code: KeyCode) -> Option<Action> {
        keys::action_for(app.context(), KeyEvent::new(code, KeyModifiers::NONE))
    }

    fn screen(app: &mut App, w: u16, h: u16) -> String {
        update(app, Action::Resize(w, h));
        let mut t = Terminal::new(TestBackend::new(w, h)).expect("test backend");
        t.draw(|f| render(f, app)).expect("draw");
        t.backend().to_string()
    }

    /// `i` opens it from the timeline; Esc, `i` and `q` close it without
    /// quitting; it is listed in the help.
    #[test]
    fn i_opens_the_about_overlay_and_esc_i_q_close_it() {
        for close in [KeyCode::Esc, KeyCode::Char('i'), KeyCode::Char('q')] {
            let mut app = App::new(fixture::sample());
            let open = key(&app, KeyCode::Char('i')).expect("i is bound");
            update(&mut app, open);
            assert_eq!(app.overlay, Some(Overlay::About));
            assert_eq!(app.context(), Context::About);
            let action = key(&app, close).expect("a way out");
            update(&mut app, action);
            assert_eq!(app.overlay, None, "{close:?}");
            assert!(!app.should_quit, "{close:?}");
        }
        assert!(
            keys::markdown().contains("about: corpus, counts, version"),
            "the help lists it"
        );
    }

    #[test]
    fn about_shows_the_corpus_its_counts_and_the_version() {
        let mut app = App::new(fixture::with_warnings());
        app.source = Some("the built-in corpus".into());
        update(&mut app, Action::ToggleOverlay(Overlay::About));
        let text = screen(&mut app, 80, 24);
        let t = &app.timeline;
        for (name, n) in [
            ("articles", t.articles.len()),
            ("calls", t.calls.len()),
            ("eras", t.eras.len()),
            ("warnings", t.warnings.len()),
        ] {
            assert!(
                text.lines()
                    .any(|l| l.contains(name) && l.contains(&n.to_string())),
                "{name} {n}\n{text}"
            );
        }
        assert!(text.contains("the built-in corpus"));
        assert!(text.contains(env!("CARGO_PKG_VERSION")));
    }

    #[test]
    fn about_overlay_80x24() {
        let mut app = App::new(fixture::sample());
        app.source = Some("clippings/2025, notes.md".into());
        update(&mut app, Action::ToggleOverlay(Overlay::About));
        insta::assert_snapshot!("about_80x24", screen(&mut app, 80, 24));
    }

    #[test]
    fn about_overlay_120x40() {
        let mut app = App::new(fixture::sample());
        update(&mut app, Action::ToggleOverlay(Overlay::About));
        insta::assert_snapshot!("about_120x40", screen(&mut app, 120, 40));
    }
}
