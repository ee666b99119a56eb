//! The user's marks as the browser holds them: the marks themselves, what
//! the marks file held when last read or written (for the merge on save),
//! each shown article's key (`marks::Lens`), and what went wrong with the
//! file. Changed only by `update::marks`; written by the run loop.

use crate::marks::{Lens, Marks};
use crate::model::Warning;

#[derive(Debug, Clone, Default)]
pub struct MarkState {
    pub marks: Marks,
    /// The file as this process last read or wrote it.
    pub base: Marks,
    pub lens: Lens,
    /// Changes go to the marks file (the run loop was given one). Off in
    /// tests and when there is no state folder: marks then last until quit.
    pub persist: bool,
    /// The marks file's problems, shown with the load warnings (`w`).
    pub warnings: Vec<Warning>,
    /// A save already failed: the next failures are not announced again.
    pub save_failed: bool,
}

impl MarkState {
    pub fn is_unread(&self, article: usize) -> bool {
        self.lens.is_unread(&self.marks, article)
    }

    pub fn is_bookmarked(&self, article: usize) -> bool {
        self.lens
            .key(article)
            .is_some_and(|k| self.marks.bookmarks.contains(&k))
    }

    /// The note on `call` (its id), if any.
    pub fn note(&self, call_id: &str) -> Option<&str> {
        self.marks.notes.get(call_id).map(String::as_str)
    }

    /// How many of the corpus's articles are unread.
    pub fn unread_count(&self) -> usize {
        (0..self.lens.keys.len())
            .filter(|&a| self.is_unread(a))
            .count()
    }

    /// A problem with the marks file, as one line with the load warnings.
    pub fn warn(&mut self, file: &str, message: String) {
        self.warnings.push(Warning {
            file: file.to_string(),
            message,
        });
    }
}
