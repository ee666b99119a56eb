//! The browser with a config file's keys and colours, on a `TestBackend`:
//! the help overlay and the hint line show the bindings in force, the keys
//! act, the colours are drawn, and NO_COLOR still draws none.

use std::path::Path;
use std::sync::Arc;

use hotline::config::Config;
use hotline::ui::fixture;
use hotline::ui::keymap::Keymap;
use hotline::ui::{self, Action, App, Theme, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Color;

const CONFIG: &str = "\
[keys.browse]
toggle-help = [\"F1\"]
[keys.list]
move-down = [\"x\", \"Down\"]
close = [\"Ctrl-q\"]
[keys.help]
toggle-help = [\"Esc\", \"F1\"]
[theme]
accent = \"#ff8800\"
";

fn config() -> Config {
    Config::parse(CONFIG, Path::new("/c/hotline/config.toml"), None).expect("valid config")
}

fn app(theme: Theme) -> App {
    let config = config();
    App::new(fixture::sample())
        .with_keymap(config.keymap.clone())
        .with_theme(theme.with_palette(config.palette))
}

fn terminal(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    update(app, Action::Resize(w, h));
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    t.draw(|f| ui::render(f, app)).expect("draw");
    t
}

fn press(app: &mut App, code: KeyCode) {
    let event = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
    if let Some(action) = ui::event::action_for(app, &event) {
        update(app, action);
    }
}

#[test]
fn help_overlay_with_a_rebound_key() {
    let mut app = app(Theme::color());
    press(&mut app, KeyCode::F(1));
    let screen = terminal(&mut app, 120, 40).backend().to_string();
    assert!(screen.contains("F1"), "{screen}");
    insta::assert_snapshot!(screen);
    press(&mut app, KeyCode::F(1));
    assert!(app.overlay.is_none(), "F1 closes it again");
}

#[test]
fn the_hint_line_and_the_keys_follow_the_config() {
    let mut app = app(Theme::color());
    let screen = terminal(&mut app, 120, 40).backend().to_string();
    let hints = screen.lines().last().unwrap_or_default().to_string();
    assert!(hints.contains("x/↓ move"), "{hints}");
    assert!(hints.contains("Ctrl-q quit"), "{hints}");
    assert!(hints.contains("F1 help"), "{hints}");
    insta::assert_snapshot!("hint_line_rebound", hints.trim_end());
    // `?` is no longer help; `x` moves, `j` does not.
    press(&mut app, KeyCode::Char('?'));
    assert!(app.overlay.is_none());
    let first = app.selected;
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.selected, first);
    press(&mut app, KeyCode::Char('x'));
    assert_ne!(app.selected, first);
    // `q` no longer quits from the list; Ctrl-q does.
    press(&mut app, KeyCode::Char('q'));
    assert!(!app.should_quit);
    let ctrl_q = Event::Key(KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL));
    if let Some(action) = ui::event::action_for(&app, &ctrl_q) {
        update(&mut app, action);
    }
    assert!(app.should_quit);
}

#[test]
fn every_binding_in_force_is_in_the_help() {
    let mut app = app(Theme::color());
    update(&mut app, Action::ToggleHelp);
    let lines: Vec<String> = ui::help::lines(&app)
        .iter()
        .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect();
    for e in app.keymap.entries() {
        let keys = hotline::ui::keymap::keys_label(e);
        assert!(
            lines
                .iter()
                .any(|l| l.contains(e.help) && l.contains(&keys)),
            "help misses {keys} {:?}",
            e.help
        );
    }
    assert!(
        !lines
            .iter()
            .any(|l| l.contains("j ↓") && l.contains("next row"))
    );
}

#[test]
fn the_accent_colour_is_drawn_and_no_color_still_wins() {
    let mut coloured = app(Theme::color());
    let t = terminal(&mut coloured, 100, 24);
    let orange = Color::Rgb(0xff, 0x88, 0);
    assert!(
        t.backend()
            .buffer()
            .content
            .iter()
            .any(|c| c.fg == orange || c.bg == orange),
        "the accent colour is not drawn"
    );
    let mut mono = app(Theme::mono());
    let t = terminal(&mut mono, 100, 24);
    for cell in &t.backend().buffer().content {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset));
    }
}

#[test]
fn the_default_keymap_is_the_key_table() {
    let app = App::new(fixture::sample());
    assert!(app.keymap.is_default());
    assert!(Arc::ptr_eq(&app.keymap, &Keymap::defaults()));
}
