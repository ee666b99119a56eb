//! Terminal events → `Action`s. Keys go through the one key table; the
//! mouse wheel and clicks carry their position for `update` to hit-test;
//! a bracketed paste carries its text.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};
use ratatui::layout::Rect;

use super::action::Action;
use crate::ui::layout;
use crate::ui::state::app::App;

pub fn action_for(app: &App, event: &Event) -> Option<Action> {
    let (w, h) = app.size;
    if layout::too_small(Rect::new(0, 0, w, h)) {
        return too_small_action(event);
    }
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            app.keymap.action_for(app.context(), *key)
        }
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Action::Wheel {
                column: m.column,
                row: m.row,
                down: true,
            }),
            MouseEventKind::ScrollUp => Some(Action::Wheel {
                column: m.column,
                row: m.row,
                down: false,
            }),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                column: m.column,
                row: m.row,
            }),
            _ => None,
        },
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        // Bracketed paste: `update` inserts it only into a focused filter.
        Event::Paste(text) => Some(Action::Paste(text.clone())),
        _ => None,
    }
}

/// Below the minimum size only the "terminal too small" message shows:
/// nothing behind it may move. Resize, `q`, `Q` and Ctrl-c act (`q`
/// quits: no view is on screen to close); every other key, the mouse and
/// pastes are ignored.
fn too_small_action(event: &Event) -> Option<Action> {
    match event {
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            let mods = key.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
            match key.code {
                KeyCode::Char('q' | 'Q') if mods.is_empty() => Some(Action::Quit),
                KeyCode::Char('c' | 'C') if mods == KeyModifiers::CONTROL => Some(Action::Quit),
                _ => None,
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEvent;

    fn key(code: KeyCode, mods: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(code, mods))
    }

    #[test]
    fn below_the_minimum_size_only_resize_q_and_ctrl_c_act() {
        let mut app = App::new(super::super::fixture::sample());
        super::super::update(&mut app, Action::Resize(30, 8));
        let j = key(KeyCode::Char('j'), KeyModifiers::NONE);
        assert!(
            action_for(&app, &j).is_none(),
            "j must not move a hidden list"
        );
        for inert in [
            key(KeyCode::Char('/'), KeyModifiers::NONE),
            key(KeyCode::Enter, KeyModifiers::NONE),
            key(KeyCode::Char('s'), KeyModifiers::NONE),
            Event::Paste("x".into()),
        ] {
            assert!(action_for(&app, &inert).is_none(), "{inert:?}");
        }
        let q = key(KeyCode::Char('q'), KeyModifiers::NONE);
        assert!(matches!(action_for(&app, &q), Some(Action::Quit)));
        let cc = key(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert!(matches!(action_for(&app, &cc), Some(Action::Quit)));
        let r = Event::Resize(120, 40);
        assert!(matches!(
            action_for(&app, &r),
            Some(Action::Resize(120, 40))
        ));
        // Big enough again: keys act.
        super::super::update(&mut app, Action::Resize(120, 40));
        assert!(matches!(
            action_for(&app, &j),
            Some(Action::Move(super::super::Motion::Down))
        ));
    }
}
