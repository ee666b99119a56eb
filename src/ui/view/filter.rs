//! The filter bar: draws the text being typed (`state::line_input`) with
//! its cursor, and the counts on the right. Matching happens elsewhere.
//! The `:` command line, while open, takes the bar's place (vim, less).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Paragraph;

use crate::ui::state::app::{App, Focus};
use crate::ui::text::{Cells, char_width};

/// The filter bar on the left of the bottom line, the counts on its right.
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let theme = &app.theme;
    // The command line is the filter bar's editor under another prompt.
    let search = app.text_search.as_ref().filter(|t| t.typing);
    // So is the note line (`a`), which sits above the command line.
    let note = app.note.as_ref().map(|(_, line)| line);
    let (prompt, input, focused, error) = match (note, &app.command, search) {
        (Some(line), _, _) => ("note ✎ ", line, true, None),
        (None, Some(line), _) => (": ", line, true, None),
        (None, None, Some(ts)) => ("search text / ", &ts.input, true, None),
        (None, None, None) => (
            "/ ",
            &app.filter.input,
            app.focus == Focus::Filter,
            app.filter.error.as_deref(),
        ),
    };
    let status = super::status::counts(app);
    let status_w = status.width();
    let columns = area.width as usize;

    let mut left = Cells::new();
    let prompt_style = if focused {
        theme.title(true)
    } else {
        theme.bold()
    };
    left.push(prompt, prompt_style);
    let room = columns.saturating_sub(status_w + 4).max(8.min(columns));
    if input.text().is_empty() && !focused {
        left.push("type / to filter", theme.dim());
    } else {
        // Show the tail of long input so the cursor stays visible.
        let chars: Vec<char> = input.text().chars().collect();
        let mut start = 0;
        let width_to_cursor = |s: usize| {
            chars[s..input.cursor().min(chars.len())]
                .iter()
                .map(|&c| char_width(c))
                .sum::<usize>()
        };
        while start < input.cursor() && width_to_cursor(start) + 3 > room {
            start += 1;
        }
        let style = if error.is_some() {
            theme.error()
        } else {
            theme.text()
        };
        for (i, &c) in chars.iter().enumerate().skip(start) {
            let s = if focused && i == input.cursor() {
                style.patch(theme.cursor())
            } else {
                style
            };
            left.push_untrusted(c.encode_utf8(&mut [0u8; 4]), s);
        }
        if focused && input.cursor() >= chars.len() {
            left.push(" ", theme.cursor());
        }
        if let Some(err) = error {
            left.push("  ", theme.text());
            left.push_untrusted(err, theme.error());
        }
    }
    let line = Cells::spread(left, status, columns);
    frame.render_widget(Paragraph::new(line.into_line()), area);
}
