//! The source outlet of an article: the outlet table from
//! `assets/outlets.toml`, datelines ("BEIJING, Jan. 26 (Xinhua) --",
//! "(Bloomberg) —"), trailers ("(Yonhap)", "NAME, KBS World Radio News.",
//! "(With contribution from Xinhua)") and bylines ("By NAME, Reuters").
//! Only those positions count: an outlet a story merely quotes is not its
//! source.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;
use serde::Deserialize;

use super::dates::MONTHS;

pub const EMBEDDED_OUTLETS: &str = include_str!("../../assets/outlets.toml");

#[derive(Debug, Clone, Deserialize)]
struct OutletEntry {
    name: String,
    #[serde(default)]
    variants: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
struct OutletFile {
    outlet: Vec<OutletEntry>,
}

/// Outlet credits → canonical names.
#[derive(Debug, Clone, Default)]
pub struct Outlets {
    by_key: HashMap<String, String>,
}

impl Outlets {
    pub fn embedded() -> Outlets {
        // Compiled-in data covered by a test: failing is a build defect.
        Outlets::parse(EMBEDDED_OUTLETS).expect("assets/outlets.toml is valid")
    }

    pub fn parse(text: &str) -> anyhow::Result<Outlets> {
        let file: OutletFile = toml::from_str(text)?;
        let mut by_key = HashMap::new();
        for entry in file.outlet {
            for spelling in std::iter::once(&entry.name).chain(&entry.variants) {
                by_key.insert(key(spelling), entry.name.clone());
            }
        }
        Ok(Outlets { by_key })
    }

    /// The canonical name of a credit, if it names a known outlet.
    pub fn canonical(&self, credit: &str) -> Option<&str> {
        self.by_key.get(&key(credit)).map(String::as_str)
    }
}

/// Case, curly quotes, a leading "The" and trailing punctuation do not
/// distinguish credits.
fn key(s: &str) -> String {
    let s = s.trim().trim_end_matches(['.', ',', ';', ':']).trim();
    let lower = s.to_lowercase().replace('’', "'");
    let lower = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    match lower.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => lower,
    }
}

/// A dateline or wire credit opening a story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline<'t> {
    /// Byte offset where the story text proper begins.
    pub end: usize,
    pub outlet: Option<&'t str>,
    pub month_day: Option<(u32, u32)>,
    pub year: Option<i32>,
}

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*(?:(?P<city>[A-Z][A-Z.'\- ]{{1,30}}(?:,\s*[A-Z][A-Za-z.\- ]{{1,20}})?)(?:,\s*(?P<mon>{MONTHS})\.?\s+(?P<d>[0-9]{{1,2}})(?:,\s*(?P<y>[0-9]{{4}}))?)?\s*)?(?:\((?P<outlet>[^()]+)\)\s*)?(?:--|—|–|-)\s*"
    ))
    .expect("dateline regex is valid")
});

/// "BEIJING, Jan. 26 (Xinhua) --", "SEOUL (Reuters) -", "(Bloomberg) —".
pub fn dateline(sentence: &str) -> Option<Dateline<'_>> {
    if !may_open_with_dateline(sentence) {
        return None;
    }
    let caps = DATELINE.captures(sentence)?;
    let city = caps.name("city").map(|m| m.as_str().trim());
    let outlet = caps
        .name("outlet")
        .map(|m| m.as_str().trim())
        .filter(|o| (2..=40).contains(&o.len()));
    let dated = caps.name("mon").is_some();
    // A capitalised word before a dash is only a dateline when it is all
    // capitals and comes with a date or a credit.
    let city_ok = city.is_some_and(|c| c.len() >= 2 && c.chars().any(|ch| ch.is_ascii_uppercase()));
    if outlet.is_none() && !(city_ok && dated) {
        return None;
    }
    let month_day = match (caps.name("mon"), caps.name("d")) {
        (Some(m), Some(d)) => super::dates::month_number(m.as_str())
            .zip(d.as_str().parse().ok())
            .filter(|&(_, d)| (1..=31).contains(&d)),
        _ => None,
    };
    let year = caps.name("y").and_then(|y| y.as_str().parse().ok());
    Some(Dateline {
        end: caps.get(0).map_or(0, |m| m.end()),
        outlet,
        month_day,
        year,
    })
}

/// What `DATELINE` needs first: a city in capitals ("SEOUL", "U.S."), a
/// credit in parentheses, or the dash itself. Nearly every sentence fails
/// this at its first two characters, without running the regex.
fn may_open_with_dateline(sentence: &str) -> bool {
    let mut chars = sentence.trim_start().chars();
    match chars.next() {
        Some('A'..='Z') => matches!(chars.next(), Some('A'..='Z' | '.' | '\'' | '-' | ' ')),
        Some('(' | '-' | '—' | '–') => true,
        _ => false,
    }
}

/// A credit is accepted unknown only in a dateline, and only when it reads
/// like a name rather than an editor's note ("(Adds background.)").
fn looks_like_outlet(credit: &str) -> bool {
    let words: Vec<&str> = credit.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 4
        && !credit.contains([',', ';', '.', ':'])
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
}

static TRAILER_WITH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\(?\s*with (?:contributions?|inputs?|additional reporting|reporting|information) from ([^()]+?)\s*\)?\s*\.?$")
        .expect("trailer regex is valid")
});
static TRAILER_PAREN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\(([^()]+)\)\s*\.?$").expect("paren regex is valid"));
static TRAILER_SIGNOFF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[^,()]*,\s*([^,]+?)\s*\.?$").expect("signoff regex is valid")
});
static TRAILER_SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:source|copyright|©|\(c\))\s*:?\s*(?:©\s*)?(?:[0-9]{4}\s+)?([^,|]+?)\s*\.?(?:\s+all rights reserved\.?)?$")
        .expect("source regex is valid")
});
static TRAILING_PAREN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"[.!?”"]\s+(\([^()]+\))\s*$"#).expect("trailing regex is valid"));
static REUTERS_SIGNOFF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\(Reporting by [^)]*Editing by [^)]*\)\s*$").expect("reuters regex is valid")
});
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^By\s+\p{Lu}[^,|()]*?(?:\s*[,|]\s*|\s+-\s+|\s+for\s+|\s+\()([^,|()]+?)\)?\s*\.?$")
        .expect("byline regex is valid")
});

/// The trailer regexes that can match `s`, judged by its first character
/// (and a comma for a sign-off), in the order they are tried: most closing
/// sentences are story text that none of them can match, and a look at one
/// character is far cheaper than running four regexes.
fn trailer_forms(s: &str) -> [Option<&'static Regex>; 4] {
    let first = s.chars().next();
    let after_paren = s.strip_prefix('(').unwrap_or(s).trim_start();
    [
        // `(?i)^\(?\s*with …`
        after_paren
            .starts_with(['w', 'W'])
            .then_some(&*TRAILER_WITH),
        // `^\(…`
        (first == Some('(')).then_some(&*TRAILER_PAREN),
        // `^\p{Lu}[^,()]*,…`
        (first.is_some_and(char::is_uppercase) && s.contains(',')).then_some(&*TRAILER_SIGNOFF),
        // `(?i)^(?:source|copyright|©|\(c\))…`; 'ſ' folds to 's'.
        matches!(first, Some('s' | 'S' | 'ſ' | 'c' | 'C' | '©' | '(')).then_some(&*TRAILER_SOURCE),
    ]
}

/// The outlet credited in source positions, canonicalised. `opening` are
/// the first sentences of the body, `closing` the last ones, last first.
pub fn source<'t>(outlets: &Outlets, opening: &[&'t str], closing: &[&'t str]) -> Option<String> {
    let known = |credit: &str| {
        (credit.len() <= 80)
            .then(|| outlets.canonical(credit))
            .flatten()
            .map(str::to_string)
    };
    for sentence in opening {
        if let Some(credit) = dateline(sentence).and_then(|d| d.outlet) {
            if let Some(name) = known(credit) {
                return Some(name);
            }
            if looks_like_outlet(credit) {
                return Some(credit.to_string());
            }
        }
        let s = sentence.trim();
        if let Some(name) = s
            .starts_with("By")
            .then(|| BYLINE.captures(s))
            .flatten()
            .and_then(|c| known(&c[1]))
        {
            return Some(name);
        }
    }
    for sentence in closing {
        let s = sentence.trim();
        if s.eq_ignore_ascii_case("(END)") || s.is_empty() {
            continue;
        }
        let found = trailer_forms(s)
            .into_iter()
            .flatten()
            .find_map(|re| re.captures(s).and_then(|c| known(&c[1])));
        if found.is_some() {
            return found;
        }
        // A credit left glued to the last sentence: "… development. (Yonhap)".
        if let Some(tail) = s
            .ends_with(')')
            .then(|| TRAILING_PAREN.captures(s))
            .flatten()
            .and_then(|c| c.get(1))
        {
            let tail = tail.as_str();
            let found = TRAILER_WITH
                .captures(tail)
                .and_then(|c| known(&c[1]))
                .or_else(|| TRAILER_PAREN.captures(tail).and_then(|c| known(&c[1])));
            if found.is_some() {
                return found;
            }
        }
        if s.starts_with("(Reporting by") && REUTERS_SIGNOFF.is_match(s) {
            return Some("Reuters".to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(opening: &[&str], closing: &[&str]) -> Option<String> {
        source(&Outlets::embedded(), opening, closing)
    }

    proptest::proptest! {
        /// The cheap look before each regex only skips texts the regex
        /// cannot match.
        #[test]
        fn first_character_checks_never_skip_a_match(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "(", ")", " ", "\t", "\u{a0}", "--", "—", "–", "-", ",", ".", "'",
                "SEOUL", "U.S.", "S", "Xinhua", "a", "Jan. 26", "2019",
                "with", "With", "WITH ", " contribution from ", "By", "Kim",
                "source", "Source", "ſource", "copyright", "©", "(c)", "c)",
            ]), 0..8)
        ) {
            let s = pieces.concat();
            if DATELINE.is_match(&s) {
                proptest::prop_assert!(may_open_with_dateline(&s));
            }
            let forms = trailer_forms(&s);
            for (i, re) in [&*TRAILER_WITH, &*TRAILER_PAREN, &*TRAILER_SIGNOFF, &*TRAILER_SOURCE]
                .into_iter()
                .enumerate()
            {
                if re.is_match(&s) {
                    proptest::prop_assert!(forms[i].is_some(), "{} {:?}", i, s);
                }
            }
        }
    }

    #[test]
    fn embedded_table_loads_and_canonicalises_variants() {
        let o = Outlets::embedded();
        assert_eq!(o.canonical("KBS World Radio News"), Some("KBS"));
        assert_eq!(o.canonical("yonhap news agency"), Some("Yonhap"));
        assert_eq!(o.canonical("The Associated Press"), Some("AP"));
        assert_eq!(o.canonical("Xinhua News Agency."), Some("Xinhua"));
        assert_eq!(o.canonical("People’s Daily"), Some("People's Daily"));
        assert_eq!(o.canonical("Cheong Wa Dae"), None);
    }

    #[test]
    fn datelines_give_outlet_date_and_where_the_story_starts() {
        let s = "BEIJING, Jan. 26 (Xinhua) -- Chinese President Xi Jinping said";
        let d = dateline(s).unwrap();
        assert_eq!(d.outlet, Some("Xinhua"));
        assert_eq!(d.month_day, Some((1, 26)));
        assert_eq!(&s[d.end..], "Chinese President Xi Jinping said");
        let d = dateline("SEOUL, March 3, 2018 (Yonhap) -- x").unwrap();
        assert_eq!((d.month_day, d.year), (Some((3, 3)), Some(2018)));
        assert_eq!(
            dateline("(Bloomberg) — Xi said").unwrap().outlet,
            Some("Bloomberg")
        );
        assert_eq!(
            dateline("TOKYO (Kyodo) - Abe said").unwrap().outlet,
            Some("Kyodo")
        );
        assert!(dateline("Xi said — firmly — that").is_none());
        assert!(dateline("US - China ties").is_none());
    }

    #[test]
    fn opening_credits_name_the_source() {
        assert_eq!(
            src(&["(Bloomberg) — Xi held a call."], &[]).as_deref(),
            Some("Bloomberg")
        );
        assert_eq!(
            src(&["WASHINGTON (AP) — Biden spoke."], &[]).as_deref(),
            Some("AP")
        );
        assert_eq!(
            src(&["SEOUL, June 10 (Yonhap) -- Lee spoke."], &[]).as_deref(),
            Some("Yonhap")
        );
        assert_eq!(
            src(&["By Hyonhee Shin, Reuters"], &[]).as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            src(&["By Kim Tong-hyung | Associated Press"], &[]).as_deref(),
            Some("AP")
        );
        // An unknown wire in a dateline still reads as a credit.
        assert_eq!(
            src(&["SEOUL (Seoul Shinmun) — Moon said."], &[]).as_deref(),
            Some("Seoul Shinmun")
        );
    }

    #[test]
    fn trailers_name_the_source() {
        assert_eq!(src(&[], &["(Yonhap)"]).as_deref(), Some("Yonhap"));
        assert_eq!(src(&[], &["(END)", "(Yonhap)"]).as_deref(), Some("Yonhap"));
        assert_eq!(
            src(&[], &["Bae Joo-yon, KBS World Radio News."]).as_deref(),
            Some("KBS")
        );
        assert_eq!(
            src(&[], &["(With contribution from Xinhua)"]).as_deref(),
            Some("Xinhua")
        );
        assert_eq!(
            src(&[], &["Moon agreed. (With contribution from Xinhua)"]).as_deref(),
            Some("Xinhua")
        );
        assert_eq!(
            src(&[], &["Xi said so. (Yonhap)"]).as_deref(),
            Some("Yonhap")
        );
        assert_eq!(
            src(&[], &["With additional reporting from AFP."]).as_deref(),
            Some("AFP")
        );
        assert_eq!(
            src(&[], &["Source: Global Times"]).as_deref(),
            Some("Global Times")
        );
        assert_eq!(
            src(&[], &["(Reporting by Joyce Lee; Editing by Ed Davies)"]).as_deref(),
            Some("Reuters")
        );
    }

    #[test]
    fn credits_and_notes_that_are_not_outlets_are_ignored() {
        assert_eq!(src(&[], &["(Cheong Wa Dae)"]), None);
        assert_eq!(
            src(
                &[],
                &[
                    "(Adds background, analyst comment.)",
                    "—With assistance from Philip Glamann."
                ]
            ),
            None
        );
        assert_eq!(src(&[], &["Kang said, according to Cheong Wa Dae."]), None);
        assert_eq!(
            src(
                &["Xi said so, state-run Xinhua News Agency reported."],
                &["Lee agreed."]
            ),
            None
        );
    }
}
