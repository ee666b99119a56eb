//! Styles, in colour or monochrome, and the colour of each role (which the
//! config file's `[theme]` can change). `NO_COLOR` is read once at start-up
//! into `App::theme`; nothing here looks at the environment, so rendering is
//! the same in tests and in every terminal.

use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::BorderType;

/// What a colour is for: the names of the config file's `[theme]` keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Accent,
    Dim,
    Highlight,
    Contrast,
    Era,
    Date,
    Outlet,
    Error,
    Warning,
    Evidence,
}

impl Role {
    pub const ALL: [Role; 10] = [
        Role::Accent,
        Role::Dim,
        Role::Highlight,
        Role::Contrast,
        Role::Era,
        Role::Date,
        Role::Outlet,
        Role::Error,
        Role::Warning,
        Role::Evidence,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Role::Accent => "accent",
            Role::Dim => "dim",
            Role::Highlight => "highlight",
            Role::Contrast => "contrast",
            Role::Era => "era",
            Role::Date => "date",
            Role::Outlet => "outlet",
            Role::Error => "error",
            Role::Warning => "warning",
            Role::Evidence => "evidence",
        }
    }

    /// Where it shows, for the printed default config.
    pub fn describe(self) -> &'static str {
        match self {
            Role::Accent => "focused borders and titles, the selected row, ribbon marks",
            Role::Dim => "secondary text, unfocused borders",
            Role::Highlight => "what a filter matched, the current hit, the selected mark",
            Role::Contrast => "text on an accent or highlight background",
            Role::Era => "era headings",
            Role::Date => "dates",
            Role::Outlet => "outlet names",
            Role::Error => "errors",
            Role::Warning => "warnings",
            Role::Evidence => "the sentences facts were read from",
        }
    }

    fn default_color(self) -> Color {
        match self {
            Role::Accent | Role::Evidence => Color::Cyan,
            Role::Dim => Color::DarkGray,
            Role::Highlight | Role::Warning => Color::Yellow,
            Role::Contrast => Color::Black,
            Role::Era => Color::Magenta,
            Role::Date => Color::Green,
            Role::Outlet => Color::Blue,
            Role::Error => Color::Red,
        }
    }
}

/// A colour for each `Role`, in `Role::ALL` order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette([Color; Role::ALL.len()]);

impl Default for Palette {
    fn default() -> Palette {
        Palette(Role::ALL.map(Role::default_color))
    }
}

impl Palette {
    pub fn get(&self, role: Role) -> Color {
        self.0[role as usize]
    }

    pub fn set(&mut self, role: Role, color: Color) {
        self.0[role as usize] = color;
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Theme {
    /// No colours at all: emphasis by bold, underline and reverse video.
    pub mono: bool,
    /// The colours, when `mono` allows them.
    pub palette: Palette,
}

impl Theme {
    pub fn color() -> Theme {
        Theme::default()
    }

    pub fn mono() -> Theme {
        Theme {
            mono: true,
            ..Theme::default()
        }
    }

    /// `NO_COLOR` set to anything non-empty (<https://no-color.org>).
    pub fn from_no_color(value: Option<&std::ffi::OsStr>) -> Theme {
        Theme {
            mono: value.is_some_and(|v| !v.is_empty()),
            ..Theme::default()
        }
    }

    /// These colours (from the config file); `NO_COLOR` still wins.
    pub fn with_palette(self, palette: Palette) -> Theme {
        Theme { palette, ..self }
    }

    fn c(&self, role: Role) -> Color {
        self.palette.get(role)
    }

    fn pick(&self, color: Style, mono: Style) -> Style {
        if self.mono { mono } else { color }
    }

    pub fn text(&self) -> Style {
        Style::new()
    }

    pub fn dim(&self) -> Style {
        self.pick(
            Style::new().fg(self.c(Role::Dim)),
            Style::new().add_modifier(Modifier::DIM),
        )
    }

    pub fn bold(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn border(&self, focused: bool) -> Style {
        match (focused, self.mono) {
            (true, false) => Style::new().fg(self.c(Role::Accent)),
            (true, true) => Style::new().add_modifier(Modifier::BOLD),
            (false, false) => Style::new().fg(self.c(Role::Dim)),
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
            s.fg(self.c(Role::Accent))
        } else {
            s
        }
    }

    /// The selected row. Reverse video in monochrome.
    pub fn selected(&self, focused: bool) -> Style {
        match (focused, self.mono) {
            (true, false) => Style::new()
                .fg(self.c(Role::Contrast))
                .bg(self.c(Role::Accent)),
            (false, false) => Style::new().bg(self.c(Role::Dim)),
            (_, true) => Style::new().add_modifier(Modifier::REVERSED),
        }
    }

    /// Characters a filter matched.
    pub fn highlight(&self) -> Style {
        self.pick(
            Style::new()
                .fg(self.c(Role::Highlight))
                .add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        )
    }

    /// The hit `n`/`N` landed on.
    pub fn current_hit(&self) -> Style {
        self.pick(
            Style::new()
                .fg(self.c(Role::Contrast))
                .bg(self.c(Role::Highlight))
                .add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        )
    }

    /// A sentence a fact was read from (the evidence view). Underlined in
    /// monochrome, so it stays distinct from the span inside it.
    pub fn evidence_sentence(&self) -> Style {
        self.pick(
            Style::new().fg(self.c(Role::Evidence)),
            Style::new().add_modifier(Modifier::UNDERLINED),
        )
    }

    /// The words inside that sentence stating the fact.
    pub fn evidence_span(&self) -> Style {
        self.pick(
            Style::new()
                .fg(self.c(Role::Contrast))
                .bg(self.c(Role::Evidence))
                .add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        )
    }

    pub fn era(&self) -> Style {
        self.pick(
            Style::new()
                .fg(self.c(Role::Era))
                .add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    pub fn date(&self) -> Style {
        self.pick(Style::new().fg(self.c(Role::Date)), Style::new())
    }

    pub fn outlet(&self) -> Style {
        self.pick(
            Style::new()
                .fg(self.c(Role::Outlet))
                .add_modifier(Modifier::BOLD),
            Style::new(),
        )
    }

    pub fn error(&self) -> Style {
        self.pick(
            Style::new()
                .fg(self.c(Role::Error))
                .add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    pub fn warning(&self) -> Style {
        self.pick(
            Style::new().fg(self.c(Role::Warning)),
            Style::new().add_modifier(Modifier::ITALIC),
        )
    }

    /// A call's mark on the era ribbon.
    pub fn mark(&self) -> Style {
        self.pick(Style::new().fg(self.c(Role::Accent)), Style::new())
    }

    /// The selected call's mark on the ribbon.
    pub fn mark_selected(&self) -> Style {
        self.pick(
            Style::new()
                .fg(self.c(Role::Contrast))
                .bg(self.c(Role::Highlight))
                .add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        )
    }

    /// The era the selection sits in, on the ribbon.
    pub fn era_current(&self) -> Style {
        self.pick(
            Style::new()
                .fg(self.c(Role::Era))
                .add_modifier(Modifier::BOLD),
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
