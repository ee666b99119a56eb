//! How long a call lasted, in the forms news uses: "for some 30 minutes",
//! "a 32-minute conversation", "approximately forty minutes", "about half
//! an hour", "for an hour", "an hour and 10 minutes", "one hour and a half".

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::{Captures, Regex};

use super::text::tail;

/// Number words up to ninety-nine, compounds first so "twenty-five" is
/// not read as "twenty".
const NUMBER: &str = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|eleven|twelve|ten|one|two|three|four|five|six|seven|eight|nine|[0-9]{1,3}";

static DURATION: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?ix)(?-u:\b)(?:
          (?P<hh>an|one|a\s+single|[0-9]|two|three)[\s-]+hours?\s+and\s+(?:(?P<hhalf>a\s+half)|(?P<hm>{NUMBER})[\s-]+min(?:ute)?s?)
        | (?P<andhalf>an|one|[0-9]|two)\s+and\s+a\s+half[\s-]+hours?
        | (?P<halfhour>half\s+an\s+hour|half[\s-]hour)
        | (?P<h>an|one|a\s+full|[0-9](?:\.[0-9])?|two|three)[\s-]+hours?(?:[\s-]long)?
        | (?P<hourlong>hour[\s-]?long)
        | (?P<m>{NUMBER})[\s-]+min(?:ute)?s?(?:[\s-]long)?
        )(?-u:\b)"
    );
    Regex::new(&pattern).expect("duration regex is valid")
});

/// Words after a span that make it a delay, not a length ("an hour later").
static NOT_LENGTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[^A-Za-z0-9]*(?:later|after|before|ago|earlier|ahead|behind|away|early|late|into)(?-u:\b)")
        .expect("delay regex is valid")
});

/// "for", maybe hedged, just before a span: it measures how long.
static FOR_LENGTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)for(?:\s+(?:about|some|around|approximately|roughly|nearly|almost|over|just))?$")
        .expect("for-length regex is valid")
});

static LATE_OR_EARLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^[^A-Za-z0-9]*(?:late|early)\s+(?:on|in|that|this|last|Mon|Tue|Wed|Thu|Fri|Sat|Sun)",
    )
    .expect("late-or-early regex is valid")
});

/// A call length in a sentence, with its byte span: (start, end, minutes).
pub fn durations(sentence: &str) -> Vec<(usize, usize, u32)> {
    if !might_hold_duration(sentence) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for caps in DURATION.captures_iter(sentence) {
        let Some(whole) = caps.get(0) else { continue };
        let before = tail(&sentence[..whole.start()], 16)
            .trim_end()
            .to_ascii_lowercase();
        // "spoke for about 40 minutes late on Wednesday": after "for" a
        // span is a length even when a time-of-day word follows it.
        let after = &sentence[whole.end()..];
        let for_length = FOR_LENGTH.is_match(&before) && LATE_OR_EARLY.is_match(after);
        if NOT_LENGTH.is_match(after) && !for_length {
            continue;
        }
        if before.ends_with("within") || before.ends_with("after") || before.ends_with("every") {
            continue;
        }
        if let Some(minutes) = minutes(&caps).filter(|&m| (1..=600).contains(&m)) {
            out.push((whole.start(), whole.end(), minutes));
        }
    }
    out
}

static UNIT_WORD: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(["min", "hour"])
        .expect("unit words build")
});

fn might_hold_duration(s: &str) -> bool {
    UNIT_WORD.is_match(s)
}

fn minutes(caps: &Captures) -> Option<u32> {
    let get = |name: &str| caps.name(name).map(|m| m.as_str());
    if let Some(h) = get("hh") {
        let extra = match get("hm") {
            Some(m) => number(m)?,
            None => 30,
        };
        return Some(number(h)? * 60 + extra);
    }
    if let Some(h) = get("andhalf") {
        return Some(number(h)? * 60 + 30);
    }
    if get("halfhour").is_some() {
        return Some(30);
    }
    if let Some(h) = get("h") {
        let h = h.to_ascii_lowercase();
        if let Ok(hours) = h.parse::<f32>() {
            return Some((hours * 60.0).round() as u32);
        }
        return number(&h).map(|n| n * 60);
    }
    if get("hourlong").is_some() {
        return Some(60);
    }
    number(get("m")?)
}

/// "32", "thirty", "forty-five", "an", "a single".
pub fn number(word: &str) -> Option<u32> {
    let w = word.trim().to_ascii_lowercase();
    if let Ok(n) = w.parse() {
        return Some(n);
    }
    let units = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    let tens = [
        "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if matches!(w.as_str(), "an" | "a" | "a full") || w.starts_with("a ") {
        return Some(1);
    }
    let mut parts = w.split([' ', '-']).filter(|p| !p.is_empty());
    let first = parts.next()?;
    let second = parts.next();
    if let Some(t) = tens.iter().position(|t| !t.is_empty() && *t == first) {
        let unit = match second {
            Some(u) => units
                .iter()
                .position(|x| *x == u)
                .filter(|&u| (1..10).contains(&u))?,
            None => 0,
        };
        return Some(t as u32 * 10 + unit as u32);
    }
    units.iter().position(|u| *u == first).map(|n| n as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mins(s: &str) -> Vec<u32> {
        durations(s).into_iter().map(|(_, _, m)| m).collect()
    }

    #[test]
    fn minute_forms() {
        assert_eq!(mins("They spoke for some 30 minutes."), vec![30]);
        assert_eq!(
            mins("During the 32-minute conversation, Moon said"),
            vec![32]
        );
        assert_eq!(mins("their 30-minute first phone call"), vec![30]);
        assert_eq!(mins("The call lasted approximately 40 minutes."), vec![40]);
        assert_eq!(mins("They talked for about forty-five minutes."), vec![45]);
        assert_eq!(mins("a twenty minute call"), vec![20]);
        assert_eq!(mins("a 50-minute-long phone conversation"), vec![50]);
        assert_eq!(mins("talks lasting 25 mins"), vec![25]);
    }

    #[test]
    fn hour_forms() {
        assert_eq!(mins("They spoke for about half an hour."), vec![30]);
        assert_eq!(mins("a half-hour phone call"), vec![30]);
        assert_eq!(mins("They spoke for an hour."), vec![60]);
        assert_eq!(mins("an hour-long phone call"), vec![60]);
        assert_eq!(mins("They talked for an hour and 10 minutes."), vec![70]);
        assert_eq!(mins("They talked for one hour and a half."), vec![90]);
        assert_eq!(mins("They talked for one and a half hours."), vec![90]);
        assert_eq!(mins("The call lasted 1.5 hours."), vec![90]);
        assert_eq!(
            mins("They talked for two hours and fifteen minutes."),
            vec![135]
        );
    }

    #[test]
    fn delays_and_other_spans_are_not_lengths() {
        assert!(mins("An hour later, the office announced it.").is_empty());
        assert!(mins("The plane landed 40 minutes late on Wednesday.").is_empty());
        assert_eq!(
            mins("Lee spoke with Ishiba for about 40 minutes late on Wednesday."),
            vec![40]
        );
        assert!(mins("The readout came 30 minutes after the call.").is_empty());
        assert!(mins("They promised to reply within 30 minutes.").is_empty());
        assert!(mins("Visitors can stay for up to 15 days.").is_empty());
        assert!(mins("It happened on Tuesday.").is_empty());
    }

    #[test]
    fn number_words() {
        assert_eq!(number("thirty"), Some(30));
        assert_eq!(number("Forty-five"), Some(45));
        assert_eq!(number("seventeen"), Some(17));
        assert_eq!(number("an"), Some(1));
        assert_eq!(number("lots"), None);
    }
}
