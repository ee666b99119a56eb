//! What surrounds a clock reading: the range it may open ("between 10:12
//! and 10:40 a.m.": a start, and a length of 28 minutes), and the time zone
//! a report writes right after a time ("9 p.m. KST", "at 0815 GMT", "10
//! a.m. (local time)", "8 p.m. Washington time") with the UTC offset it
//! stands for on a given day.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};
use regex::{Captures, Regex};

use super::super::text::{boundary_before, tail};
use super::super::words::Words;

/// The time of a 12-hour reading ("12 a.m." is midnight); none for an
/// hour outside 1 to 12.
pub(super) fn twelve_hour(hour: Option<u32>, minute: Option<u32>, pm: bool) -> Option<NaiveTime> {
    let h = hour.filter(|h| (1..=12).contains(h))?;
    let hour = match (h, pm) {
        (12, false) => 0,
        (12, true) => 12,
        (h, true) => h + 12,
        (h, false) => h,
    };
    NaiveTime::from_hms_opt(hour, minute.unwrap_or(0), 0)
}

/// Two times joined as a range: "between 10:12 and 10:40 a.m.", "from 5:28
/// to 6 p.m.", "from 10:12 to 10:40". `range_minutes` and the start of a
/// range read it.
static TIME_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:between|from)\s+(?P<h1>[0-9]{1,2})(?:[:.](?P<m1>[0-5][0-9]))?(?:\s*(?P<ap1>[ap])\.?\s?m(?-u:\b)\.?)?\s*(?:and|to|until|till|-|–|—|~)\s*(?P<h2>[0-9]{1,2})(?:[:.](?P<m2>[0-5][0-9]))?(?:\s*(?P<ap2>[ap])\.?\s?m(?-u:\b)\.?)?",
    )
    .expect("range regex is valid")
});

/// The start and end of the range of times starting at byte `start` (at
/// its "between" or "from"), if one does: "between 10:12 and 10:40 a.m.",
/// "from 5:28 to 6 p.m.", "from 10:12 to 10:40". An a.m./p.m. written once
/// holds for both times, unless that would put the start after the end
/// ("from 11:40 to 12:10 p.m." began before noon).
pub(super) fn range_at(sentence: &str, start: usize) -> Option<(NaiveTime, NaiveTime)> {
    let caps = TIME_RANGE.captures(sentence.get(start..)?)?;
    if caps.get(0)?.start() != 0 {
        return None;
    }
    range_times(&caps)
}

/// The start of a range whose first time is a bare hour, read from its
/// second time, a 12-hour one at `end_start..end_end`: "between 11 and
/// 11:20 a.m." began at 11:00, "from 10 to 11 a.m." at 10:00, "from 11 to
/// 1 p.m." at 11:00 (the second's p.m. would put the start after the end).
/// The span is the whole range, so the zone after it is read. A range that
/// ends before it starts or runs past three hours is no call's.
pub(super) fn bare_hour_range_start(
    sentence: &str,
    end_start: usize,
    end_end: usize,
) -> Option<(usize, usize, NaiveTime)> {
    // "between" and the hour before the second time: a short look back.
    let window = tail(sentence.get(..end_start)?, 24);
    let window_at = end_start - window.len();
    window.char_indices().find_map(|(i, _)| {
        let rest = &window.as_bytes()[i..];
        let opens = |w: &str| {
            rest.get(..w.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(w.as_bytes()))
        };
        let lead = window_at + i;
        if !(opens("between") || opens("from")) || !boundary_before(sentence, lead) {
            return None;
        }
        let caps = TIME_RANGE.captures(sentence.get(lead..)?)?;
        let whole = caps.get(0)?;
        let bare = caps.name("m1").is_none() && caps.name("ap1").is_none();
        if whole.start() != 0 || lead + whole.end() != end_end || !bare {
            return None;
        }
        let (first, second) = range_times(&caps)?;
        let minutes = (second - first).num_minutes();
        (1..=180)
            .contains(&minutes)
            .then_some((lead, end_end, first))
    })
}

fn range_times(caps: &Captures) -> Option<(NaiveTime, NaiveTime)> {
    let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
    let pm = |name: &str| {
        caps.name(name)
            .map(|m| m.as_str().eq_ignore_ascii_case("p"))
    };
    let (h1, m1, h2, m2) = (num("h1")?, num("m1"), num("h2")?, num("m2"));
    let (first, second) = match (pm("ap1"), pm("ap2")) {
        (None, None) => {
            // 24-hour times: both need their minutes ("from 10:12 to
            // 10:40"), or "from 3 to 4" would be a time.
            let at = |h, m: Option<u32>| NaiveTime::from_hms_opt(h, m?, 0);
            (at(h1, m1)?, at(h2, m2)?)
        }
        (Some(p1), Some(p2)) => (
            twelve_hour(Some(h1), m1, p1)?,
            twelve_hour(Some(h2), m2, p2)?,
        ),
        (Some(p), None) => {
            let first = twelve_hour(Some(h1), m1, p)?;
            let second = twelve_hour(Some(h2), m2, p)?;
            let second = if second < first {
                twelve_hour(Some(h2), m2, !p)?
            } else {
                second
            };
            (first, second)
        }
        (None, Some(p)) => {
            let second = twelve_hour(Some(h2), m2, p)?;
            let first = match twelve_hour(Some(h1), m1, p) {
                Some(first) if first <= second => first,
                _ => twelve_hour(Some(h1), m1, !p)?,
            };
            (first, second)
        }
    };
    Some((first, second))
}

/// Lengths in minutes of the time ranges in a sentence ("between 10:12 and
/// 10:40 a.m." is 28), with their spans: (start, end, minutes). A range
/// that ends before it starts, or runs past three hours, is no call's.
pub(in crate::pipeline::extract) fn range_minutes(
    words: &Words,
) -> impl Iterator<Item = (usize, usize, u32)> {
    let lower = words.lower();
    let sentence = words.source();
    let maybe = lower.contains("between") || lower.contains("from");
    maybe
        .then(|| TIME_RANGE.captures_iter(sentence))
        .into_iter()
        .flatten()
        .filter_map(|caps| {
            let whole = caps.get(0)?;
            let (first, second) = range_times(&caps)?;
            let minutes = u32::try_from((second - first).num_minutes()).ok()?;
            (1..=180)
                .contains(&minutes)
                .then_some((whole.start(), whole.end(), minutes))
        })
}

/// A time zone as a report names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// A fixed offset, in minutes east of UTC: "GMT" 0, "KST" 540.
    Offset(i32),
    /// "ET", "Eastern Time", "Washington time", "U.S. time": EST or EDT
    /// depending on the day.
    UsEastern,
    /// "(local time)": wherever the event was; the words alone do not say.
    Local,
}

impl Zone {
    /// A zone as the leader registry writes it: "+09:00", "-05:00",
    /// "us-eastern".
    pub fn parse(text: &str) -> Option<Zone> {
        let text = text.trim();
        if text.eq_ignore_ascii_case("us-eastern") {
            return Some(Zone::UsEastern);
        }
        let (sign, rest) = match text.as_bytes().first()? {
            b'+' => (1, &text[1..]),
            b'-' => (-1, &text[1..]),
            _ => return None,
        };
        let (hours, minutes) = rest.split_once(':')?;
        let (hours, minutes): (i32, i32) = (hours.parse().ok()?, minutes.parse().ok()?);
        ((0..=14).contains(&hours) && (0..60).contains(&minutes))
            .then_some(Zone::Offset(sign * (hours * 60 + minutes)))
    }

    /// Minutes east of UTC on `date`; none for `Local`. US Eastern time is
    /// EDT (−240) from the second Sunday of March to the first Sunday of
    /// November, EST (−300) otherwise; before 2007 the US rule was the
    /// first Sunday of April to the last Sunday of October. The switch
    /// at 2 a.m. is ignored: a date is all these readings have.
    pub fn offset_on(self, date: NaiveDate) -> Option<i32> {
        match self {
            Zone::Offset(minutes) => Some(minutes),
            Zone::Local => None,
            Zone::UsEastern => {
                let year = date.year();
                let (from, to) = if year >= 2007 {
                    (nth_sunday(year, 3, 2)?, nth_sunday(year, 11, 1)?)
                } else {
                    (nth_sunday(year, 4, 1)?, last_sunday(year, 10)?)
                };
                Some(if (from..to).contains(&date) {
                    -240
                } else {
                    -300
                })
            }
        }
    }
}

fn nth_sunday(year: i32, month: u32, n: u8) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Sun, n)
}

fn last_sunday(year: i32, month: u32) -> Option<NaiveDate> {
    nth_sunday(year, month, 5).or_else(|| nth_sunday(year, month, 4))
}

/// Zone names in the case reports write them: abbreviations in capitals,
/// the rest in any case. Longer names first where one begins another.
const ABBREVIATIONS: &[(&str, Zone)] = &[
    ("GMT", Zone::Offset(0)),
    ("UTC", Zone::Offset(0)),
    ("KST", Zone::Offset(540)),
    ("JST", Zone::Offset(540)),
    ("EST", Zone::Offset(-300)),
    ("EDT", Zone::Offset(-240)),
    ("ET", Zone::UsEastern),
];

const NAMES: &[(&str, Zone)] = &[
    ("seoul time", Zone::Offset(540)),
    ("korea time", Zone::Offset(540)),
    ("korean time", Zone::Offset(540)),
    ("beijing time", Zone::Offset(480)),
    ("tokyo time", Zone::Offset(540)),
    ("eastern time", Zone::UsEastern),
    ("washington time", Zone::UsEastern),
    ("u.s. time", Zone::UsEastern),
    ("us time", Zone::UsEastern),
    ("local time", Zone::Local),
];

/// The zone written right after a time ending at byte `time_end`: after
/// spaces, maybe in parentheses or after a comma ("9 p.m. (KST)", "9 p.m.,
/// Seoul time"). A name must end at a word boundary ("ETA" is no zone).
pub fn stated_zone(sentence: &str, time_end: usize) -> Option<Zone> {
    let after = sentence.get(time_end..)?;
    let rest = after.trim_start();
    // The time's words may stop before its "a.m." ("began at 7:59 a.m.
    // Seoul time").
    let rest = ["a.m.", "p.m.", "am", "pm", "a.m", "p.m"]
        .iter()
        .find_map(|m| {
            rest.get(..m.len())
                .filter(|head| head.eq_ignore_ascii_case(m))
                .map(|_| rest[m.len()..].trim_start())
        })
        .unwrap_or(rest);
    let rest = rest.strip_prefix([',', '(']).unwrap_or(rest).trim_start();
    let ends_word = |len: usize| {
        rest[len..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
    };
    let abbreviation = ABBREVIATIONS
        .iter()
        .find(|(name, _)| rest.starts_with(name) && ends_word(name.len()));
    if let Some(&(_, zone)) = abbreviation {
        return Some(zone);
    }
    NAMES
        .iter()
        .find(|(name, _)| {
            rest.get(..name.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(name))
                && ends_word(name.len())
        })
        .map(|&(_, zone)| zone)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn zone_after(s: &str, time: &str) -> Option<Zone> {
        let at = s.find(time).map(|i| i + time.len())?;
        stated_zone(s, at)
    }

    #[test]
    fn zones_after_a_time() {
        let cases = [
            ("They spoke at 0815 GMT.", "0815", Some(Zone::Offset(0))),
            ("at 1600 KST on Friday", "1600", Some(Zone::Offset(540))),
            ("at 9 p.m. Seoul time", "p.m.", Some(Zone::Offset(540))),
            ("at 9 p.m. (Korea time)", "p.m.", Some(Zone::Offset(540))),
            ("at 9 p.m., Korean time", "p.m.", Some(Zone::Offset(540))),
            ("at 8 p.m. Beijing time", "p.m.", Some(Zone::Offset(480))),
            ("at 8 p.m. JST", "p.m.", Some(Zone::Offset(540))),
            ("at 8 p.m. Tokyo time", "p.m.", Some(Zone::Offset(540))),
            ("at 7 a.m. EST", "a.m.", Some(Zone::Offset(-300))),
            ("at 7 a.m. EDT", "a.m.", Some(Zone::Offset(-240))),
            ("at 7 a.m. ET", "a.m.", Some(Zone::UsEastern)),
            ("at 7 a.m. Eastern Time", "a.m.", Some(Zone::UsEastern)),
            ("at 7 a.m. Washington time", "a.m.", Some(Zone::UsEastern)),
            ("at 7 a.m. U.S. time", "a.m.", Some(Zone::UsEastern)),
            ("at 7 a.m. (local time)", "a.m.", Some(Zone::Local)),
            ("at 7 a.m. local time", "a.m.", Some(Zone::Local)),
            ("at 7 a.m. UTC", "a.m.", Some(Zone::Offset(0))),
        ];
        for (s, time, want) in cases {
            assert_eq!(zone_after(s, time), want, "{s}");
        }
        for s in [
            "at 7 a.m. ETA unknown",
            "at 7 a.m. on Tuesday",
            "at 7 a.m. kst",
            "at 7 a.m. local timer",
            "at 7 a.m.",
        ] {
            assert_eq!(zone_after(s, "a.m."), None, "{s}");
        }
        assert_eq!(stated_zone("é", 1), None);
    }

    #[test]
    fn us_eastern_follows_daylight_saving() {
        let on = |d: &str| Zone::UsEastern.offset_on(d.parse().unwrap());
        assert_eq!(on("2021-03-13"), Some(-300));
        assert_eq!(on("2021-03-14"), Some(-240)); // second Sunday of March
        assert_eq!(on("2021-11-06"), Some(-240));
        assert_eq!(on("2021-11-07"), Some(-300)); // first Sunday of November
        assert_eq!(on("2025-06-10"), Some(-240));
        assert_eq!(on("2020-02-20"), Some(-300));
        assert_eq!(on("2005-04-03"), Some(-240)); // old rule: first Sunday of April
        assert_eq!(on("2005-10-30"), Some(-300)); // old rule: last Sunday of October
        let date = "2025-06-10".parse().unwrap();
        assert_eq!(Zone::Local.offset_on(date), None);
        assert_eq!(Zone::Offset(540).offset_on(date), Some(540));
    }

    proptest! {
        #[test]
        fn never_panics(text in "\\PC{0,40}", at in 0usize..60) {
            let _ = stated_zone(&text, at);
        }
    }
}
