//! Snapshots of what tig, less and vim users reach for (issue 15), at
//! 80×24 on the hand-made fixture: the `:` command line being typed and
//! completed, what an unknown command says, and `/` inside the article
//! with its match marked.

use hotline::ui::fixture;
use hotline::ui::{self, Action, App, Edit, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn screen(app: &mut App) -> String {
    update(app, Action::Resize(80, 24));
    let mut t = Terminal::new(TestBackend::new(80, 24)).expect("test backend");
    t.draw(|f| ui::render(f, app)).expect("draw");
    t.backend().to_string()
}

fn type_command(app: &mut App, text: &str) {
    update(app, Action::OpenCommand);
    for c in text.chars() {
        update(app, Action::Edit(Edit::Insert(c)));
    }
}

#[test]
fn command_line_typed_then_completed() {
    let mut app = App::new(fixture::sample());
    type_command(&mut app, "20");
    update(&mut app, Action::CommandComplete);
    let text = screen(&mut app);
    assert!(text.contains(": 202"), "{text}");
    insta::assert_snapshot!("command_line_completed", text);
}

#[test]
fn command_line_jump_and_unknown_command() {
    let mut app = App::new(fixture::sample());
    type_command(&mut app, "2020-05");
    update(&mut app, Action::CommandRun);
    let text = screen(&mut app);
    assert!(text.contains("2020-02-20 · Moon–Xi"), "{text}");
    insta::assert_snapshot!("command_line_jumped", text);
    type_command(&mut app, "nonsense");
    update(&mut app, Action::CommandRun);
    let text = screen(&mut app);
    assert!(text.contains("unknown command :nonsense"), "{text}");
}

#[test]
fn search_inside_the_article_marks_its_matches() {
    let mut app = App::new(fixture::sample()).with_theme(ui::Theme::mono());
    update(&mut app, Action::FocusNext);
    update(&mut app, Action::OpenTextSearch);
    for c in "gyeongju".chars() {
        update(&mut app, Action::Edit(Edit::Insert(c)));
    }
    update(&mut app, Action::Resize(80, 24));
    let mut t = Terminal::new(TestBackend::new(80, 24)).expect("test backend");
    t.draw(|f| ui::render(f, &app)).expect("draw");
    let buf = t.backend().buffer().clone();
    let text = t.backend().to_string();
    assert!(text.contains("search text / gyeongju"), "{text}");
    assert!(text.contains("match 1 of 1"), "{text}");
    insta::assert_snapshot!("text_search_typed", text);
    // The current match, and only it, in reverse video (monochrome).
    let reversed: String = buf
        .content
        .iter()
        .filter(|c| c.modifier.contains(ratatui::style::Modifier::REVERSED) && c.symbol() != " ")
        .map(|c| c.symbol())
        .collect();
    assert!(reversed.contains("Gyeongju"), "{reversed:?}");
}
