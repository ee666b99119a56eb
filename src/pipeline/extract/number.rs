//! Numbers as news writes them, in words or digits ("32", "thirty",
//! "forty-five", "an"): what the clock and duration readers both count with.

/// Number words up to ninety-nine, compounds first so "twenty-five" is
/// not read as "twenty".
pub(super) const NUMBER: &str = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|eleven|twelve|ten|one|two|three|four|five|six|seven|eight|nine|[0-9]{1,3}";

pub(super) fn is_ten(word: Option<&str>) -> bool {
    matches!(
        word,
        Some("twenty" | "thirty" | "forty" | "fifty" | "sixty" | "seventy" | "eighty" | "ninety")
    )
}

pub(super) fn is_teen(word: Option<&str>) -> bool {
    matches!(
        word,
        Some(
            "thirteen"
                | "fourteen"
                | "fifteen"
                | "sixteen"
                | "seventeen"
                | "eighteen"
                | "nineteen"
                | "eleven"
                | "twelve"
                | "ten"
        )
    )
}

pub(super) fn is_digit_word(word: Option<&str>) -> bool {
    matches!(
        word,
        Some("one" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine")
    )
}

/// "32", "thirty", "forty-five", "an", "a single".
pub(super) fn number(word: &str) -> Option<u32> {
    let w = word.trim();
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
    let is = |a: &str, b: &str| a.eq_ignore_ascii_case(b);
    if ["an", "a", "a full"].iter().any(|a| is(w, a))
        || w.as_bytes()
            .get(..2)
            .is_some_and(|p| p.eq_ignore_ascii_case(b"a "))
    {
        return Some(1);
    }
    let mut parts = w.split([' ', '-']).filter(|p| !p.is_empty());
    let first = parts.next()?;
    let second = parts.next();
    if let Some(t) = tens.iter().position(|t| !t.is_empty() && is(t, first)) {
        let unit = match second {
            Some(u) => units
                .iter()
                .position(|x| is(x, u))
                .filter(|&u| (1..10).contains(&u))?,
            None => 0,
        };
        return Some(t as u32 * 10 + unit as u32);
    }
    units.iter().position(|u| is(u, first)).map(|n| n as u32)
}
