//! Styles, in colour or monochrome. `NO_COLOR` is read once at start-up
//! into `App::theme`; nothing here looks at the environment, so rendering is
//! the same in tests and in every terminal.

use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::BorderType;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Theme {
    /// No colours at all: emphasis by bold, underline and reverse video.
    pub mono: bool,
}

impl Theme {
    pub fn color() -> Theme {
        Theme { mono: false }
    }

    pub fn mono() -> Theme {
        Theme { mono: true }
    }

    /// `NO_COLOR` set to anything non-empty (<https://no-color.org>).
    pub fn from_no_color(value: Option<&std::ffi::OsStr>) -> Theme {
        Theme {
            mono: value.is_some_and(|v| !v.is_empty()),
        }
    }

    fn pick(&self, color: Style, mono: Style) -> Style {
        if self.mono { mono } else { color }
    }

    pub fn text(&self) -> Style {
        Style::new()
    }

    pub fn dim(&self) -> Style {
        self.pick(
            Style::new().fg(Color::DarkGray),
            Style::new().add_modifier(Modifier::DIM),
        )
    }

    pub fn bold(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn border(&self, focused: bool) -> Style {
        match (focused, self.mono) {
            (true, false) => Style::new().fg(Color::Cyan),
            (true, true) => Style::new().add_modifier(Modifier::BOLD),
            (false, false) => Style::new().fg(Color::DarkGray),
            (false, true) => Style::new(),
        }
    }

    /// Focus is shown by a heavy border in both modes (and colour when allowed).
    pub fn border_type(&self, focused: bool) -> BorderType {
        if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        }
    }

    pub fn title(&self, focused: bool) -> Style {
        let s = Style::new().add_modifier(Modifier::BOLD);
        if focused && !self.mono {
            s.fg(Color::Cyan)
        } else {
            s
        }
    }

    /// The selected row. Reverse video in monochrome.
    pub fn selected(&self, focused: bool) -> Style {
        match (focused, self.mono) {
            (true, false) => Style::new().fg(Color::Black).bg(Color::Cyan),
            (false, false) => Style::new().bg(Color::DarkGray),
            (_, true) => Style::new().add_modifier(Modifier::REVERSED),
        }
    }

    /// Characters a filter matched.
    pub fn highlight(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        )
    }

    /// The hit `n`/`N` landed on.
    pub fn current_hit(&self) -> Style {
        self.pick(
            Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        )
    }

    /// A sentence a fact was read from (the evidence view). Underlined in
    /// monochrome, so it stays distinct from the span inside it.
    pub fn evidence_sentence(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Cyan),
            Style::new().add_modifier(Modifier::UNDERLINED),
        )
    }

    /// The words inside that sentence stating the fact.
    pub fn evidence_span(&self) -> Style {
        self.pick(
            Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        )
    }

    pub fn era(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    pub fn date(&self) -> Style {
        self.pick(Style::new().fg(Color::Green), Style::new())
    }

    pub fn outlet(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            Style::new(),
        )
    }

    pub fn error(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    pub fn warning(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Yellow),
            Style::new().add_modifier(Modifier::ITALIC),
        )
    }

    /// A call's mark on the era ribbon.
    pub fn mark(&self) -> Style {
        self.pick(Style::new().fg(Color::Cyan), Style::new())
    }

    /// The selected call's mark on the ribbon.
    pub fn mark_selected(&self) -> Style {
        self.pick(
            Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        )
    }

    /// The era the selection sits in, on the ribbon.
    pub fn era_current(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        )
    }

    pub fn cursor(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    // Statistics (issue 15).
    /// The colour of the `k`-th counterpart in the statistics charts; in
    /// monochrome none: the labels and markers tell them apart.
    pub fn series(&self, k: usize) -> Style {
        const COLORS: [Color; 6] = [
            Color::Cyan,
            Color::Yellow,
            Color::Magenta,
            Color::Green,
            Color::Blue,
            Color::Red,
        ];
        let color = COLORS.get(k % COLORS.len()).copied().unwrap_or(Color::Cyan);
        self.pick(Style::new().fg(color), Style::new())
    }
}
