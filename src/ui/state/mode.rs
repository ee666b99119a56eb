//! Which overlay, if any, sits on top of the views: one enum, so "is
//! something open, which, and what do the keys do now" is answered in one
//! place (`App::context`), and a new overlay is one variant here, one file
//! that draws it and its lines in the key table (`keys`, which also says
//! which part of the table applies while it is open).

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
}

impl Overlay {
    /// The same overlay, whatever its scroll: toggling it closes it.
    pub fn same_kind(self, other: Overlay) -> bool {
        std::mem::discriminant(&self) == std::mem::discriminant(&other)
    }
}
