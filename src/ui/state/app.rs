//! The UI state: what is loaded, what is selected, what the filter holds.
//! Only `update` (in `update.rs`) changes it; `render` only reads it.

use std::collections::HashSet;
use std::sync::Arc;

use chrono::NaiveDate;

use super::detail_layout::Layouts;
use super::line_input::LineInput;
use super::load::Load;
pub use super::row::{Group, Row};
use crate::lexicon::leaders::{LeaderId, Leaders};
use crate::model::Timeline;
use crate::query::{Hit, Query, SearchIndex};
use crate::ui::action::Effect;
use crate::ui::keymap::Keymap;
use crate::ui::keys::Context;
use crate::ui::mode::{Overlay, Top};
use crate::ui::theme::Theme;

mod geometry;
mod rows;
mod visible;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Detail,
    Filter,
}

/// A group that keeps its identity across reloads.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(in crate::ui) enum GroupId {
    Era(LeaderId, NaiveDate),
    Orphans,
    Unassigned,
}

/// What is selected, by identity rather than position, so the selection
/// survives filtering and reloading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(in crate::ui) enum SelKey {
    Group(GroupId),
    Call(String),
    Article(String),
}

/// A remembered selection: see `App::selection_key`.
#[derive(Debug, Clone)]
pub(in crate::ui) struct SelectionKey {
    key: Option<SelKey>,
    parent: Option<SelKey>,
    index: usize,
}

/// The hits of the applied filter.
#[derive(Debug, Clone, Default)]
pub struct HitSet {
    /// Best first.
    pub hits: Vec<Hit>,
    /// Per article: does it match.
    pub matched: Vec<bool>,
}

#[derive(Debug, Clone, Default)]
pub struct FilterState {
    pub input: LineInput,
    /// Bumped on every text change; answers for older generations are stale.
    pub generation: u64,
    /// The generation `hits` answers.
    pub applied_generation: u64,
    /// The query the hits answer, for highlighting.
    pub query: Option<Query>,
    /// `None`: no filter, everything shows.
    pub hits: Option<HitSet>,
    /// Why the current text is not a valid query.
    pub error: Option<String>,
    /// `n`/`N` pressed before the answer came: the jump (forward or not)
    /// made once it does, since typing never waits on matching.
    pub pending_jump: Option<bool>,
}

impl FilterState {
    /// Matching for the current text has not answered yet.
    pub fn pending(&self) -> bool {
        self.generation != self.applied_generation
    }

    pub fn active(&self) -> bool {
        self.hits.is_some()
    }
}

/// Two articles side by side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SideState {
    /// Article indices: pinned (or current) on the left.
    pub left: usize,
    pub right: usize,
    pub scroll: [usize; 2],
    /// Both panes scroll together.
    pub sync: bool,
    /// Which pane has focus: 0 left, 1 right.
    pub focus: usize,
}

pub struct App {
    pub timeline: Arc<Timeline>,
    /// Being read, being indexed (see `App::new_indexing`: the timeline
    /// shows, filtering waits for the index), ready, being read again.
    pub load: Load,
    pub theme: Theme,
    /// The key bindings in force (the defaults, or as the config file
    /// rebinds them): what keys do, and what the help and hints say.
    pub keymap: Arc<Keymap>,
    /// Terminal size (columns, rows), kept current by `Action::Resize`.
    pub size: (u16, u16),
    pub focus: Focus,
    /// The overlay on top, if one is open.
    pub overlay: Option<Overlay>,
    /// What the corpus was loaded from, for the about overlay
    /// (`tui::describe`); `None` when the caller handed in a timeline.
    pub source: Option<String>,
    /// The config file the keys and colours came from, for the about
    /// overlay; `None` for the defaults.
    pub config_file: Option<String>,
    pub filter: FilterState,
    /// The `:` command line while it is open (`state::command`).
    pub command: Option<LineInput>,
    /// Marks (read, bookmarks, notes): the user's, kept in the state folder.
    pub marks: super::marks::MarkState,
    /// The note being written for a call (`a`): the call's id and the line.
    pub note: Option<(String, LineInput)>,
    /// `/` inside the detail or side-by-side pane (`state::text_search`).
    pub text_search: Option<super::text_search::TextSearch>,
    /// Counterparts present in the corpus, most calls first.
    pub counterparts: Vec<LeaderId>,
    /// `None`: all counterparts.
    pub counterpart: Option<LeaderId>,
    collapsed: HashSet<GroupId>,
    expanded: HashSet<String>,
    /// For each call, its era (index into `Timeline::eras`).
    pub call_era: Vec<Option<usize>>,
    pub rows: Vec<Row>,
    pub selected: usize,
    pub list_offset: usize,
    pub detail_scroll: usize,
    /// The hit `n`/`N` last moved to.
    pub hit_cursor: Option<usize>,
    pub pinned: Option<usize>,
    /// The detail pane shows the evidence view (`v`): each fact beside the
    /// sentence it was read from. Kept while moving, so a user checking
    /// facts can walk the articles in this view.
    pub evidence: bool,
    /// `F`: every fact of the call, even where a small screen would show
    /// the two-line summary (`facts::compact`).
    pub facts_full: bool,
    pub side: Option<SideState>,
    /// A one-off message on the hint line, cleared by the next key.
    pub message: Option<String>,
    /// The detail and side-by-side panes' text, laid out once per key.
    pub layouts: Layouts,
    /// Work for the run loop (matching, reloading).
    pub effects: Vec<Effect>,
    pub should_quit: bool,
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App")
            .field("size", &self.size)
            .field("focus", &self.focus)
            .field("rows", &self.rows.len())
            .field("selected", &self.selected)
            .finish_non_exhaustive()
    }
}

impl App {
    /// Build the UI state over a loaded corpus (the search index is built
    /// here, synchronously: for tests and benchmarks).
    pub fn new(timeline: Timeline) -> App {
        let index = SearchIndex::build(&timeline);
        App::with_index(Arc::new(timeline), Arc::new(index))
    }

    pub fn with_index(timeline: Arc<Timeline>, index: Arc<SearchIndex>) -> App {
        App::build(timeline, Load::Ready(Some(index)))
    }

    /// The UI state over a loaded corpus whose search index is still to be
    /// built: the timeline shows at once, and `effects` holds
    /// `Effect::BuildIndex` for the run loop, which answers with
    /// `Action::IndexReady`. A filter typed meanwhile is kept and run when
    /// the index arrives.
    pub fn new_indexing(timeline: Timeline) -> App {
        let mut app = App::build(Arc::new(timeline), Load::Indexing);
        app.effects.push(Effect::BuildIndex);
        app
    }

    /// The UI state before any corpus is loaded: an empty timeline that
    /// says it is loading `what`, and `Effect::Load` in `effects`, so the
    /// run loop loads the corpus on its own thread and answers with
    /// `Action::Loaded`; the timeline then shows while its index is built
    /// (as with `new_indexing`). Keys work throughout (`q` quits, a filter
    /// typed is kept and runs once the index is in).
    pub fn loading(leaders: Leaders, what: impl Into<String>) -> App {
        let empty = Timeline {
            leaders,
            articles: Vec::new(),
            calls: Vec::new(),
            eras: Vec::new(),
            unassigned: Vec::new(),
            warnings: Vec::new(),
            call_of_article: Vec::new(),
        };
        let what = what.into();
        let mut app = App::build(Arc::new(empty), Load::Loading { what: what.clone() });
        app.source = Some(what);
        app.effects.push(Effect::Load);
        app
    }

    fn build(timeline: Arc<Timeline>, load: Load) -> App {
        let mut app = App {
            timeline,
            load,
            theme: Theme::color(),
            keymap: Keymap::defaults(),
            size: (80, 24),
            focus: Focus::List,
            overlay: None,
            source: None,
            config_file: None,
            filter: FilterState::default(),
            command: None,
            marks: Default::default(),
            note: None,
            text_search: None,
            counterparts: Vec::new(),
            counterpart: None,
            collapsed: HashSet::new(),
            expanded: HashSet::new(),
            call_era: Vec::new(),
            rows: Vec::new(),
            selected: 0,
            list_offset: 0,
            detail_scroll: 0,
            hit_cursor: None,
            pinned: None,
            evidence: false,
            facts_full: false,
            side: None,
            message: None,
            layouts: Layouts::default(),
            effects: Vec::new(),
            should_quit: false,
        };
        app.index_corpus();
        app.rebuild_rows();
        app.select_first_call();
        app
    }

    /// Monochrome (NO_COLOR) or colour.
    pub fn with_theme(mut self, theme: Theme) -> App {
        self.theme = theme;
        self
    }

    /// The key bindings from the config file.
    pub fn with_keymap(mut self, keymap: Arc<Keymap>) -> App {
        self.keymap = keymap;
        self
    }

    /// Derived tables that depend only on the timeline.
    pub(in crate::ui) fn index_corpus(&mut self) {
        let t = &self.timeline;
        let mut call_era = vec![None; t.calls.len()];
        for (ei, era) in t.eras.iter().enumerate() {
            for &c in &era.calls {
                if let Some(slot) = call_era.get_mut(c) {
                    *slot = Some(ei);
                }
            }
        }
        self.call_era = call_era;
        self.marks.lens = crate::marks::Lens::new(t);
        let mut counts: Vec<(LeaderId, usize)> = Vec::new();
        for call in &t.calls {
            match counts.iter_mut().find(|(id, _)| *id == call.counterpart) {
                Some((_, n)) => *n += 1,
                None => counts.push((call.counterpart, 1)),
            }
        }
        counts.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then_with(|| t.leader_name(a.0).cmp(t.leader_name(b.0)))
        });
        self.counterparts = counts.into_iter().map(|(id, _)| id).collect();
        if let Some(cp) = self.counterpart
            && !self.counterparts.contains(&cp)
        {
            self.counterpart = None;
        }
        if self.pinned.is_some_and(|a| a >= t.articles.len()) {
            self.pinned = None;
        }
    }

    /// What takes the keys now: the one place the order is written
    /// (an overlay, then the filter bar, then side by side, then the
    /// focused pane).
    pub fn top(&self) -> Top {
        if let Some(overlay) = self.overlay {
            Top::Overlay(overlay)
        } else if self.note.is_some() {
            Top::Note
        } else if self.command.is_some() {
            Top::Command
        } else if self.text_search.as_ref().is_some_and(|t| t.typing) {
            Top::TextSearch
        } else if self.focus == Focus::Filter {
            Top::Filter
        } else if self.side.is_some() {
            Top::Side
        } else if self.focus == Focus::Detail {
            Top::Detail
        } else {
            Top::List
        }
    }

    /// Which part of the key table applies now.
    pub fn context(&self) -> Context {
        match self.top() {
            Top::Overlay(overlay) => Context::of_overlay(overlay),
            Top::Note => Context::Note,
            Top::Command => Context::Command,
            Top::TextSearch => Context::TextSearch,
            Top::Filter => Context::Filter,
            Top::Side => Context::Side,
            Top::Detail => Context::Detail,
            Top::List => Context::List,
        }
    }

    /// The load's warnings, then the marks file's: what `w` lists.
    pub fn warnings(&self) -> impl Iterator<Item = &crate::model::Warning> {
        self.timeline.warnings.iter().chain(&self.marks.warnings)
    }

    // ---- selection -------------------------------------------------------

    pub fn selected_row(&self) -> Option<Row> {
        self.rows.get(self.selected).copied()
    }

    /// The call the selection is on or under.
    pub fn selected_call(&self) -> Option<usize> {
        match self.selected_row()? {
            Row::Call(c) => Some(c),
            Row::Article { call, .. } => call,
            Row::Group(_) => None,
        }
    }

    /// The article the detail pane shows: the selected one, or the first
    /// (visible) article of the selected call.
    pub fn selected_article(&self) -> Option<usize> {
        match self.selected_row()? {
            Row::Article { article, .. } => Some(article),
            Row::Call(c) => self.visible_articles_of_call(c).first().copied(),
            Row::Group(_) => None,
        }
    }

    /// The era the selection sits in.
    pub fn selected_era(&self) -> Option<usize> {
        match self.selected_row()? {
            Row::Group(Group::Era(e)) => Some(e),
            Row::Group(_) => None,
            Row::Call(c) => self.call_era.get(c).copied().flatten(),
            Row::Article { call, .. } => call.and_then(|c| self.call_era.get(c).copied().flatten()),
        }
    }

    /// Visible articles in list order (calls newest first, then unassigned),
    /// regardless of expansion: for "the next article" in side by side.
    pub fn article_order(&self) -> Vec<usize> {
        let t = &self.timeline;
        let mut order = Vec::new();
        let mut calls: Vec<usize> = t
            .eras
            .iter()
            .flat_map(|e| e.calls.iter().copied())
            .collect();
        let mut listed = vec![false; t.calls.len()];
        for &c in &calls {
            if let Some(l) = listed.get_mut(c) {
                *l = true;
            }
        }
        calls.extend((0..t.calls.len()).filter(|&c| !listed[c]));
        for c in calls {
            if self.call_visible(c) {
                order.extend(self.visible_articles_of_call(c));
            }
        }
        order.extend(self.visible_unassigned());
        order
    }
}
