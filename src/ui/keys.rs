//! The one key table. The event handler looks keys up here, the `?` help
//! overlay and the hint line are generated from it: there is no second list
//! that could drift.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{Action, Edit, Motion, Program};
use crate::ui::mode::Overlay;

/// Where a binding applies. `Browse` covers both the timeline list and the
/// detail pane; `Global` applies everywhere, even while typing a filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Browse,
    /// Every view and overlay, but not the filter or command line.
    Views,
    List,
    Detail,
    Filter,
    Command,
    TextSearch,
    /// Editing keys shared by the command line and the in-text search.
    Line,
    Side,
    Help,
    Warnings,
    About,
    /// The statistics screen (`t`).
    Stats,
    /// The `'` list of bookmarks.
    Bookmarks,
    /// Writing a call's note (`a`).
    Note,
    Global,
}

impl Context {
    pub const ALL: [Context; 16] = [
        Context::Browse,
        Context::Views,
        Context::List,
        Context::Detail,
        Context::Filter,
        Context::Command,
        Context::TextSearch,
        Context::Line,
        Context::Side,
        Context::Help,
        Context::Warnings,
        Context::About,
        Context::Stats,
        Context::Bookmarks,
        Context::Note,
        Context::Global,
    ];

    /// The part of the table that applies while `overlay` is open.
    pub fn of_overlay(overlay: Overlay) -> Context {
        match overlay {
            Overlay::Help(_) => Context::Help,
            Overlay::Warnings(_) => Context::Warnings,
            Overlay::About => Context::About,
            Overlay::Stats(_) => Context::Stats,
            Overlay::Bookmarks(_) => Context::Bookmarks,
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Context::Browse => "Timeline and detail",
            Context::Views => "Anywhere but the filter bar",
            Context::List => "Timeline list",
            Context::Detail => "Detail pane",
            Context::Filter => "Filter bar",
            Context::Command => "Command line (:)",
            Context::TextSearch => "Search in the text (/ in a pane)",
            Context::Line => "Editing the : or / line",
            Context::Side => "Side by side",
            Context::Help => "This help",
            Context::Warnings => "Load warnings",
            Context::About => "About",
            Context::Stats => "Statistics",
            Context::Bookmarks => "Bookmarks (')",
            Context::Note => "Note on a call (a)",
            Context::Global => "Anywhere",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    const fn ch(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            mods: KeyModifiers::NONE,
        }
    }

    const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            mods: KeyModifiers::CONTROL,
        }
    }

    const fn code(code: KeyCode) -> Key {
        Key {
            code,
            mods: KeyModifiers::NONE,
        }
    }

    /// How the key is written in help and hints.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Delete => "Del".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.mods.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{base}")
        } else if self.mods.contains(KeyModifiers::ALT) {
            format!("Alt-{base}")
        } else {
            base
        }
    }
}

/// One row of the key table.
#[derive(Debug)]
pub struct Binding {
    pub context: Context,
    /// Empty for "any other character" (typing in the filter bar).
    pub keys: &'static [Key],
    pub action: Action,
    /// The line in the help overlay.
    pub help: &'static str,
    /// The short form on the hint line; empty when the binding has none.
    pub hint: &'static str,
}

use Context as C;
use KeyCode as K;

const fn b(
    context: Context,
    keys: &'static [Key],
    action: Action,
    help: &'static str,
    hint: &'static str,
) -> Binding {
    Binding {
        context,
        keys,
        action,
        help,
        hint,
    }
}

#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    // Anywhere.
    b(C::Global, &[Key::ctrl('c')], Action::Quit, "quit at once", ""),
    // Everywhere but while typing.
    b(C::Views, &[Key::ch('Q')], Action::Quit, "quit at once", ""),
    // Timeline and detail.
    b(C::Browse, &[Key::ch('?')], Action::ToggleHelp, "help: every key", "? help"),
    b(C::Browse, &[Key::ch(':')], Action::OpenCommand, "go to: :2020-05 a date, :moon an era, :stats, :q, :help", ""),
    b(C::Browse, &[Key::ch('f')], Action::FocusFilter, "filter the corpus, from the list or the article", ""),
    b(C::Browse, &[Key::code(K::Tab)], Action::FocusNext, "switch focus: timeline ↔ detail", "Tab focus"),
    b(C::Browse, &[Key::code(K::BackTab)], Action::FocusPrev, "switch focus back", ""),
    b(C::Browse, &[Key::ch('[')], Action::PrevEra, "previous (older) era", "[ ] era"),
    b(C::Browse, &[Key::ch(']')], Action::NextEra, "next (newer) era", ""),
    b(C::Browse, &[Key::ch('c')], Action::CycleCounterpart, "counterpart shown: all, then each", "c counterpart"),
    b(C::Browse, &[Key::ch('n')], Action::NextHit, "next hit in the article: of / in the text, else of the filter", "n/N hit"),
    b(C::Browse, &[Key::ch('N')], Action::PrevHit, "previous hit in the article", ""),
    b(C::Browse, &[Key::ch('p')], Action::Pin, "pin the current article (again: unpin)", "p pin"),
    b(C::Browse, &[Key::ch('s')], Action::SideBySide, "side by side: pinned and current article", "s side-by-side"),
    b(C::Browse, &[Key::ch('v')], Action::ToggleEvidence, "evidence: where each fact was read", ""),
    b(C::Browse, &[Key::ch('O')], Action::OpenUrl, "open the article's web address in the browser", ""),
    b(C::Browse, &[Key::ch('F')], Action::ToggleFacts, "facts: all, or two lines on a small screen", ""),
    b(C::Browse, &[Key::ch('R')], Action::Reload, "reload the corpus from disk", ""),
    b(C::Browse, &[Key::ch('w')], Action::ToggleWarnings, "show the load warnings", ""),
    b(C::Browse, &[Key::ch('i')], Action::ToggleOverlay(Overlay::About), "about: corpus, counts, version", ""),
    b(C::Browse, &[Key::ch(' ')], Action::ScrollDetail(Motion::PageDown), "article: page down", ""),
    b(C::Browse, &[Key::ch('b')], Action::ScrollDetail(Motion::PageUp), "article: page up", ""),
    b(C::Browse, &[Key::code(K::Esc)], Action::Back, "clear the filter", ""),
    // Open and copy, statistics (issue 15).
    b(C::Browse, &[Key::ch('o')], Action::OpenArticle(Program::Pager), "open the article in $PAGER (less -R)", ""),
    b(C::Browse, &[Key::ch('e')], Action::OpenArticle(Program::Editor), "edit the article in $EDITOR (vi), then reload", ""),
    b(C::Browse, &[Key::ch('y')], Action::CopyCallId, "copy the call's id (OSC 52)", ""),
    b(C::Browse, &[Key::ch('Y')], Action::CopyPath, "copy the article's file path", ""),
    b(C::Browse, &[Key::ch('t')], Action::ToggleOverlay(Overlay::Stats(0)), "statistics: calls per year, durations, outlets", ""),
    // Timeline list.
    b(C::List, &[Key::ch('j'), Key::code(K::Down)], Action::Move(Motion::Down), "next row", "j/k move"),
    b(C::List, &[Key::ch('k'), Key::code(K::Up)], Action::Move(Motion::Up), "previous row", ""),
    b(C::List, &[Key::code(K::PageDown)], Action::Move(Motion::PageDown), "page down", ""),
    b(C::List, &[Key::code(K::PageUp)], Action::Move(Motion::PageUp), "page up", ""),
    b(C::List, &[Key::ctrl('d')], Action::Move(Motion::HalfDown), "half a page down", ""),
    b(C::List, &[Key::ctrl('u')], Action::Move(Motion::HalfUp), "half a page up", ""),
    b(C::List, &[Key::ch('g'), Key::code(K::Home)], Action::FirstCall, "first row (the newest)", ""),
    b(C::List, &[Key::ch('G'), Key::code(K::End)], Action::LastCall, "last row (the oldest)", ""),
    b(C::List, &[Key::code(K::Enter)], Action::Toggle, "expand / collapse", "Enter open"),
    b(C::List, &[Key::ch('l'), Key::code(K::Right)], Action::Expand, "expand; on an article: read it", ""),
    b(C::List, &[Key::ch('h'), Key::code(K::Left)], Action::Collapse, "collapse; go to the parent row", ""),
    b(C::List, &[Key::ch('q')], Action::Close, "quit (elsewhere q closes what is on top)", "q quit"),
    b(C::List, &[Key::ch('/')], Action::FocusFilter, "filter the corpus (live as you type)", "/ filter"),
    // Detail pane.
    b(C::Detail, &[Key::ch('j'), Key::code(K::Down)], Action::Move(Motion::Down), "scroll down a line", "j/k scroll"),
    b(C::Detail, &[Key::ch('/')], Action::OpenTextSearch, "search inside the text (f: the corpus filter)", "/ search text"),
    b(C::Detail, &[Key::ch('k'), Key::code(K::Up)], Action::Move(Motion::Up), "scroll up a line", ""),
    b(C::Detail, &[Key::code(K::PageDown)], Action::Move(Motion::PageDown), "page down", ""),
    b(C::Detail, &[Key::code(K::PageUp)], Action::Move(Motion::PageUp), "page up", ""),
    b(C::Detail, &[Key::ctrl('d')], Action::Move(Motion::HalfDown), "half a page down", ""),
    b(C::Detail, &[Key::ctrl('u')], Action::Move(Motion::HalfUp), "half a page up", ""),
    b(C::Detail, &[Key::ch('g'), Key::code(K::Home)], Action::Move(Motion::Top), "top of the article", ""),
    b(C::Detail, &[Key::ch('G'), Key::code(K::End)], Action::Move(Motion::Bottom), "end of the article", ""),
    b(C::Detail, &[Key::ch('h'), Key::code(K::Left), Key::ch('q')], Action::Close, "back to the timeline", "q back"),
    // Filter bar.
    b(C::Filter, &[], Action::Edit(Edit::Insert(' ')), "type: words ANDed; 'exact !not src: era: with: year: topic: is:", "type to filter"),
    b(C::Filter, &[Key::code(K::Enter)], Action::FilterAccept, "keep the filter, back to the list", "Enter keep"),
    b(C::Filter, &[Key::code(K::Esc)], Action::FilterCancel, "clear the filter", "Esc clear"),
    b(C::Filter, &[Key::code(K::Backspace)], Action::Edit(Edit::Backspace), "delete the character before the cursor", ""),
    b(C::Filter, &[Key::code(K::Delete)], Action::Edit(Edit::Delete), "delete the character under the cursor", ""),
    b(C::Filter, &[Key::code(K::Left)], Action::Edit(Edit::Left), "cursor left", ""),
    b(C::Filter, &[Key::code(K::Right)], Action::Edit(Edit::Right), "cursor right", ""),
    b(C::Filter, &[Key::ctrl('a'), Key::code(K::Home)], Action::Edit(Edit::Home), "start of the line", ""),
    b(C::Filter, &[Key::ctrl('e'), Key::code(K::End)], Action::Edit(Edit::End), "end of the line", ""),
    b(C::Filter, &[Key::ctrl('u')], Action::Edit(Edit::KillToStart), "delete to the start of the line", "Ctrl-u erase"),
    b(C::Filter, &[Key::ctrl('w')], Action::Edit(Edit::KillWord), "delete the word before the cursor", "Ctrl-w word"),
    b(C::Filter, &[Key::code(K::Down), Key::ctrl('n')], Action::Move(Motion::Down), "next row of the list", "↓/↑ move"),
    b(C::Filter, &[Key::code(K::Up), Key::ctrl('p')], Action::Move(Motion::Up), "previous row of the list", ""),
    // Command line.
    b(C::Command, &[], Action::Edit(Edit::Insert(' ')), "type: 2020-05-13, 2020-05 or 2020 (nearest call), a leader (era), stats, q, help", "type a date or leader"),
    b(C::Command, &[Key::code(K::Enter)], Action::CommandRun, "go there", "Enter go"),
    b(C::Command, &[Key::code(K::Esc)], Action::CommandCancel, "close the command line", "Esc close"),
    b(C::Command, &[Key::code(K::Tab)], Action::CommandComplete, "complete a command, leader or year", "Tab complete"),
    b(C::Line, &[Key::code(K::Backspace)], Action::Edit(Edit::Backspace), "delete the character before the cursor", ""),
    b(C::Line, &[Key::code(K::Delete)], Action::Edit(Edit::Delete), "delete the character under the cursor", ""),
    b(C::Line, &[Key::code(K::Left)], Action::Edit(Edit::Left), "cursor left", ""),
    b(C::Line, &[Key::code(K::Right)], Action::Edit(Edit::Right), "cursor right", ""),
    b(C::Line, &[Key::ctrl('a'), Key::code(K::Home)], Action::Edit(Edit::Home), "start of the line", ""),
    b(C::Line, &[Key::ctrl('e'), Key::code(K::End)], Action::Edit(Edit::End), "end of the line", ""),
    b(C::Line, &[Key::ctrl('u')], Action::Edit(Edit::KillToStart), "delete to the start of the line", ""),
    b(C::Line, &[Key::ctrl('w')], Action::Edit(Edit::KillWord), "delete the word before the cursor", ""),
    // Search in the text.
    b(C::TextSearch, &[], Action::Edit(Edit::Insert(' ')), "type: the text is searched as you type (a capital: case counts)", "type to search the text"),
    b(C::TextSearch, &[Key::code(K::Enter)], Action::TextSearchAccept, "keep the search: n/N step through it", "Enter keep"),
    b(C::TextSearch, &[Key::code(K::Esc)], Action::TextSearchCancel, "drop the search", "Esc drop"),
    // Side by side.
    b(C::Side, &[Key::ch('j'), Key::code(K::Down)], Action::Move(Motion::Down), "scroll down a line", "j/k scroll"),
    b(C::Side, &[Key::ch('k'), Key::code(K::Up)], Action::Move(Motion::Up), "scroll up a line", ""),
    b(C::Side, &[Key::code(K::PageDown), Key::ch(' ')], Action::Move(Motion::PageDown), "page down", ""),
    b(C::Side, &[Key::code(K::PageUp), Key::ch('b')], Action::Move(Motion::PageUp), "page up", ""),
    b(C::Side, &[Key::ctrl('d')], Action::Move(Motion::HalfDown), "half a page down", ""),
    b(C::Side, &[Key::ctrl('u')], Action::Move(Motion::HalfUp), "half a page up", ""),
    b(C::Side, &[Key::ch('g'), Key::code(K::Home)], Action::Move(Motion::Top), "top", ""),
    b(C::Side, &[Key::ch('G'), Key::code(K::End)], Action::Move(Motion::Bottom), "end", ""),
    b(C::Side, &[Key::code(K::Tab), Key::code(K::BackTab)], Action::FocusNext, "switch side", "Tab side"),
    b(C::Side, &[Key::ch('S')], Action::ToggleSync, "synchronized scrolling on/off", "S sync"),
    b(C::Side, &[Key::code(K::Esc), Key::ch('s')], Action::Back, "back to the timeline", "Esc/q back"),
    b(C::Side, &[Key::ch('?')], Action::ToggleHelp, "help: every key", "? help"),
    b(C::Side, &[Key::ch('/')], Action::OpenTextSearch, "search inside the focused text", "/ search"),
    b(C::Side, &[Key::ch('n')], Action::NextHit, "next match of the search", ""),
    b(C::Side, &[Key::ch('N')], Action::PrevHit, "previous match of the search", ""),
    b(C::Side, &[Key::ch('f')], Action::FocusFilter, "filter the corpus", ""),
    b(C::Side, &[Key::ch(':')], Action::OpenCommand, "go to a date or an era (:)", ""),
    b(C::Side, &[Key::ch('q')], Action::Close, "back to the timeline", ""),
    // Help.
    b(C::Help, &[Key::code(K::Esc), Key::ch('?'), Key::ch('q')], Action::ToggleHelp, "close this help", "Esc close"),
    b(C::Help, &[Key::ch('j'), Key::code(K::Down)], Action::Move(Motion::Down), "scroll down", "j/k scroll"),
    b(C::Help, &[Key::ch('k'), Key::code(K::Up)], Action::Move(Motion::Up), "scroll up", ""),
    b(C::Help, &[Key::code(K::PageDown), Key::ch(' ')], Action::Move(Motion::PageDown), "page down", ""),
    b(C::Help, &[Key::code(K::PageUp), Key::ch('b')], Action::Move(Motion::PageUp), "page up", ""),
    // Load warnings.
    b(C::Warnings, &[Key::code(K::Esc), Key::ch('w'), Key::ch('q')], Action::ToggleWarnings, "close the warnings", "Esc close"),
    b(C::Warnings, &[Key::ch('j'), Key::code(K::Down)], Action::Move(Motion::Down), "scroll down", "j/k scroll"),
    b(C::Warnings, &[Key::ch('k'), Key::code(K::Up)], Action::Move(Motion::Up), "scroll up", ""),
    b(C::Warnings, &[Key::code(K::PageDown), Key::ch(' ')], Action::Move(Motion::PageDown), "page down", ""),
    b(C::Warnings, &[Key::code(K::PageUp), Key::ch('b')], Action::Move(Motion::PageUp), "page up", ""),
    b(C::Warnings, &[Key::ch('g'), Key::code(K::Home)], Action::Move(Motion::Top), "first warning", ""),
    b(C::Warnings, &[Key::ch('G'), Key::code(K::End)], Action::Move(Motion::Bottom), "last warning", ""),
    // About.
    b(C::About, &[Key::code(K::Esc), Key::ch('i'), Key::ch('q')], Action::ToggleOverlay(Overlay::About), "close this overview", "Esc close"),
    // Statistics (issue 15).
    b(C::Stats, &[Key::code(K::Esc), Key::ch('t'), Key::ch('q')], Action::ToggleOverlay(Overlay::Stats(0)), "close the statistics", "Esc close"),
    b(C::Stats, &[Key::ch('j'), Key::code(K::Down)], Action::Move(Motion::Down), "scroll down", "j/k scroll"),
    b(C::Stats, &[Key::ch('k'), Key::code(K::Up)], Action::Move(Motion::Up), "scroll up", ""),
    b(C::Stats, &[Key::code(K::PageDown), Key::ch(' ')], Action::Move(Motion::PageDown), "page down", ""),
    b(C::Stats, &[Key::code(K::PageUp), Key::ch('b')], Action::Move(Motion::PageUp), "page up", ""),
    b(C::Stats, &[Key::ch('g'), Key::code(K::Home)], Action::Move(Motion::Top), "top", ""),
    b(C::Stats, &[Key::ch('G'), Key::code(K::End)], Action::Move(Motion::Bottom), "end", ""),
    b(C::Stats, &[Key::ch('c')], Action::CycleCounterpart, "counterpart: all, then each", "c counterpart"),
    // Marks: read state, bookmarks, notes (kept in the state folder).
    b(C::Browse, &[Key::ch('m')], Action::ToggleBookmark, "bookmark the current article (again: remove)", ""),
    b(C::Browse, &[Key::ch('\'')], Action::ToggleOverlay(Overlay::Bookmarks(0)), "bookmarks: list them, Enter goes to one", ""),
    b(C::Browse, &[Key::ch('a')], Action::OpenNote, "annotate: write, edit or clear the call's note", ""),
    b(C::Browse, &[Key::ch('U')], Action::ToggleRead, "mark the current article unread (again: read)", ""),
    b(C::Browse, &[Key::ch('A')], Action::MarkAllRead, "mark every article the list shows read (the filter's hits)", ""),
    b(C::Side, &[Key::ch('m')], Action::ToggleBookmark, "bookmark the focused article (again: remove)", ""),
    b(C::Side, &[Key::ch('\'')], Action::ToggleOverlay(Overlay::Bookmarks(0)), "bookmarks", ""),
    b(C::Side, &[Key::ch('a')], Action::OpenNote, "annotate the call of the focused article", ""),
    b(C::Bookmarks, &[Key::code(K::Esc), Key::ch('\''), Key::ch('q')], Action::ToggleOverlay(Overlay::Bookmarks(0)), "close the bookmarks", "Esc close"),
    b(C::Bookmarks, &[Key::ch('j'), Key::code(K::Down)], Action::Move(Motion::Down), "next bookmark", "j/k move"),
    b(C::Bookmarks, &[Key::ch('k'), Key::code(K::Up)], Action::Move(Motion::Up), "previous bookmark", ""),
    b(C::Bookmarks, &[Key::code(K::Enter)], Action::BookmarkJump, "go to the article", "Enter go"),
    b(C::Bookmarks, &[Key::ch('m')], Action::ToggleBookmark, "remove the bookmark", "m remove"),
    b(C::Note, &[], Action::Edit(Edit::Insert(' ')), "type: the note (empty: no note)", "type a note"),
    b(C::Note, &[Key::code(K::Enter)], Action::NoteAccept, "keep the note", "Enter keep"),
    b(C::Note, &[Key::code(K::Esc)], Action::NoteCancel, "leave the note as it was", "Esc cancel"),
];

/// A key event reduced to what the table stores: Shift is folded into the
/// character (`G`, `?`), and terminals that report Ctrl-letters in upper
/// case are matched too.
pub fn normalize(event: KeyEvent) -> Key {
    let mut mods = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
    let code = match event.code {
        KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => {
            KeyCode::Char(c.to_ascii_lowercase())
        }
        KeyCode::BackTab => {
            mods = KeyModifiers::NONE;
            KeyCode::BackTab
        }
        other => other,
    };
    Key { code, mods }
}

/// The contexts searched, most specific first, for a given situation.
pub fn contexts(primary: Context) -> &'static [Context] {
    match primary {
        C::List => &[C::List, C::Browse, C::Views, C::Global],
        C::Detail => &[C::Detail, C::Browse, C::Views, C::Global],
        C::Browse => &[C::Browse, C::Views, C::Global],
        C::Views => &[C::Views, C::Global],
        C::Filter => &[C::Filter, C::Global],
        C::Command => &[C::Command, C::Line, C::Global],
        C::TextSearch => &[C::TextSearch, C::Line, C::Global],
        C::Line => &[C::Line, C::Global],
        C::Side => &[C::Side, C::Views, C::Global],
        C::Help => &[C::Help, C::Views, C::Global],
        C::Warnings => &[C::Warnings, C::Views, C::Global],
        C::About => &[C::About, C::Views, C::Global],
        C::Stats => &[C::Stats, C::Views, C::Global],
        C::Bookmarks => &[C::Bookmarks, C::Views, C::Global],
        C::Note => &[C::Note, C::Line, C::Global],
        C::Global => &[C::Global],
    }
}

/// The binding for `key` where `primary` has focus.
pub fn lookup(primary: Context, key: Key) -> Option<&'static Binding> {
    contexts(primary).iter().find_map(|&ctx| {
        BINDINGS
            .iter()
            .find(|b| b.context == ctx && b.keys.contains(&key))
    })
}

/// The action for a key press, including plain typing in the filter bar.
pub fn action_for(primary: Context, event: KeyEvent) -> Option<Action> {
    let key = normalize(event);
    if let Some(binding) = lookup(primary, key) {
        return Some(binding.action.clone());
    }
    typed(primary, key)
}

/// A plain character typed where a line is being edited (the filter, the
/// command line, the in-text search, a note): the one rule, shared with
/// the keymap in force.
pub fn typed(primary: Context, key: Key) -> Option<Action> {
    match (primary, key.code) {
        (C::Filter | C::Command | C::TextSearch | C::Note, KeyCode::Char(c))
            if key.mods.is_empty() && !c.is_control() =>
        {
            Some(Action::Edit(Edit::Insert(c)))
        }
        _ => None,
    }
}

/// How a binding's keys are written: "j ↓", or "text" for typing.
pub fn keys_label(binding: &Binding) -> String {
    if binding.keys.is_empty() {
        return "text".into();
    }
    binding
        .keys
        .iter()
        .map(Key::label)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The default key table as Markdown (for the README), one table per
/// context. The keys in force may differ: see `keymap::Keymap`.
pub fn markdown() -> String {
    let mut out = String::from(
        "The default keys; a config file's `[keys.<context>]` tables change them \
         (see [Config](#config)), and `?` shows the keys in force.\n\n",
    );
    for ctx in Context::ALL {
        let rows: Vec<&Binding> = BINDINGS.iter().filter(|b| b.context == ctx).collect();
        if rows.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "**{}**\n\n| keys | action |\n| --- | --- |\n",
            ctx.title()
        ));
        for b in rows {
            let keys = keys_label(b).replace('|', "\\|");
            out.push_str(&format!("| `{keys}` | {} |\n", b.help.replace('|', "\\|")));
        }
        out.push('\n');
    }
    out
}

/// The short hints shown for `primary`, in table order.
pub fn hints(primary: Context) -> Vec<&'static str> {
    contexts(primary)
        .iter()
        .flat_map(|&ctx| {
            BINDINGS
                .iter()
                .filter(move |b| b.context == ctx && !b.hint.is_empty())
                .map(|b| b.hint)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventKind;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        let mut e = KeyEvent::new(code, mods);
        e.kind = KeyEventKind::Press;
        e
    }

    /// The help line for typing in the filter bar names the field
    /// prefixes: the query's one FIELDS table decides them, so a new
    /// field fails here until the help says it too.
    #[test]
    fn the_filter_help_lists_every_query_field() {
        let typing = BINDINGS
            .iter()
            .find(|b| b.context == Context::Filter && b.keys.is_empty())
            .map(|b| b.help)
            .unwrap_or_default();
        assert!(
            typing.ends_with(&crate::query::prefix_list(" ")),
            "{typing}"
        );
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for ctx in Context::ALL {
            let mut seen: Vec<Key> = Vec::new();
            for b in BINDINGS.iter().filter(|b| b.context == ctx) {
                for k in b.keys {
                    assert!(!seen.contains(k), "{:?} bound twice in {ctx:?}", k.label());
                    seen.push(*k);
                }
            }
        }
    }

    #[test]
    fn shifted_letters_and_ctrl_keys_are_found() {
        let g = action_for(C::List, press(KeyCode::Char('G'), KeyModifiers::SHIFT));
        assert!(matches!(g, Some(Action::LastCall)));
        let quit = action_for(C::Filter, press(KeyCode::Char('c'), KeyModifiers::CONTROL));
        assert!(matches!(quit, Some(Action::Quit)));
        let typed = action_for(C::Filter, press(KeyCode::Char('q'), KeyModifiers::NONE));
        assert!(matches!(typed, Some(Action::Edit(Edit::Insert('q')))));
        let upper = action_for(C::Filter, press(KeyCode::Char('A'), KeyModifiers::SHIFT));
        assert!(matches!(upper, Some(Action::Edit(Edit::Insert('A')))));
    }

    #[test]
    fn every_context_has_a_way_out() {
        for ctx in [
            C::List,
            C::Detail,
            C::Side,
            C::Help,
            C::Warnings,
            C::About,
            C::Stats,
            C::Bookmarks,
            C::Note,
            C::Filter,
            C::Command,
            C::TextSearch,
        ] {
            let esc = lookup(ctx, Key::code(KeyCode::Esc)).is_some();
            let quit = lookup(ctx, Key::ctrl('c')).is_some();
            assert!(esc || ctx == C::List || ctx == C::Detail, "{ctx:?}");
            assert!(quit, "{ctx:?}");
        }
    }
}
