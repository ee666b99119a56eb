//! Everything that can happen to the UI, as plain data: key presses become
//! `Action`s through the key table, the matcher and the loader report back
//! with `Action`s, and `update` is the only thing that reads them.
//! Work `update` wants done outside (matching, reloading) comes back out as
//! `Effect`s for the run loop.

use std::sync::Arc;

use crate::model::Timeline;
use crate::query::SearchIndex;

/// A movement, applied to whatever has focus (list, detail, a side pane, help).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Motion {
    Up,
    Down,
    PageUp,
    PageDown,
    HalfUp,
    HalfDown,
    Top,
    Bottom,
}

/// Line editing in the filter bar or the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Insert(char),
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
    /// Ctrl-u: delete from the start of the line to the cursor.
    KillToStart,
    /// Ctrl-w: delete the word before the cursor.
    KillWord,
}

/// The matcher's answer for one filter text (from the worker thread, or
/// computed in place by `update::resolve_searches`).
pub type Matches = crate::query::MatchOutcome;

#[derive(Debug, Clone)]
pub enum Action {
    /// `Q`, Ctrl-c: quit at once.
    Quit,
    /// `q`: close what is on top (overlay, side by side, the detail
    /// focus); quit only from the timeline list (tig).
    Close,
    ToggleHelp,
    Reload,
    FocusFilter,
    FocusNext,
    FocusPrev,
    FocusList,
    CycleCounterpart,
    Pin,
    SideBySide,
    ToggleSync,
    /// Esc outside the filter bar: leave side by side, else clear the filter.
    Back,
    PrevEra,
    NextEra,
    FirstCall,
    LastCall,
    NextHit,
    PrevHit,
    /// Move whatever has focus.
    Move(Motion),
    /// Scroll the detail pane whatever has focus (Space / b from the list).
    ScrollDetail(Motion),
    /// Enter on the list: expand or collapse.
    Toggle,
    Expand,
    Collapse,
    Edit(Edit),
    /// Text pasted (bracketed paste): inserted at the cursor when the
    /// filter bar has focus, ignored otherwise.
    Paste(String),
    /// Open or close the overlay listing the load warnings.
    ToggleWarnings,
    /// Open an overlay that needs nothing checked first, or close it when
    /// it is the one open.
    ToggleOverlay(crate::ui::mode::Overlay),
    /// The detail pane's article as it reads, or with the sentence each
    /// fact was read from marked (the evidence view).
    ToggleEvidence,
    /// Every fact of the call, or the two-line summary on a small screen.
    ToggleFacts,
    /// Open the shown article's web address with the system's opener.
    OpenUrl,
    FilterAccept,
    FilterCancel,
    /// `/` in the detail or side-by-side pane: search inside the text.
    OpenTextSearch,
    /// Enter in the in-text search: keep it for `n`/`N`.
    TextSearchAccept,
    /// Esc in the in-text search: drop it.
    TextSearchCancel,
    /// `:`: open the command line (go to a date or an era, quit, help).
    OpenCommand,
    /// Enter on the command line: run it and close it.
    CommandRun,
    /// Esc on the command line: close it, nothing run.
    CommandCancel,
    /// Tab on the command line: complete a command, leader or year.
    CommandComplete,
    Resize(u16, u16),
    Wheel {
        column: u16,
        row: u16,
        down: bool,
    },
    Click {
        column: u16,
        row: u16,
    },
    /// The matcher finished (possibly a stale generation: ignored then).
    MatchesReady(Matches),
    /// A reload finished.
    Reloaded(Reloaded),
    /// A reload (or the first load) failed; the message says why.
    ReloadFailed(String),
    /// The first load finished (`Effect::Load`): the corpus, not yet
    /// indexed.
    Loaded(Arc<Timeline>),
    /// The search index of the shown corpus is built (off the UI thread).
    /// Ignored when it is for another corpus (a reload came first).
    IndexReady(Reloaded),
    /// Building the search index failed; the message says why.
    IndexFailed(String),
    // Marks: read state, bookmarks, notes.
    /// `m`: bookmark the current article, or remove its bookmark.
    ToggleBookmark,
    /// Enter in the bookmarks overlay: go to the selected article.
    BookmarkJump,
    /// `U`: the current article unread again (or read).
    ToggleRead,
    /// `A`: every article the list shows (the filter's hits) read.
    MarkAllRead,
    /// `a`: write the note of the current article's call.
    OpenNote,
    /// Enter on the note line: keep it (empty: no note).
    NoteAccept,
    /// Esc on the note line: the note stays as it was.
    NoteCancel,
    /// The marks file is written (`Effect::SaveMarks`): `sent` as asked,
    /// `written` merged with another process's marks.
    MarksSaved {
        sent: Box<crate::marks::Marks>,
        written: Box<crate::marks::Marks>,
    },
    /// Writing the marks file failed; the message names it and says why.
    MarksSaveFailed(String),
    // Open and copy (issue 15).
    /// `y`: put the selected call's id on the clipboard.
    CopyCallId,
    /// `Y`: put the shown article's file path on the clipboard.
    CopyPath,
    /// `o` / `e`: the shown article in the pager or the editor.
    OpenArticle(Program),
    /// The pager or editor has returned, or could not start: what to say,
    /// and whether the corpus is to be read again (the user may have
    /// edited an article).
    ProgramDone {
        message: String,
        reload: bool,
    },
}

/// Which program `o` and `e` hand the article to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Program {
    /// `$PAGER`, else `less -R`.
    Pager,
    /// `$VISUAL`, else `$EDITOR`, else `vi`.
    Editor,
}

/// What the pager or editor is given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenFile {
    /// The article's own file.
    Path(String),
    /// An article with no file (the built-in corpus): its text, written
    /// to a read-only temporary file named after `name`.
    Text { name: String, text: String },
}

/// A corpus and its search index (built off the UI thread): a reload's
/// answer, or the index of the corpus already shown.
#[derive(Clone)]
pub struct Reloaded {
    pub timeline: Arc<Timeline>,
    pub index: Arc<SearchIndex>,
}

impl std::fmt::Debug for Reloaded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Reloaded({} articles)", self.timeline.articles.len())
    }
}

/// Work `update` asks the run loop to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Match `text`; answer with `Action::MatchesReady` for `generation`.
    Search { generation: u64, text: String },
    /// Load the corpus again; answer with `Reloaded` or `ReloadFailed`.
    Reload,
    /// Load the corpus for the first time; answer with `Loaded` (the index
    /// is asked for next) or `ReloadFailed`.
    Load,
    /// Build the search index of the shown corpus; answer with
    /// `IndexReady` or `IndexFailed`.
    BuildIndex,
    /// Hand an http(s) address to the system's opener (`xdg-open`, `open`),
    /// never through a shell; nothing answers.
    OpenUrl(String),
    // Open and copy (issue 15).
    /// Put the text on the terminal's clipboard (OSC 52); nothing answers.
    Copy(String),
    /// Hand the terminal to the pager or editor on the file, wait for it,
    /// take the terminal back and redraw; answer with `ProgramDone`.
    Run { program: Program, file: OpenFile },
    // Marks.
    /// Write `mine` to the marks file, merged with what it holds now
    /// (`base`: as this process last read or wrote it); answer with
    /// `MarksSaved` or `MarksSaveFailed`.
    SaveMarks {
        base: Box<crate::marks::Marks>,
        mine: Box<crate::marks::Marks>,
    },
}
