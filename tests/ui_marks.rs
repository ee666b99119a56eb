//! The marks in the browser (issue 15, item 5), driven through the key
//! table on the hand-made fixture: when an article becomes read (opened,
//! not passed over), bold unread rows, `m` and the `'` list, the `is:`
//! filter following mark changes, a call's note (`a`), and the marks
//! file's answers (saved, failed, damaged). Snapshots at 80×24.

use hotline::marks::{Marks, file};
use hotline::ui::fixture;
use hotline::ui::keys::action_for;
use hotline::ui::state::app::Row;
use hotline::ui::{self, Action, App, Edit, Effect, Overlay, resolve_searches, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Modifier;

fn press(app: &mut App, code: KeyCode) {
    let action = action_for(app.context(), KeyEvent::new(code, KeyModifiers::NONE))
        .unwrap_or_else(|| panic!("{code:?} is bound in {:?}", app.context()));
    update(app, action);
    resolve_searches(app);
}

fn ch(app: &mut App, c: char) {
    press(app, KeyCode::Char(c));
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        update(app, Action::Edit(Edit::Insert(c)));
    }
    resolve_searches(app);
}

fn terminal(app: &mut App) -> Terminal<TestBackend> {
    update(app, Action::Resize(80, 24));
    let mut t = Terminal::new(TestBackend::new(80, 24)).expect("test backend");
    t.draw(|f| ui::render(f, app)).expect("draw");
    t
}

fn screen(app: &mut App) -> String {
    terminal(app).backend().to_string()
}

/// Is the first cell of `needle` drawn bold, on the first line where it
/// follows `after` (the part of the row before it: the outlet, the date).
fn bold_at(app: &mut App, (after, needle): (&str, &str)) -> bool {
    let t = terminal(app);
    let buf = t.backend().buffer().clone();
    let text = t.backend().to_string();
    let whole = format!("{after}{needle}");
    let (row, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains(&whole))
        .unwrap_or_else(|| panic!("{whole} on screen:\n{text}"));
    let col = line[..line.find(&whole).unwrap_or(0)].chars().count() + after.chars().count();
    // The snapshot text quotes each line: one column more.
    let col = col.saturating_sub(1);
    buf[(col as u16, row as u16)]
        .modifier
        .contains(Modifier::BOLD)
}

/// An article's row: its outlet, then the start of its title.
fn title(app: &App, article: usize) -> (String, String) {
    let a = &app.timeline.articles[article];
    let outlet = a
        .source
        .clone()
        .unwrap_or_else(|| "source not stated".into());
    (format!("{outlet} · "), a.title.chars().take(12).collect())
}

/// The sample opened on its newest call, expanded, the cursor on its
/// first article.
fn on_first_article() -> App {
    let mut app = App::new(fixture::sample());
    press(&mut app, KeyCode::Enter);
    ch(&mut app, 'j');
    assert!(matches!(app.selected_row(), Some(Row::Article { .. })));
    app
}

#[test]
fn passing_over_articles_leaves_them_unread_opening_one_reads_it() {
    let mut app = on_first_article();
    ch(&mut app, 'j');
    ch(&mut app, 'k');
    assert_eq!(app.marks.unread_count(), app.timeline.articles.len());
    let a = app.selected_article().expect("an article");
    let (outlet, t) = title(&app, a);
    let t = (outlet.as_str(), t.as_str());
    assert!(bold_at(&mut app, t), "unread rows are bold");
    press(&mut app, KeyCode::Tab);
    assert!(!app.marks.is_unread(a), "in the detail pane: read");
    assert_eq!(app.marks.unread_count(), app.timeline.articles.len() - 1);
    press(&mut app, KeyCode::Tab);
    assert!(!bold_at(&mut app, t), "a read row is not bold");
    // Its call still has unread articles: its row stays bold.
    let call = app.selected_call().expect("a call");
    let label = app.timeline.call_label(&app.timeline.calls[call]);
    assert!(bold_at(&mut app, (" ", &label)));
    // U: unread again.
    ch(&mut app, 'U');
    assert!(app.marks.is_unread(a));
    assert!(bold_at(&mut app, t));
}

#[test]
fn a_marks_every_article_the_list_shows_read() {
    let mut app = App::new(fixture::sample());
    let n = app.timeline.articles.len();
    ch(&mut app, '/');
    typed(&mut app, "src:kbs");
    press(&mut app, KeyCode::Enter);
    let shown = app.counts().0;
    assert!(shown > 0 && shown < n);
    ch(&mut app, 'A');
    assert_eq!(
        app.marks.unread_count(),
        n - shown,
        "only the filter's hits"
    );
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("marked read"))
    );
    press(&mut app, KeyCode::Esc);
    ch(&mut app, 'A');
    assert_eq!(app.marks.unread_count(), 0);
    ch(&mut app, 'A');
    assert_eq!(app.message.as_deref(), Some("nothing unread here"));
}

#[test]
fn side_by_side_and_scrolling_from_the_list_read_the_articles_shown() {
    let mut app = on_first_article();
    let first = app.selected_article().expect("an article");
    ch(&mut app, 'p');
    ch(&mut app, 'j');
    let second = app.selected_article().expect("an article");
    assert!(app.marks.is_unread(first) && app.marks.is_unread(second));
    ch(&mut app, 's');
    assert!(!app.marks.is_unread(first) && !app.marks.is_unread(second));
    press(&mut app, KeyCode::Esc);
    ch(&mut app, 'j');
    let third = app.selected_article().expect("an article");
    ch(&mut app, ' ');
    assert!(!app.marks.is_unread(third), "Space pages the article: read");
}

#[test]
fn m_bookmarks_and_the_list_goes_to_the_article() {
    let mut app = on_first_article();
    ch(&mut app, '\'');
    assert_eq!(app.overlay, None);
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("no bookmarks"))
    );
    ch(&mut app, 'm');
    let a = app.selected_article().expect("an article");
    assert!(app.marks.is_bookmarked(a));
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.starts_with("bookmarked"))
    );
    // Another: the last row, the undated article in no call.
    ch(&mut app, 'G');
    let undated = app.selected_article().expect("an article");
    assert_ne!(undated, a);
    ch(&mut app, 'm');
    ch(&mut app, 'g');
    ch(&mut app, '\'');
    assert_eq!(app.overlay, Some(Overlay::Bookmarks(0)));
    let text = screen(&mut app);
    assert!(text.contains("2 bookmarked"), "{text}");
    insta::assert_snapshot!("bookmarks_overlay", text);
    ch(&mut app, 'j');
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.overlay, None);
    assert_eq!(
        app.selected_article(),
        Some(undated),
        "newest first: the undated one second"
    );
    // m in the list removes one.
    ch(&mut app, '\'');
    ch(&mut app, 'm');
    assert_eq!(app.overlay, Some(Overlay::Bookmarks(0)));
    assert!(!app.marks.is_bookmarked(a));
    ch(&mut app, 'm');
    assert_eq!(app.overlay, None, "the last one removed closes the list");
}

#[test]
fn is_filters_follow_the_marks_as_they_change() {
    let mut app = on_first_article();
    let a = app.selected_article().expect("an article");
    ch(&mut app, 'm');
    ch(&mut app, '/');
    typed(&mut app, "is:bookmarked");
    assert_eq!(app.counts().0, 1);
    let text = screen(&mut app);
    assert!(text.contains("1 of"), "{text}");
    insta::assert_snapshot!("filter_is_bookmarked", text);
    press(&mut app, KeyCode::Enter);
    // Unbookmarking while the filter is on runs it again: nothing left.
    ch(&mut app, 'm');
    assert!(!app.marks.is_bookmarked(a));
    assert!(app.no_matches(), "the filter ran again");
    // !is: and is:read.
    press(&mut app, KeyCode::Esc);
    ch(&mut app, '/');
    typed(&mut app, "is:read");
    assert!(app.no_matches());
    press(&mut app, KeyCode::Esc);
    ch(&mut app, '/');
    typed(&mut app, "!is:unread");
    assert!(app.no_matches());
    update(&mut app, Action::Edit(Edit::KillToStart));
    typed(&mut app, "is:unread");
    assert_eq!(app.counts().0, app.timeline.articles.len());
    let err = {
        update(&mut app, Action::Edit(Edit::KillToStart));
        typed(&mut app, "is:starred");
        app.filter.error.clone().unwrap_or_default()
    };
    assert!(err.contains("bookmarked, unread, read, noted"), "{err}");
}

#[test]
fn a_note_is_written_shown_edited_and_cleared() {
    let mut app = on_first_article();
    let call = app.selected_call().expect("a call");
    let id = app.timeline.calls[call].id.clone();
    ch(&mut app, 'a');
    assert_eq!(app.context(), ui::keys::Context::Note);
    typed(&mut app, "ask Yonhap: 30 or 32 min?");
    let text = screen(&mut app);
    assert!(text.contains("note ✎ ask Yonhap"), "{text}");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.marks.note(&id), Some("ask Yonhap: 30 or 32 min?"));
    let text = screen(&mut app);
    assert!(text.contains("✎ ask Yonhap: 30 or 32 min?"), "{text}");
    insta::assert_snapshot!("note_in_the_facts", text);
    // Esc leaves it as it was; a again holds it for editing.
    ch(&mut app, 'a');
    typed(&mut app, " (asked)");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.marks.note(&id), Some("ask Yonhap: 30 or 32 min?"));
    ch(&mut app, '/');
    typed(&mut app, "is:noted");
    assert_eq!(app.counts().1, 1, "the call's articles");
    press(&mut app, KeyCode::Esc);
    ch(&mut app, 'a');
    update(&mut app, Action::Edit(Edit::KillToStart));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.marks.note(&id), None);
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("cleared"))
    );
}

#[test]
fn every_change_asks_for_a_save_and_the_answer_is_merged() {
    let mut app = on_first_article();
    app.marks.persist = true;
    ch(&mut app, 'm');
    let saves: Vec<Effect> = app
        .effects
        .iter()
        .filter(|e| matches!(e, Effect::SaveMarks { .. }))
        .cloned()
        .collect();
    assert_eq!(saves.len(), 1, "one save, the newest: {:?}", app.effects);
    let Some(Effect::SaveMarks { mine, .. }) = saves.into_iter().next() else {
        unreachable!()
    };
    assert_eq!(mine.bookmarks.len(), 1);
    app.effects.clear();
    // The file held another process's bookmark too; meanwhile this one
    // read an article.
    let mut written = (*mine).clone();
    written.bookmarks.insert(hotline::marks::ArticleKey(42));
    press(&mut app, KeyCode::Tab);
    update(
        &mut app,
        Action::MarksSaved {
            sent: mine,
            written: Box::new(written.clone()),
        },
    );
    assert_eq!(app.marks.base, written);
    assert!(
        app.marks
            .marks
            .bookmarks
            .contains(&hotline::marks::ArticleKey(42))
    );
    assert_eq!(
        app.marks.marks.read.len(),
        1,
        "the read made meanwhile stays"
    );
}

#[test]
fn a_failed_save_is_said_once_and_listed_with_the_warnings() {
    let mut app = on_first_article();
    update(
        &mut app,
        Action::MarksSaveFailed("/ro/marks.json: cannot write".into()),
    );
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("/ro/marks.json"))
    );
    update(
        &mut app,
        Action::MarksSaveFailed("/ro/marks.json: cannot write".into()),
    );
    assert_eq!(app.warnings().count(), app.timeline.warnings.len() + 1);
    ch(&mut app, 'w');
    assert!(matches!(app.overlay, Some(Overlay::Warnings(_))));
    let text = screen(&mut app);
    assert!(text.contains("kept until quit"), "{text}");
    // Marks still work.
    press(&mut app, KeyCode::Esc);
    ch(&mut app, 'm');
    assert!(
        app.marks
            .is_bookmarked(app.selected_article().expect("an article"))
    );
}

#[test]
fn a_damaged_marks_file_is_a_warning_and_fresh_marks() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("marks.json");
    std::fs::write(&path, "{\"version\": 1, \"read\": [\u{1b}").expect("write");
    let mut app = App::new(fixture::sample());
    let kept = ui::tui::load_marks(&mut app, Some(path.clone()));
    assert_eq!(kept.as_deref(), Some(path.as_path()));
    assert!(app.marks.persist);
    assert_eq!(app.marks.marks, Marks::default());
    assert!(file::aside_path(&path).exists());
    let text = screen(&mut app);
    assert!(
        text.contains("not a marks file"),
        "the status line says so:\n{text}"
    );
    assert!(text.contains("1 warning"), "{text}");
    ch(&mut app, 'w');
    let text = screen(&mut app);
    assert!(text.contains("marks.json.corrupt"), "{text}");
    assert!(!text.contains('\u{1b}'));
}

#[test]
fn without_a_state_folder_marks_last_until_quit() {
    let mut app = App::new(fixture::sample());
    assert_eq!(ui::tui::load_marks(&mut app, None), None);
    assert!(!app.marks.persist);
    assert_eq!(app.warnings().count(), 1);
    ch(&mut app, 'm');
    assert!(
        app.effects
            .iter()
            .all(|e| !matches!(e, Effect::SaveMarks { .. }))
    );
}

#[test]
fn the_about_overlay_counts_unread_and_bookmarks() {
    let mut app = on_first_article();
    press(&mut app, KeyCode::Tab);
    ch(&mut app, 'm');
    ch(&mut app, 'i');
    let text = screen(&mut app);
    let n = app.timeline.articles.len();
    assert!(
        text.lines()
            .any(|l| l.contains("unread") && l.contains(&(n - 1).to_string())),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.contains("bookmarks") && l.contains('1')),
        "{text}"
    );
}
