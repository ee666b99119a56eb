//! The run loop: draw, wait for a message, update, hand the effects on.
//! Generic over the ratatui backend and over whatever performs the
//! effects, so tests drive it with `TestBackend` and a fake; `tui` gives
//! it the real terminal and threads.

use std::sync::Arc;
use std::sync::mpsc::Receiver;

use anyhow::Result;
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::Event;

use super::action::{Action, Effect, Reloaded};
use super::view::render;
use super::{event as ev, update};
use crate::model::Timeline;
use crate::ui::state::app::App;

/// Messages applied between two frames at most.
const MAX_BATCH: usize = 256;

/// What reaches the run loop.
#[derive(Debug)]
pub enum Msg {
    Event(Event),
    Action(Action),
    /// A termination signal: restore the terminal and leave.
    Signal(i32),
}

/// Does the work `update` asks for: matching, reloading, indexing.
pub trait Effects {
    fn perform(&mut self, effect: Effect);

    /// A new corpus and its index are in (a reload, or the index of the
    /// corpus shown): matchers bound to the old ones must follow.
    fn reloaded(&mut self, _reloaded: &Reloaded) {}

    /// The first load is in (its index is asked for next).
    fn loaded(&mut self, _timeline: &Arc<Timeline>) {}

    /// Whether an effect drew over the screen (a pager or editor ran):
    /// the next frame is then drawn whole. Asking resets it.
    fn take_redraw(&mut self) -> bool {
        false
    }
}

/// Draw, wait for a message, update, repeat. Messages that arrived while
/// drawing are all applied before the next frame, so typing never queues
/// behind rendering. Work the app asked for before the loop (such as
/// `Effect::BuildIndex` from `App::new_indexing`) starts before the first
/// frame. Returns the final state and the signal that ended the loop, if
/// one did.
pub fn run_loop<B, E>(
    terminal: &mut Terminal<B>,
    mut app: App,
    rx: &Receiver<Msg>,
    effects: &mut E,
) -> Result<(App, Option<i32>)>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
    E: Effects,
{
    let size = terminal.size()?;
    update(&mut app, Action::Resize(size.width, size.height));
    for effect in std::mem::take(&mut app.effects) {
        effects.perform(effect);
    }
    loop {
        terminal.draw(|frame| render(frame, &app))?;
        let Ok(first) = rx.recv() else {
            return Ok((app, None));
        };
        let mut next = Some(first);
        let mut handled = 0;
        while let Some(msg) = next {
            handled += 1;
            match msg {
                Msg::Signal(sig) => return Ok((app, Some(sig))),
                Msg::Event(event) => {
                    if let Some(action) = ev::action_for(&app, &event) {
                        update(&mut app, action);
                    }
                }
                Msg::Action(action) => {
                    match &action {
                        Action::Reloaded(r) => effects.reloaded(r),
                        Action::Loaded(t) => effects.loaded(t),
                        // Only the index of the corpus shown: a reload may
                        // have overtaken it.
                        Action::IndexReady(r) if Arc::ptr_eq(&r.timeline, &app.timeline) => {
                            effects.reloaded(r)
                        }
                        _ => {}
                    }
                    update(&mut app, action);
                }
            }
            for effect in std::mem::take(&mut app.effects) {
                effects.perform(effect);
            }
            if effects.take_redraw() {
                terminal.clear()?;
            }
            if app.should_quit {
                return Ok((app, None));
            }
            // Redraw at least every so many messages, even under a flood.
            next = if handled < MAX_BATCH {
                rx.try_recv().ok()
            } else {
                None
            };
        }
    }
}
