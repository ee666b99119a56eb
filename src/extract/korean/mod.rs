//! Korean-language readers for the facts of a call: dates (13일, 지난 5일,
//! 전날, 이날, 2018년 9월 4일), clock times (오후 9시부터, 낮 12시30분), call
//! lengths (30분간, 1시간 가량, 40여분간), call words (통화, 전화 회담) and
//! leader titles (대통령, 국가주석, 당선인, 권한대행).
//!
//! Phase A of issue 14: each reader is a pure function over one sentence
//! that returns plain data with byte spans into it, mirroring the English
//! readers (`dates::date_exprs`, `clock`, `duration`) so the extraction
//! pipeline can feed them in next to the English ones. Nothing here is
//! wired into `Extractor` yet; see `tests/data/korean/PHASE_B.md`.

pub mod clock;
pub mod dates;
pub mod duration;
pub mod words;

pub use clock::korean_times;
pub use dates::{KoDate, korean_dates};
pub use duration::korean_durations;
pub use words::{call_words, has_call_word, leader_titles};

/// The start of `s` up to the end of its clause (a comma, full stop,
/// quote or bracket), at most `max` bytes, cut on a char boundary: what
/// the readers look at after a match, so a check never runs past the
/// clause and stays linear.
pub(crate) fn window(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    let cut = s[..end].find([',', '.', '"', '“', '”', '「', '」', '(', ')', '\n']);
    &s[..cut.unwrap_or(end)]
}

#[cfg(test)]
mod tests {
    use super::window;

    #[test]
    fn window_stops_at_clause_and_char_boundary() {
        assert_eq!(window("통화했다, 그리고", 100), "통화했다");
        assert_eq!(window("통화했다", 4), "통");
        assert_eq!(window("", 10), "");
    }
}
