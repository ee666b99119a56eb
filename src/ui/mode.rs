//! Which overlay, if any, sits on top of the views: one enum, so "is
//! something open, which, and what do the keys do now" is answered in one
//! place (`App::context`). A leaf: it names no `App`, so the key table and
//! the actions can name an overlay without reaching the state above it.
//! The table that ties each variant to its text and title reads the state
//! and so sits in `state::overlays`: a new overlay is one variant and its
//! arms here, its arms and one file there, and its lines in the key table
//! (`keys`, which also says which part of the table applies while it is
//! open). Drawing, scrolling
//! and closing are shared by all (`ui::view::popup`, `update::overlays`).

/// What is on top, and so takes the keys (`App::top`): the screens stack
/// as list or detail pane, then side by side over them, then the filter
/// bar's focus, then the `:` command line, then a call's note line, then
/// an overlay. Kept as that stack in `App` (`focus`, `side`, `command`,
/// `note`, `overlay`) because each layer returns to the one below when it
/// closes (Esc in side by side gives back the pane that had the focus);
/// this enum is the one answer to "which is on top".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Top {
    Overlay(Overlay),
    /// The one-line note on a call (`a`), while typing.
    Note,
    /// The `:` command line.
    Command,
    /// The prompt of `/` inside the article, while typing.
    TextSearch,
    Filter,
    Side,
    Detail,
    List,
}

/// An overlay over the timeline, detail or side-by-side view. Only one is
/// open at a time: each is opened from the views and closed by Esc.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// `?`: every key; holds the scroll.
    Help(usize),
    /// `w`: the load warnings; holds the scroll.
    Warnings(usize),
    /// `i`: what is loaded (corpus, counts) and the hotline version.
    About,
    /// `t`, `:stats`: the statistics screen (calls per year and
    /// counterpart, durations, outlets); holds the scroll. Drawn by
    /// `view::stats` over the whole screen, charts and all, rather than as
    /// a popup of text.
    Stats(usize),
    /// `'`: the bookmarked articles; holds the selected one (Enter goes
    /// to it). One line each, so the selection is also the scroll.
    Bookmarks(usize),
}

impl Overlay {
    /// The same overlay, whatever its scroll: toggling it closes it.
    pub fn same_kind(self, other: Overlay) -> bool {
        std::mem::discriminant(&self) == std::mem::discriminant(&other)
    }

    /// What its rows count, in the "3–12 of 40…" note.
    pub fn unit(self) -> &'static str {
        match self {
            Overlay::Warnings(_) | Overlay::Stats(_) => " lines",
            Overlay::Bookmarks(_) => " bookmarks",
            Overlay::Help(_) | Overlay::About => "",
        }
    }

    /// Its scroll, for one that scrolls.
    pub fn scroll(self) -> Option<usize> {
        match self {
            Overlay::Help(s) | Overlay::Warnings(s) | Overlay::Stats(s) | Overlay::Bookmarks(s) => {
                Some(s)
            }
            Overlay::About => None,
        }
    }

    /// The same overlay scrolled to `s` (one that does not scroll stays).
    pub fn with_scroll(self, s: usize) -> Overlay {
        match self {
            Overlay::Help(_) => Overlay::Help(s),
            Overlay::Warnings(_) => Overlay::Warnings(s),
            Overlay::Bookmarks(_) => Overlay::Bookmarks(s),
            Overlay::About => Overlay::About,
            Overlay::Stats(_) => Overlay::Stats(s),
        }
    }
}
