//! The filter bar's one-line editor: the text, the cursor, the editing
//! keys (Ctrl-u, Ctrl-w, …) and what a paste is cut down to. State only:
//! `ui::view::filter` draws it.

use crate::ui::action::Edit;

/// Longest filter text, in characters: a paste is cut to fit.
pub const MAX_INPUT: usize = 1000;

/// Pasted text made fit for the one-line filter bar: escape sequences
/// removed whole and other control characters dropped (through
/// `sanitize::inert`), line breaks and tabs turned into spaces.
pub fn clean_paste(raw: &str) -> String {
    // Line breaks first, so `inert` sees none (CRLF → one space).
    let flat = raw.replace("\r\n", " ").replace(['\r', '\n', '\t'], " ");
    crate::sanitize::inert(&flat, false)
        .chars()
        // What `inert` left in place of a control character: its visible
        // stand-in (␇, ␡) or U+FFFD. In a query these mean nothing: drop.
        .filter(|&c| {
            !matches!(c, '\u{2400}'..='\u{241f}' | '\u{2421}' | '\u{fffd}')
                && !crate::sanitize::is_unsafe_char(c)
        })
        .collect()
}

/// The text being typed and the cursor position (in characters).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    text: String,
    cursor: usize,
}

impl LineInput {
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }

    pub fn set(&mut self, text: &str) {
        self.text = text.to_string();
        self.cursor = self.len();
    }

    fn len(&self) -> usize {
        self.text.chars().count()
    }

    fn byte_at(&self, char_index: usize) -> usize {
        self.text
            .char_indices()
            .nth(char_index)
            .map_or(self.text.len(), |(b, _)| b)
    }

    /// Insert `text` at the cursor (cleaned with `clean_paste`, cut so the
    /// whole line stays within `MAX_INPUT` characters); true when the text
    /// changed.
    pub fn paste(&mut self, text: &str) -> bool {
        let room = MAX_INPUT.saturating_sub(self.len());
        let clean: String = clean_paste(text).chars().take(room).collect();
        if clean.is_empty() {
            return false;
        }
        let at = self.byte_at(self.cursor);
        self.text.insert_str(at, &clean);
        self.cursor += clean.chars().count();
        true
    }

    /// Apply an edit; true when the text (not only the cursor) changed.
    pub fn apply(&mut self, edit: Edit) -> bool {
        match edit {
            Edit::Insert(c) => {
                if c.is_control() || self.len() >= MAX_INPUT {
                    return false;
                }
                let at = self.byte_at(self.cursor);
                self.text.insert(at, c);
                self.cursor += 1;
                true
            }
            Edit::Backspace => {
                if self.cursor == 0 {
                    return false;
                }
                let from = self.byte_at(self.cursor - 1);
                let to = self.byte_at(self.cursor);
                self.text.replace_range(from..to, "");
                self.cursor -= 1;
                true
            }
            Edit::Delete => {
                if self.cursor >= self.len() {
                    return false;
                }
                let from = self.byte_at(self.cursor);
                let to = self.byte_at(self.cursor + 1);
                self.text.replace_range(from..to, "");
                true
            }
            Edit::Left => {
                self.cursor = self.cursor.saturating_sub(1);
                false
            }
            Edit::Right => {
                self.cursor = (self.cursor + 1).min(self.len());
                false
            }
            Edit::Home => {
                self.cursor = 0;
                false
            }
            Edit::End => {
                self.cursor = self.len();
                false
            }
            Edit::KillToStart => {
                if self.cursor == 0 {
                    return false;
                }
                let to = self.byte_at(self.cursor);
                self.text.replace_range(..to, "");
                self.cursor = 0;
                true
            }
            Edit::KillWord => {
                if self.cursor == 0 {
                    return false;
                }
                let chars: Vec<char> = self.text.chars().collect();
                let mut start = self.cursor;
                while start > 0 && chars[start - 1].is_whitespace() {
                    start -= 1;
                }
                while start > 0 && !chars[start - 1].is_whitespace() {
                    start -= 1;
                }
                let from = self.byte_at(start);
                let to = self.byte_at(self.cursor);
                self.text.replace_range(from..to, "");
                self.cursor = start;
                true
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(s: &str) -> LineInput {
        let mut l = LineInput::default();
        for c in s.chars() {
            l.apply(Edit::Insert(c));
        }
        l
    }

    #[test]
    fn editing_keys_behave_like_a_shell() {
        let mut l = typed("apec denuc");
        assert!(l.apply(Edit::KillWord));
        assert_eq!(l.text(), "apec ");
        l.apply(Edit::Home);
        l.apply(Edit::Insert('!'));
        assert_eq!(l.text(), "!apec ");
        l.apply(Edit::End);
        l.apply(Edit::Backspace);
        assert_eq!(l.text(), "!apec");
        l.apply(Edit::Left);
        l.apply(Edit::Left);
        assert!(l.apply(Edit::KillToStart));
        assert_eq!(l.text(), "ec");
        assert_eq!(l.cursor(), 0);
        l.apply(Edit::Delete);
        assert_eq!(l.text(), "c");
        assert!(!l.apply(Edit::Backspace));
    }

    #[test]
    fn paste_inserts_at_the_cursor_flattened_and_inert() {
        let mut l = typed("apec  ");
        l.apply(Edit::Left);
        assert!(l.paste("xi\r\ntrump\tkim\n"));
        assert_eq!(l.text(), "apec xi trump kim  ");
        assert_eq!(l.cursor(), 18);
        let mut l = LineInput::default();
        assert!(l.paste("a\u{1b}]0;pwned\u{7}b\u{7}c\u{1b}[31md\u{7f}e\u{202e}f\u{0}g"));
        assert_eq!(l.text(), "abcdefg");
        assert!(!l.paste("\u{1b}[2J\u{7}"), "nothing left to insert");
        assert_eq!(l.text(), "abcdefg");
    }

    #[test]
    fn paste_is_capped() {
        let mut l = typed("ab");
        l.apply(Edit::Home);
        let huge = "이".repeat(5 * MAX_INPUT);
        assert!(l.paste(&huge));
        assert_eq!(l.text().chars().count(), MAX_INPUT);
        assert!(l.text().ends_with("이ab"));
        assert_eq!(l.cursor(), MAX_INPUT - 2);
        assert!(!l.paste("more"));
        assert!(!l.apply(Edit::Insert('x')));
    }

    #[test]
    fn wide_characters_edit_by_character() {
        let mut l = typed("이재명");
        l.apply(Edit::Backspace);
        assert_eq!(l.text(), "이재");
        l.apply(Edit::Left);
        l.apply(Edit::Insert('x'));
        assert_eq!(l.text(), "이x재");
    }
}
