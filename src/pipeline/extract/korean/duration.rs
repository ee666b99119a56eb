//! Korean call lengths: "30분간", "약 20분 동안", "1시간 가량", "50분여",
//! "1시간 10분간", "40여분간", "1시간여", "한 시간 반", "35분 정도", and a
//! bare "30분" right before the call word ("30분 통화했다"). A length needs
//! one of those marks: "오후 3시 30분" is a time, "30분 뒤", "5분 읽기",
//! "3시간 전" are not lengths.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::window;

static KO_LENGTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?:약\s*)?
        (?:
          (?:(?P<h>[0-9]{1,2})|(?P<hw>한|두|세))\s*시간
          (?:\s*(?P<hm>[0-9]{1,2})\s*분|\s*(?P<half>반))?
        | (?P<m>[0-9]{1,3})\s*(?P<yeo>여\s*)?분
        )
        (?P<tail>\s*여)?
    ",
    )
    .expect("Korean length regex is valid")
});

/// What may follow a length for it to be one: 간 (glued), 동안, 가량, 정도,
/// 쯤, 남짓, 여 (read as part of the match), or straight away the call or
/// its telling (30분 통화, 30분간 대화, 30분 동안 진행).
const LENGTH_MARKS: &[&str] = &["간", "동안", "가량", "정도", "쯤", "남짓", "넘게", "이상"];
const CALL_MARKS: &[&str] = &["통화", "전화", "대화", "회담", "진행", "이어"];

/// Call lengths in a sentence, in minutes, with their byte spans (from 약
/// to the last unit or 여; the mark after outside), left to right.
pub fn korean_durations(sentence: &str) -> Vec<(u32, Range<usize>)> {
    let mut found = Vec::new();
    for caps in KO_LENGTH.captures_iter(sentence) {
        let Some(whole) = caps.get(0) else { continue };
        let span = whole.range();
        let before = sentence[..span.start].trim_end_matches(' ');
        // "오후 3시 30분": the minutes of a clock time.
        if caps.name("m").is_some() && before.ends_with('시') {
            continue;
        }
        if sentence[..span.start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_alphanumeric())
        {
            continue;
        }
        let after = window(&sentence[span.end..], 40).trim_start();
        let approx = caps.name("yeo").is_some() || caps.name("tail").is_some();
        let marked = approx
            || LENGTH_MARKS.iter().any(|w| after.starts_with(w))
            || CALL_MARKS.iter().any(|w| after.starts_with(w));
        if !marked {
            continue;
        }
        if let Some(minutes) = minutes(&caps)
            && (1..=600).contains(&minutes)
        {
            found.push((minutes, span));
        }
    }
    found
}

fn minutes(caps: &regex::Captures) -> Option<u32> {
    let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
    if let Some(m) = num("m") {
        return Some(m);
    }
    let hours = match caps.name("hw").map(|m| m.as_str()) {
        Some("한") => 1,
        Some("두") => 2,
        Some("세") => 3,
        _ => num("h")?,
    };
    let extra = if caps.name("half").is_some() {
        30
    } else {
        num("hm").unwrap_or(0)
    };
    (extra < 60).then_some(hours * 60 + extra)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Vec<(u32, &str)> {
        korean_durations(s)
            .into_iter()
            .map(|(m, r)| (m, &s[r]))
            .collect()
    }

    #[test]
    fn marked_lengths() {
        assert_eq!(read("두 정상은 30분간 통화했다."), [(30, "30분")]);
        assert_eq!(read("약 20분 동안 통화했다."), [(20, "약 20분")]);
        assert_eq!(read("통화는 1시간 가량 이어졌다."), [(60, "1시간")]);
        assert_eq!(read("통화는 50분여 진행됐다."), [(50, "50분여")]);
        assert_eq!(read("1시간 10분간 통화했다."), [(70, "1시간 10분")]);
        assert_eq!(read("40여분간 대화를 나눴다."), [(40, "40여분")]);
        assert_eq!(read("40여 분간"), [(40, "40여 분")]);
        assert_eq!(read("1시간여 통화"), [(60, "1시간여")]);
        assert_eq!(read("한 시간 반 동안"), [(90, "한 시간 반")]);
        assert_eq!(read("35분 정도"), [(35, "35분")]);
        assert_eq!(read("25분 통화했다."), [(25, "25분")]);
        assert_eq!(read("약 30분가량"), [(30, "약 30분")]);
    }

    #[test]
    fn decoys_are_not_lengths() {
        for s in [
            "오후 3시 30분부터 통화했다.",
            "오후 3시 30분간",
            "30분 뒤 발표했다.",
            "5분 읽기",
            "3시간 전",
            "약 30분 후",
            "30분,",
            "COVID19분간",
            "0분간",
            "1시간 75분간",
        ] {
            assert_eq!(read(s), [], "{s}");
        }
    }

    #[test]
    fn clock_time_then_length() {
        assert_eq!(read("오후 5시 28분부터 32분간 통화했다."), [(32, "32분")]);
        assert_eq!(read("오후 9시부터 34분간 통화했다."), [(34, "34분")]);
    }
}
