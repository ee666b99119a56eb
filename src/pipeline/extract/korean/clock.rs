//! Korean clock times: "오후 9시부터", "낮 12시30분부터", "오전 8시 40분",
//! "밤 10시", "새벽 1시", "저녁 7시 반", "정오", and a 24-hour "17시 30분"
//! when a start particle (부터, 께, 경) follows it. "N시간" is a length,
//! not a time, and a time ending a range ("6시까지") is not a start.

use std::ops::Range;
use std::sync::LazyLock;

use chrono::NaiveTime;
use regex::Regex;

static KO_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<noon>정오)
      | (?:(?P<mer>오전|오후|낮|밤|새벽|아침|저녁)\s*)?
        (?P<h>[0-9]{1,2})\s*시(?P<notime>간)?
        (?:\s*(?P<m>[0-9]{1,2})\s*분|\s*(?P<half>반))?
    ",
    )
    .expect("Korean time regex is valid")
});

/// What may follow a bare 24-hour time for it to count ("17시부터").
const START_MARKS: &[&str] = &["부터", "께", "경", "쯤"];

/// Start times in a sentence with their byte spans (the time alone, the
/// particle after it outside), left to right. Times followed by 까지 (a
/// range's end) are left out; a bare hour without 오전/오후/… counts only
/// before 부터/께/경/쯤, so "3시" in a count is not read as a time.
pub fn korean_times(sentence: &str) -> Vec<(NaiveTime, Range<usize>)> {
    let mut found = Vec::new();
    for caps in KO_TIME.captures_iter(sentence) {
        let Some(whole) = caps.get(0) else { continue };
        let span = whole.range();
        if caps.name("noon").is_some() {
            if !sentence[span.end..].trim_start().starts_with("까지")
                && let Some(t) = NaiveTime::from_hms_opt(12, 0, 0)
            {
                found.push((t, span));
            }
            continue;
        }
        if caps.name("notime").is_some()
            || sentence[..span.start]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_alphanumeric())
        {
            continue;
        }
        let after = sentence[span.end..].trim_start();
        if after.starts_with("까지") {
            continue;
        }
        let mer = caps.name("mer").map(|m| m.as_str());
        if mer.is_none() && !START_MARKS.iter().any(|w| after.starts_with(w)) {
            continue;
        }
        let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
        let Some(h) = num("h") else { continue };
        let minute = if caps.name("half").is_some() {
            30
        } else {
            num("m").unwrap_or(0)
        };
        if let Some(hour) = hour_24(mer, h)
            && let Some(t) = NaiveTime::from_hms_opt(hour, minute, 0)
        {
            found.push((t, span));
        }
    }
    found
}

/// The 24-hour hour of "<period> h시". 낮 runs from late morning to late
/// afternoon (낮 12시 is noon, 낮 1시 is 13:00, 낮 11시 is 11:00); 밤 12시 is
/// midnight and 밤 1–4시 are small hours; 오전 12시 is midnight.
fn hour_24(mer: Option<&str>, h: u32) -> Option<u32> {
    let hour = match (mer, h) {
        (_, 25..) => return None,
        (None, h) => h,
        (Some("오전" | "새벽" | "아침"), 12) => 0,
        (Some("오전" | "새벽" | "아침"), h) => h,
        (Some("낮"), h) if h >= 11 => h,
        (Some("밤"), 12) => 0,
        (Some("밤"), h) if h <= 4 => h,
        (Some(_), h) if h < 12 => h + 12,
        (Some(_), h) => h,
    };
    (hour < 24).then_some(hour)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hm(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).expect("valid test time")
    }

    fn read(s: &str) -> Vec<(NaiveTime, &str)> {
        korean_times(s)
            .into_iter()
            .map(|(t, r)| (t, &s[r]))
            .collect()
    }

    #[test]
    fn periods_of_the_day() {
        assert_eq!(
            read("두 정상은 오후 9시부터 34분간 통화했다."),
            [(hm(21, 0), "오후 9시")]
        );
        assert_eq!(
            read("낮 12시30분부터 통화했다."),
            [(hm(12, 30), "낮 12시30분")]
        );
        assert_eq!(read("낮 1시부터"), [(hm(13, 0), "낮 1시")]);
        assert_eq!(
            read("오전 8시 40분께 통화가 시작됐다."),
            [(hm(8, 40), "오전 8시 40분")]
        );
        assert_eq!(read("밤 10시 통화"), [(hm(22, 0), "밤 10시")]);
        // 어젯밤 9시: the night of 어젯밤 is the period.
        assert_eq!(read("어젯밤 9시부터"), [(hm(21, 0), "밤 9시")]);
        assert_eq!(read("밤 12시"), [(hm(0, 0), "밤 12시")]);
        assert_eq!(read("새벽 1시에"), [(hm(1, 0), "새벽 1시")]);
        assert_eq!(read("저녁 7시 반부터"), [(hm(19, 30), "저녁 7시 반")]);
        assert_eq!(read("오전 12시"), [(hm(0, 0), "오전 12시")]);
        assert_eq!(read("정오부터 25분간"), [(hm(12, 0), "정오")]);
    }

    #[test]
    fn twenty_four_hour_needs_a_start_mark() {
        assert_eq!(read("17시 30분부터"), [(hm(17, 30), "17시 30분")]);
        assert_eq!(read("11시께"), [(hm(11, 0), "11시")]);
        assert_eq!(read("3시 방향"), []);
    }

    #[test]
    fn lengths_ends_and_nonsense_are_not_times() {
        assert_eq!(read("1시간 10분간 통화했다."), []);
        assert_eq!(read("3시간 전"), []);
        assert_eq!(
            read("오후 5시28분부터 6시까지"),
            [(hm(17, 28), "오후 5시28분")]
        );
        assert_eq!(read("오후 6시까지"), []);
        assert_eq!(read("오후 25시"), []);
        assert_eq!(read("오후 9시 75분"), []);
        assert_eq!(read("G7시부터"), []);
    }
}
