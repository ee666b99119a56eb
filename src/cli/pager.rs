//! `hotline show` on a terminal: its text through the user's pager
//! (`$PAGER`, else `less -R`), as git does; to a pipe, or with
//! `--no-pager`, `$PAGER` empty or `cat`, the text is printed as it is.

use std::io::Write;
use std::process::{Command, Stdio};

use crate::ui::program::{DEFAULT_PAGER, argv};

/// The pager to use, if any: `None` when `$PAGER` asks for none (empty,
/// `cat`) or can not be read as a command.
pub fn pager_argv(value: Option<&str>) -> Option<Vec<String>> {
    if value.is_some_and(|v| v.trim().is_empty()) {
        return None;
    }
    let words = argv("PAGER", value, DEFAULT_PAGER).ok()?;
    if words.first().is_some_and(|w| w == "cat") && words.len() == 1 {
        return None;
    }
    Some(words)
}

/// Hand `text` to the pager and wait for it. `Err` when it could not be
/// started (the caller prints the text itself); the reader quitting early
/// is no error.
pub fn page(text: &[u8], words: &[String]) -> std::io::Result<()> {
    let Some((program, args)) = words.split_first() else {
        return Err(std::io::Error::other("no pager"));
    };
    let mut command = Command::new(program);
    command.args(args).stdin(Stdio::piped());
    // As git does: less quits on a short text, keeps colours, leaves the
    // screen as it was — unless the user set their own LESS.
    if std::env::var_os("LESS").is_none() {
        command.env("LESS", "FRX");
    }
    let mut child = command.spawn()?;
    if let Some(mut stdin) = child.stdin.take() {
        // A reader that quits before the end closes the pipe: not an error.
        let _ = stdin.write_all(text);
    }
    let _ = child.wait();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_pager_or_cat_means_no_pager() {
        assert_eq!(pager_argv(Some("")), None);
        assert_eq!(pager_argv(Some("cat")), None);
        assert_eq!(pager_argv(Some("less 'x")), None);
        assert_eq!(
            pager_argv(None),
            Some(vec!["less".to_string(), "-R".to_string()])
        );
        assert_eq!(pager_argv(Some("cat -v")).map(|w| w.len()), Some(2));
    }

    #[test]
    fn a_pager_that_can_not_start_is_an_error_for_the_caller() {
        let words = vec!["/nonexistent/hotline-test-pager".to_string()];
        assert!(page(b"text", &words).is_err());
    }
}
