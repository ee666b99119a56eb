//! The Korean readers in the English readers' shapes, for the hooks in
//! `report` and `facts`: each returns nothing for a sentence without
//! Hangul, so English text pays one scan and nothing else.

use chrono::NaiveTime;

use super::{korean_dates, korean_durations, korean_times, words};
use crate::hangul::has_hangul;
use crate::pipeline::extract::clock::Zone;
use crate::pipeline::extract::dates::DateExpr;

/// Sentence-level words that make every day in the sentence another
/// event's: an earlier call looked back on (통화한 바 있다, 당시, 앞서,
/// 이후 처음), or a call still being arranged (예정, 조율).
const LOOKS_BACK: &[&str] = &[
    "한 바 있다",
    "한 바 있으며",
    "바 있다",
    "당시",
    "앞서",
    "이래",
    "만이다",
    "예정",
    "조율",
    "정해지지",
];

/// Whether the sentence holds Hangul: only then do the Korean readers
/// below find anything.
pub fn is_korean(s: &str) -> bool {
    !s.is_ascii() && has_hangul(s)
}

/// Whether the sentence holds a Korean call word (통화, 전화 회담; not
/// 통화 스와프).
pub fn is_call_sentence(s: &str) -> bool {
    is_korean(s) && words::has_call_word(s)
}

/// The Korean date expressions of a sentence as `DateExpr`s, background
/// ones marked (their own clause's words, or a look-back word anywhere in
/// the sentence).
pub fn date_exprs(s: &str) -> Vec<DateExpr> {
    if !is_korean(s) {
        return Vec::new();
    }
    let looks_back = LOOKS_BACK.iter().any(|w| s.contains(w));
    korean_dates(s, None)
        .into_iter()
        .map(|k| DateExpr {
            start: k.span.start,
            end: k.span.end,
            day: k.day,
            background: k.background || looks_back,
        })
        .collect()
}

/// Call lengths as `(start, end, minutes)`.
pub fn durations(s: &str) -> Vec<(usize, usize, u32)> {
    if !is_korean(s) {
        return Vec::new();
    }
    korean_durations(s)
        .into_iter()
        .map(|(m, r)| (r.start, r.end, m))
        .collect()
}

/// Start times as `(start, end, time)`.
pub fn start_times(s: &str) -> Vec<(usize, usize, NaiveTime)> {
    if !is_korean(s) {
        return Vec::new();
    }
    korean_times(s)
        .into_iter()
        .map(|(t, r)| (r.start, r.end, t))
        .collect()
}

/// The zone a Korean time at `start` is told in: 현지시간 (the dateline
/// city's, `Zone::Local`) or 한국시간 (KST) in the words just before it.
pub fn stated_zone(s: &str, start: usize) -> Option<Zone> {
    let before = s.get(..start)?.trim_end();
    let before = before
        .strip_suffix(['(', ')', ','])
        .unwrap_or(before)
        .trim_end();
    // Between the zone word and the time: at most a day ("현지시간 10일
    // 오후 9시").
    let near = |word: &str| {
        before
            .rfind(word)
            .is_some_and(|at| before[at + word.len()..].chars().count() <= 8)
    };
    // Every zone word holds '시': one quick search rules out the four.
    if !before.contains('시') {
        None
    } else if near("현지시간") || near("현지 시간") {
        Some(Zone::Local)
    } else if near("한국시간") || near("한국 시간") {
        Some(Zone::Offset(540))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_text_reads_nothing() {
        let s = "Moon spoke with Trump on the 10th for 30 minutes from 10:30 p.m.";
        assert!(date_exprs(s).is_empty());
        assert!(durations(s).is_empty());
        assert!(start_times(s).is_empty());
        assert!(!is_call_sentence(s));
    }

    #[test]
    fn korean_call_sentence_facts() {
        let s = "문재인 대통령은 10일 오후 10시30분부터 30분간 트럼프 대통령과 전화통화를 했다.";
        assert!(is_call_sentence(s));
        let d = date_exprs(s);
        assert_eq!(d.len(), 1);
        assert!(!d[0].background);
        assert_eq!(&s[d[0].start..d[0].end], "10일");
        assert_eq!(durations(s).first().map(|d| d.2), Some(30));
        let t = start_times(s);
        assert_eq!(t.first().map(|t| t.2), NaiveTime::from_hms_opt(22, 30, 0));
        // Currency, not a call.
        assert!(!is_call_sentence("한미 통화 스와프 연장에 합의했다."));
    }

    #[test]
    fn looked_back_and_planned_days_are_background() {
        let s = "두 정상은 지난 4월 28일에도 1시간 10분간 통화한 바 있다.";
        assert!(date_exprs(s).iter().all(|d| d.background));
        let s = "양국은 다음 달 5일 통화하는 방안을 조율 중이다.";
        assert!(date_exprs(s).iter().all(|d| d.background));
    }

    #[test]
    fn local_time_zones() {
        let s = "바이든 대통령은 현지시간 9일 오후 9시 통화했다.";
        let at = s.find("오후").unwrap_or_default();
        assert_eq!(stated_zone(s, at), Some(Zone::Local));
        let s = "한국시간 10일 오전 8시 통화";
        let at = s.find("오전").unwrap_or_default();
        assert_eq!(stated_zone(s, at), Some(Zone::Offset(540)));
        let s = "오전 8시 통화";
        assert_eq!(stated_zone(s, 0), None);
    }
}
