//! The time a call began: "starting at 11:30 a.m.", "from noon", "9 p.m.",
//! "at 10 o'clock", "from 5:30 p.m. for 40 minutes", 24-hour "at 17:00".
//! End times ("until 12:10 p.m.") are not start times.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use chrono::NaiveTime;
use regex::{Captures, Regex};

use super::text::tail;

static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
          (?-u:\b)(?P<h12>[0-9]{1,2})(?:[:.](?P<m12>[0-5][0-9]))?\s*(?P<ap>[ap])\.?\s?m(?-u:\b)\.?
        | (?-u:\b)(?P<word>noon|midday|midnight)(?-u:\b)
        | (?-u:\b)(?P<oc>[0-9]{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+o['’]clock(?P<ocpm>\s+(?:in\s+the\s+(?:afternoon|evening)|at\s+night|tonight))?
        | (?-u:\b)(?:at|from|starting\s+at|beginning\s+at|began\s+at|around|about|since)\s+(?P<h24>[01]?[0-9]|2[0-3]):(?P<m24>[0-5][0-9])(?-u:\b)
        ",
    )
    .expect("clock regex is valid")
});

/// Words just before a time that make it an end, not a start.
static END_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:until|till|to|through|ended|ending|ends|end|before|by)\s*(?:at\s*)?$",
    )
    .expect("end regex is valid")
});

static TIME_WORD: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(["noon", "midday", "midnight", "o'clock", "o’clock"])
        .expect("time words build")
});

/// Cheap test before the clock regex: a digit with ':', "a"/"p" or
/// "o'clock" just after it, or a time word.
fn looks_timed(sentence: &str) -> bool {
    let b = sentence.as_bytes();
    b.iter().enumerate().any(|(i, c)| {
        c.is_ascii_digit()
            && b[i + 1..]
                .iter()
                .take(3)
                .any(|n| matches!(n, b':' | b'a' | b'p' | b'A' | b'P' | b'o'))
    }) || TIME_WORD.is_match(sentence)
}

/// Start times in a sentence, with their byte spans.
pub fn start_times(sentence: &str) -> Vec<(usize, usize, NaiveTime)> {
    if !looks_timed(sentence) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for caps in CLOCK.captures_iter(sentence) {
        let Some(whole) = caps.get(0) else { continue };
        if END_MARK.is_match(tail(&sentence[..whole.start()], 24)) {
            continue;
        }
        let t = match AMPM_AFTER.captures(&sentence[whole.end()..]) {
            // "from 5:30 p.m.": the 24-hour branch matched first, read it as 12-hour.
            Some(ap) if caps.name("h24").is_some() => twelve_hour(
                caps.name("h24").and_then(|m| m.as_str().parse().ok()),
                caps.name("m24").and_then(|m| m.as_str().parse().ok()),
                ap.get(1)
                    .is_some_and(|m| m.as_str().eq_ignore_ascii_case("p")),
            ),
            _ => time(&caps),
        };
        if let Some(t) = t {
            out.push((whole.start(), whole.end(), t));
        }
    }
    out
}

static AMPM_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*([ap])\.?\s?m(?-u:\b)").expect("am/pm regex is valid"));

fn twelve_hour(hour: Option<u32>, minute: Option<u32>, pm: bool) -> Option<NaiveTime> {
    let h = hour.filter(|h| (1..=12).contains(h))?;
    let hour = match (h, pm) {
        (12, false) => 0,
        (12, true) => 12,
        (h, true) => h + 12,
        (h, false) => h,
    };
    NaiveTime::from_hms_opt(hour, minute.unwrap_or(0), 0)
}

fn time(caps: &Captures) -> Option<NaiveTime> {
    let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
    if num("h12").is_some() {
        let pm = caps.name("ap")?.as_str().eq_ignore_ascii_case("p");
        return twelve_hour(num("h12"), num("m12"), pm);
    }
    if let Some(word) = caps.name("word") {
        let hour = if word.as_str().eq_ignore_ascii_case("midnight") {
            0
        } else {
            12
        };
        return NaiveTime::from_hms_opt(hour, 0, 0);
    }
    if let Some(oc) = caps.name("oc") {
        let h = super::duration::number(oc.as_str())?;
        if !(1..=12).contains(&h) {
            return None;
        }
        let hour = if caps.name("ocpm").is_some() && h < 12 {
            h + 12
        } else {
            h
        };
        return NaiveTime::from_hms_opt(hour, 0, 0);
    }
    NaiveTime::from_hms_opt(num("h24")?, num("m24")?, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn times(s: &str) -> Vec<String> {
        start_times(s)
            .into_iter()
            .map(|(_, _, t)| t.format("%H:%M").to_string())
            .collect()
    }

    #[test]
    fn twelve_hour_forms() {
        assert_eq!(
            times("They spoke starting at 11:30 a.m. on Tuesday."),
            ["11:30"]
        );
        assert_eq!(
            times("The call, which began at 11:30 a.m., lasted"),
            ["11:30"]
        );
        assert_eq!(times("They talked at 9 p.m. Seoul time."), ["21:00"]);
        assert_eq!(times("from 5:30 p.m. for 40 minutes"), ["17:30"]);
        assert_eq!(times("at 12 a.m."), ["00:00"]);
        assert_eq!(times("at 10.15am"), ["10:15"]);
    }

    #[test]
    fn words_and_24_hour_forms() {
        assert_eq!(times("They spoke from noon for half an hour."), ["12:00"]);
        assert_eq!(times("The leaders spoke at 10 o'clock."), ["10:00"]);
        assert_eq!(times("at nine o'clock in the evening"), ["21:00"]);
        assert_eq!(times("The call began at 17:00 local time."), ["17:00"]);
    }

    #[test]
    fn end_times_and_stray_numbers_are_not_starts() {
        assert_eq!(times("from 5:30 p.m. until 6:10 p.m."), ["17:30"]);
        assert!(times("The score was 3:1 and the vote 17:00 was").is_empty());
        assert!(times("Growth reached 2.5 percent.").is_empty());
        assert!(times("They spoke on Tuesday.").is_empty());
    }
}
