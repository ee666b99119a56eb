//! What a line of the timeline list is (`Row`, and the group headers it
//! names): plain data, a leaf of `state`, so the detail layouts can key
//! their cache by a row without naming the `App` that holds the list.

/// A group header in the timeline list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Group {
    /// Index into `Timeline::eras`.
    Era(usize),
    /// Calls that fall in no era (only when the eras do not cover them).
    Orphans,
    /// Articles placed in no call: listed last, never hidden.
    Unassigned,
}

/// One line of the timeline list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Group(Group),
    Call(usize),
    Article { article: usize, call: Option<usize> },
}
