//! Open and copy: `y` / `Y` ask the run loop to copy the call id / the
//! article's path (OSC 52) and say what was copied or why nothing was;
//! `o` / `e` ask for the pager / editor on the article's file, or on a
//! read-only copy of a built-in article; the editor's return reloads the
//! corpus. `update` only asks: these tests read the effects it leaves.

use hotline::model::Timeline;
use hotline::ui::action::{OpenFile, Program};
use hotline::ui::fixture;
use hotline::ui::keys;
use hotline::ui::{self, Action, App, Effect, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn press(app: &mut App, c: char) {
    let event = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    if let Some(action) = keys::action_for(app.context(), event) {
        update(app, action);
    }
}

fn screen(app: &mut App, w: u16, h: u16) -> String {
    update(app, Action::Resize(w, h));
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    t.draw(|f| ui::render(f, app)).expect("draw");
    t.backend().to_string()
}

/// The embedded corpus's paths, as the loader writes them.
fn built_in(mut t: Timeline) -> Timeline {
    for a in &mut t.articles {
        a.path = format!("embedded:{}", a.file());
    }
    t
}

#[test]
fn y_copies_the_selected_call_s_id_and_says_so() {
    let mut app = App::new(fixture::sample());
    let id = app
        .selected_call()
        .map(|c| app.timeline.calls[c].id.clone())
        .expect("a call is selected at start");
    press(&mut app, 'y');
    assert_eq!(app.effects, vec![Effect::Copy(id.clone())]);
    assert_eq!(app.message, Some(format!("copied call id {id}")));
    insta::assert_snapshot!(screen(&mut app, 80, 24));
}

#[test]
fn y_on_an_era_row_copies_nothing_and_says_why() {
    let mut app = App::new(fixture::sample());
    update(&mut app, Action::FirstCall);
    assert!(app.selected_call().is_none(), "the first row is an era");
    press(&mut app, 'y');
    assert!(app.effects.is_empty());
    let said = app.message.clone().unwrap_or_default();
    assert!(said.starts_with("nothing copied"), "{said}");
}

#[test]
fn shift_y_copies_the_article_path_but_not_of_the_built_in_corpus() {
    let mut app = App::new(fixture::sample());
    let path = app
        .selected_article()
        .map(|a| app.timeline.articles[a].path.clone())
        .expect("an article is shown");
    press(&mut app, 'Y');
    assert_eq!(app.effects, vec![Effect::Copy(path.clone())]);
    assert_eq!(app.message, Some(format!("copied path {path}")));

    let mut app = App::new(built_in(fixture::sample()));
    press(&mut app, 'Y');
    assert!(app.effects.is_empty());
    let said = app.message.clone().unwrap_or_default();
    assert!(said.contains("built-in corpus has no files"), "{said}");
}

#[test]
fn copied_text_and_the_status_line_carry_no_control_codes() {
    let mut t = fixture::sample();
    t.calls[0].id = "2025-06-10-lee-xi\x1b]52;c;ZXZpbA==\x07".into();
    for a in &mut t.articles {
        a.path = "clips/\x1b[2Jevil\x07.txt".into();
    }
    let mut app = App::new(t);
    assert_eq!(app.selected_call(), Some(0));
    for key in ['y', 'Y'] {
        app.effects.clear();
        press(&mut app, key);
        let Some(Effect::Copy(text)) = app.effects.first() else {
            panic!("{key}: nothing copied: {:?}", app.message);
        };
        assert!(!text.chars().any(|c| c.is_control()), "{key}: {text:?}");
        let said = app.message.clone().unwrap_or_default();
        assert!(!said.chars().any(|c| c.is_control()), "{key}: {said:?}");
    }
}

#[test]
fn o_and_e_ask_for_the_pager_and_editor_on_the_file() {
    let mut app = App::new(fixture::sample());
    let path = app
        .selected_article()
        .map(|a| app.timeline.articles[a].path.clone())
        .expect("an article is shown");
    for (key, program) in [('o', Program::Pager), ('e', Program::Editor)] {
        app.effects.clear();
        press(&mut app, key);
        assert_eq!(
            app.effects,
            vec![Effect::Run {
                program,
                file: OpenFile::Path(path.clone())
            }],
            "{key}"
        );
    }
}

#[test]
fn a_built_in_article_opens_as_a_read_only_copy_of_its_text() {
    let mut app = App::new(built_in(fixture::sample()));
    press(&mut app, 'e');
    let Some(Effect::Run {
        program: Program::Editor,
        file: OpenFile::Text { name, text },
    }) = app.effects.first().cloned()
    else {
        panic!("{:?}", app.effects);
    };
    let article = app
        .selected_article()
        .map(|a| app.timeline.articles[a].clone())
        .expect("an article");
    assert_eq!(name, article.file());
    assert!(text.starts_with(&article.title), "{text}");
    assert!(
        text.contains(article.paragraphs.get(0).unwrap().text),
        "{text}"
    );
    let said = app.message.clone().unwrap_or_default();
    assert!(said.contains("read-only copy"), "{said}");
}

#[test]
fn the_editor_s_return_reloads_the_corpus_and_a_failed_start_says_why() {
    let mut app = App::new(fixture::sample());
    update(
        &mut app,
        Action::ProgramDone {
            message: "back from vi".into(),
            reload: true,
        },
    );
    assert_eq!(app.effects, vec![Effect::Reload]);
    assert!(app.load.reloading());
    assert_eq!(app.message.as_deref(), Some("back from vi · reloading…"));

    let mut app = App::new(fixture::sample());
    update(
        &mut app,
        Action::ProgramDone {
            message: "cannot start nvim\x1b[31m: No such file".into(),
            reload: false,
        },
    );
    assert!(app.effects.is_empty());
    let said = app.message.clone().unwrap_or_default();
    assert!(said.starts_with("cannot start nvim"), "{said}");
    assert!(!said.contains('\x1b'), "{said:?}");
    insta::assert_snapshot!(screen(&mut app, 80, 24));
}

#[test]
fn the_keys_are_in_the_help() {
    let md = keys::markdown();
    for line in [
        "| `o` | open the article in $PAGER",
        "| `e` | edit the article in $EDITOR",
        "| `y` | copy the call's id",
        "| `Y` | copy the article's file path",
        "| `t` | statistics",
    ] {
        assert!(md.contains(line), "{line}");
    }
}
