//! Whole-article extraction tests: the seeds and articles written here in
//! the same kinds, on `Cleaned` values built by a naive stand-in for
//! `clean` (so these tests do not depend on it).

use chrono::{NaiveDate, NaiveTime, Weekday};

use super::*;
use crate::model::{Body, DateBasis, Header};

/// A deliberately simple cleaner for tests: header line, one paragraph per
/// non-empty line, a few boilerplate lines dropped, a line ending in a
/// parenthesised credit after a sentence is a caption, naive sentence split
/// that also splits glued sentences ("week.Our"), broadcast labels dropped.
fn naive_clean(text: &str) -> Cleaned {
    let mut lines = text.lines();
    let mut header = Header::default();
    let mut captions = Vec::new();
    let mut first = lines.next();
    if let Some(rest) = first.and_then(|l| l.strip_prefix(" date ")) {
        let (date, tail) = rest.split_at(rest.len().min(10));
        header.published = date.parse().ok();
        let tail = tail.trim();
        if tail.starts_with("Photo") {
            captions.push(tail.to_string());
        } else if !tail.is_empty() {
            header.headline = Some(tail.to_string());
        }
        first = None;
    }
    let boiler = [
        "Article content",
        "Subscribe",
        "SUBSCRIBE",
        "REGISTER",
        "Sign In",
        "By signing up",
        "Create an account",
        "THIS ",
        "- ",
        "or",
    ];
    let mut paragraphs = Body::default();
    for line in first
        .into_iter()
        .chain(lines)
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        if boiler.iter().any(|b| line.starts_with(b)) {
            continue;
        }
        if line.ends_with(')') && line.contains(". (") && line.len() < 200 {
            captions.push(line.to_string());
            continue;
        }
        let (text, sentences) = paragraph(line);
        paragraphs.push(&text, &sentences);
    }
    Cleaned {
        header,
        captions,
        paragraphs,
        page_date: None,
    }
}

/// A paragraph's text and sentence bounds, split as cleaning would.
fn paragraph(line: &str) -> (String, Vec<(u32, u32)>) {
    let mut pieces: Vec<String> = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = line.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        current.push(c);
        let next = chars.get(i + 1).copied();
        let after = chars.get(i + 2).copied();
        let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        let glued = c == '.'
            && prev.is_some_and(|p| p.is_lowercase())
            && next.is_some_and(char::is_uppercase);
        let abbreviation = prev.is_some_and(|p| p.is_uppercase()) || current.ends_with("Mr.");
        let spaced = matches!(c, '.' | '?' | '!')
            && !abbreviation
            && next == Some(' ')
            && after.is_some_and(|a| a.is_uppercase() || a == '(');
        if glued || spaced {
            pieces.push(std::mem::take(&mut current));
        }
    }
    pieces.push(current);
    let mut text = String::new();
    let mut sentences = Vec::new();
    for piece in pieces {
        let piece = piece.trim();
        let piece = piece
            .strip_prefix("Anchor:")
            .or_else(|| piece.strip_prefix("Report:"))
            .unwrap_or(piece)
            .trim();
        if piece.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(piece);
        sentences.push((
            crate::model::offset(start),
            crate::model::offset(text.len()),
        ));
    }
    (text, sentences)
}

fn run(text: &str) -> (Extracted, Leaders) {
    let leaders = Leaders::embedded();
    let topics = Topics::embedded();
    let out = Extractor::new(&leaders, &topics).extract(&naive_clean(text));
    (out, leaders)
}

fn who(leaders: &Leaders, id: Option<LeaderId>) -> &str {
    id.map_or("-", |id| leaders.get(id).name.as_str())
}

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn hm(s: &str) -> NaiveTime {
    NaiveTime::parse_from_str(s, "%H:%M").unwrap()
}

const SEED_000: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/articles/000_d4689abd9a63b843.txt"
));
const SEED_001: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/articles/001_cd7f0beace2aceae.txt"
));
const SEED_002: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/articles/002_dd8dd39acc5365f4.txt"
));
const SEED_003: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/articles/003_2c1f4e09e345c561.txt"
));
const SEED_004: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/articles/004_534532e4a34e8250.txt"
));

#[test]
fn seed_000_kbs_radio_report() {
    let (x, l) = run(SEED_000);
    assert_eq!(x.published, Some(date("2025-06-10")));
    assert_eq!(x.source.as_deref(), Some("KBS"));
    assert!(
        x.title
            .starts_with("President Lee Jae-myung spoke over the phone"),
        "{}",
        x.title
    );
    assert_eq!(who(&l, x.facts.home), "Lee Jae-myung");
    assert_eq!(who(&l, x.facts.counterpart), "Xi Jinping");
    assert_eq!(x.facts.date, Some(date("2025-06-10")));
    assert_eq!(x.facts.date_basis, DateBasis::Weekday);
    assert_eq!(x.facts.duration_minutes, Some(30));
    assert_eq!(x.facts.start_time, Some(hm("11:30")));
    for t in [
        "APEC",
        "Korean Peninsula",
        "economic cooperation",
        "people-to-people exchanges",
    ] {
        assert!(
            x.facts.topics.contains(&t.to_string()),
            "{t}: {:?}",
            x.facts.topics
        );
    }
    assert!(!x.facts.topics.contains(&"state visit".to_string()));
}

#[test]
fn seed_001_ignores_the_trump_and_ishiba_calls() {
    let (x, l) = run(SEED_001);
    assert_eq!(x.published, Some(date("2025-06-10")));
    assert_eq!(x.source, None);
    assert_eq!(
        x.title,
        "Leaders agree to improve mutual sentiment by expanding people-to-people exchanges"
    );
    assert_eq!(who(&l, x.facts.home), "Lee Jae-myung");
    assert_eq!(who(&l, x.facts.counterpart), "Xi Jinping");
    assert_eq!(x.facts.date, Some(date("2025-06-10")));
    assert_eq!(x.facts.duration_minutes, Some(30));
    assert_eq!(x.facts.start_time, Some(hm("11:30")));
    assert!(
        !x.facts.topics.contains(&"state visit".to_string()),
        "{:?}",
        x.facts.topics
    );
}

#[test]
fn seed_002_weekday_before_publication() {
    let (x, l) = run(SEED_002);
    assert_eq!(x.published, Some(date("2021-01-27")));
    assert_eq!(x.source.as_deref(), Some("Xinhua"));
    assert_eq!(who(&l, x.facts.home), "Moon Jae-in");
    assert_eq!(who(&l, x.facts.counterpart), "Xi Jinping");
    assert_eq!(
        (x.facts.date, x.facts.date_basis),
        (Some(date("2021-01-26")), DateBasis::Weekday)
    );
    assert_eq!((x.facts.duration_minutes, x.facts.start_time), (None, None));
    assert_eq!(
        x.facts.topics,
        [
            "COVID-19",
            "trade",
            "free trade agreement",
            "30th anniversary of diplomatic ties",
            "multilateralism"
        ]
    );
}

#[test]
fn seed_003_no_header_keeps_the_weekday() {
    let (x, l) = run(SEED_003);
    assert_eq!(x.published, None);
    assert_eq!(x.source.as_deref(), Some("Bloomberg"));
    assert!(
        x.title
            .starts_with("Chinese President Xi Jinping held his first phone conversation"),
        "{}",
        x.title
    );
    assert_eq!(who(&l, x.facts.home), "Lee Jae-myung");
    assert_eq!(who(&l, x.facts.counterpart), "Xi Jinping");
    assert_eq!(
        (x.facts.date, x.facts.date_basis),
        (None, DateBasis::Unknown)
    );
    assert_eq!(x.facts.weekday, Some(Weekday::Tue));
    assert_eq!(
        x.facts.topics,
        ["free trade", "multilateralism", "supply chains"]
    );
}

#[test]
fn seed_004_photo_credit_and_earlier_meeting_are_not_facts() {
    let (x, l) = run(SEED_004);
    assert_eq!(x.published, Some(date("2020-02-20")));
    assert_eq!(x.source.as_deref(), Some("Yonhap"));
    assert!(
        x.title
            .starts_with("South Korean President Moon Jae-in agreed"),
        "{}",
        x.title
    );
    assert_eq!(who(&l, x.facts.home), "Moon Jae-in");
    assert_eq!(who(&l, x.facts.counterpart), "Xi Jinping");
    assert_eq!(x.facts.date, Some(date("2020-02-20")));
    assert_eq!(x.facts.duration_minutes, Some(32));
    assert_eq!(x.facts.start_time, None);
    assert_eq!(
        x.facts.topics,
        [
            "COVID-19",
            "Korean Peninsula",
            "denuclearization",
            "state visit"
        ]
    );
}

#[test]
fn seeds_topics_cover_the_gold_call_topics() {
    let mut union: Vec<String> = Vec::new();
    for seed in [SEED_000, SEED_001, SEED_003] {
        union.extend(run(seed).0.facts.topics);
    }
    for t in [
        "APEC",
        "Korean Peninsula",
        "economic cooperation",
        "people-to-people exchanges",
        "free trade",
        "multilateralism",
        "supply chains",
    ] {
        assert!(union.contains(&t.to_string()), "{t}");
    }
    assert!(!union.contains(&"trade".to_string()));
}

#[test]
fn wire_dateline_without_year_keeps_weekday_and_credit() {
    let text = "SEOUL, May 21 (Yonhap) -- President Yoon Suk Yeol held phone talks with U.S. President Joe Biden for about 40 minutes on Saturday, his office said.\n\nYoon and Biden discussed North Korea's ballistic missile launches.\n\n(END)";
    let (x, l) = run(text);
    assert_eq!(x.published, None);
    assert_eq!(x.source.as_deref(), Some("Yonhap"));
    assert!(
        x.title
            .starts_with("President Yoon Suk Yeol held phone talks"),
        "{}",
        x.title
    );
    assert_eq!(
        (who(&l, x.facts.home), who(&l, x.facts.counterpart)),
        ("Yoon Suk Yeol", "Joe Biden")
    );
    assert_eq!((x.facts.date, x.facts.weekday), (None, Some(Weekday::Sat)));
    assert_eq!(x.facts.duration_minutes, Some(40));
    assert_eq!(x.facts.topics, ["North Korean missiles"]);
}

#[test]
fn today_with_day_of_month_and_evening_start() {
    let text = " date 2015-03-20\nPresident Park Geun-hye spoke with Chinese President Xi Jinping by phone today (20th) from 5:30 p.m. for 40 minutes.\nPark and Xi discussed the THAAD issue.";
    let (x, l) = run(text);
    assert_eq!(
        (who(&l, x.facts.home), who(&l, x.facts.counterpart)),
        ("Park Geun-hye", "Xi Jinping")
    );
    assert_eq!(x.facts.date, Some(date("2015-03-20")));
    assert_eq!(x.facts.day_of_month, Some(20));
    assert_eq!(x.facts.start_time, Some(hm("17:30")));
    assert_eq!(x.facts.duration_minutes, Some(40));
    assert_eq!(x.facts.topics, ["THAAD"]);
}

#[test]
fn another_leaders_call_in_the_same_story_is_a_distractor() {
    let text = " date 2019-03-05 Moon, Abe talk by phone\nPresident Moon Jae-in and Japanese Prime Minister Shinzo Abe held a 25-minute phone conversation on Monday, Cheong Wa Dae said.\nMoon had spoken with U.S. President Donald Trump for 35 minutes on Thursday last week. Trump called Moon again at 9 p.m. on Friday.\nMoon told Abe that he hoped for progress, and Abe agreed.";
    let (x, l) = run(text);
    assert_eq!(x.title, "Moon, Abe talk by phone");
    assert_eq!(
        (who(&l, x.facts.home), who(&l, x.facts.counterpart)),
        ("Moon Jae-in", "Shinzo Abe")
    );
    assert_eq!(
        (x.facts.date, x.facts.date_basis),
        (Some(date("2019-03-04")), DateBasis::Weekday)
    );
    assert_eq!(x.facts.duration_minutes, Some(25));
    assert_eq!(x.facts.start_time, None);
}

#[test]
fn clause_nearest_to_the_counterpart_wins_within_a_sentence() {
    let text = " date 2025-06-10\nLee, who spoke with Trump for 20 minutes on Friday, held a 30-minute call with Xi at 11:30 a.m. on Tuesday.";
    let (x, l) = run(text);
    assert_eq!(
        (who(&l, x.facts.home), who(&l, x.facts.counterpart)),
        ("Lee Jae-myung", "Xi Jinping")
    );
    assert_eq!(x.facts.date, Some(date("2025-06-10")));
    assert_eq!(x.facts.duration_minutes, Some(30));
    assert_eq!(x.facts.start_time, Some(hm("11:30")));
}

#[test]
fn dateline_with_year_is_the_publication_date_and_stated_dates_win() {
    let text = "BEIJING, Jan. 26, 2010 (Xinhua) -- Chinese President Hu Jintao and his South Korean counterpart Lee Myung-bak held a telephone conversation on Jan. 25, exchanging views on the Korean peninsula.\nHu said the two countries should boost trade.";
    let (x, l) = run(text);
    assert_eq!(x.published, Some(date("2010-01-26")));
    assert_eq!(x.source.as_deref(), Some("Xinhua"));
    assert!(
        x.title.starts_with("Chinese President Hu Jintao"),
        "{}",
        x.title
    );
    assert_eq!(
        (who(&l, x.facts.home), who(&l, x.facts.counterpart)),
        ("Lee Myung-bak", "Hu Jintao")
    );
    assert_eq!(
        (x.facts.date, x.facts.date_basis),
        (Some(date("2010-01-25")), DateBasis::Stated)
    );
    assert_eq!(x.facts.topics, ["Korean Peninsula", "trade"]);
}

#[test]
fn a_president_elects_call_is_that_leaders() {
    let text = " date 2022-03-11\nSouth Korean President-elect Yoon Suk Yeol spoke with U.S. President Joe Biden by phone for 20 minutes on Thursday night, his spokesperson said.\nBiden congratulated Yoon on his victory. Outgoing President Moon Jae-in also congratulated him.";
    let (x, l) = run(text);
    assert_eq!(
        (who(&l, x.facts.home), who(&l, x.facts.counterpart)),
        ("Yoon Suk Yeol", "Joe Biden")
    );
    assert_eq!(x.facts.date, Some(date("2022-03-10")));
    assert_eq!(x.facts.duration_minutes, Some(20));
}

#[test]
fn surnames_and_descriptors_with_a_byline() {
    let text = " date 2017-05-11\nBy Christine Kim, Reuters\nSouth Korea's new president spoke with his Chinese counterpart on Thursday for about half an hour.\nMoon told Xi that he hoped to send a delegation to Beijing.";
    let (x, l) = run(text);
    assert_eq!(x.source.as_deref(), Some("Reuters"));
    assert!(
        x.title.starts_with("South Korea's new president spoke"),
        "{}",
        x.title
    );
    assert_eq!(
        (who(&l, x.facts.home), who(&l, x.facts.counterpart)),
        ("Moon Jae-in", "Xi Jinping")
    );
    assert_eq!(x.facts.date, Some(date("2017-05-11")));
    assert_eq!(x.facts.duration_minutes, Some(30));
}

#[test]
fn page_line_date_and_no_day_word_means_a_same_day_report() {
    let text = "Briefings | Speeches | May 11, 2017\nPresident Moon Jae-in and Chinese President Xi Jinping spoke by telephone, agreeing to send special envoys.\nThe call lasted an hour and 10 minutes.";
    let (x, l) = run(text);
    assert_eq!(x.published, Some(date("2017-05-11")));
    assert!(
        x.title
            .starts_with("President Moon Jae-in and Chinese President"),
        "{}",
        x.title
    );
    assert_eq!(
        (who(&l, x.facts.home), who(&l, x.facts.counterpart)),
        ("Moon Jae-in", "Xi Jinping")
    );
    assert_eq!(
        (x.facts.date, x.facts.date_basis),
        (Some(date("2017-05-11")), DateBasis::Published)
    );
    assert_eq!(x.facts.duration_minutes, Some(70));
}

#[test]
fn nothing_stated_means_nothing_guessed() {
    let (x, _) = run("The weather was fine and markets rose.");
    assert_eq!(x.published, None);
    assert_eq!(x.source, None);
    assert_eq!(x.facts, CallFacts::default());
    let (x, _) = run("");
    assert_eq!(x, Extracted::default());
}

#[test]
fn broken_ranges_and_odd_text_do_not_panic() {
    let leaders = Leaders::embedded();
    let topics = Topics::embedded();
    let ex = Extractor::new(&leaders, &topics);
    let cleaned = Cleaned {
        header: Header {
            published: Some(date("2020-02-29")),
            headline: Some("—".into()),
        },
        captions: vec!["(".into(), "on Thursday ☎ (".into()],
        paragraphs: {
            let mut paragraphs = Body::default();
            paragraphs.push(
                "Moon 🇰🇷 spoke — Xi ☎ on the 31st (29th) at 99:99 p.m. for 999 minutes",
                &[(0, 5), (5, 2), (3, 900), (6, 7)],
            );
            paragraphs.push("Xi spoke by phone on Feb. 30, 2020 and the 31st.", &[]);
            paragraphs
        },
        page_date: None,
    };
    let x = ex.extract(&cleaned);
    assert_eq!(x.published, Some(date("2020-02-29")));
}

mod with_real_clean;

#[test]
fn one_huge_unsplit_sentence_stays_linear() {
    // Every look-behind is windowed: quadratic work here would hang.
    let unit = "Xi in Seoul. Lee spoke by phone with Xi on Tuesday at 9 p.m. for 30 minutes about a visit to China and the Korean Peninsula ";
    let text = unit.repeat(3000);
    let cleaned = Cleaned {
        header: Header {
            published: Some(date("2025-06-10")),
            headline: None,
        },
        captions: vec![],
        paragraphs: {
            let mut paragraphs = Body::default();
            paragraphs.push(&text, &[]);
            paragraphs
        },
        page_date: None,
    };
    let leaders = Leaders::embedded();
    let topics = Topics::embedded();
    let t = std::time::Instant::now();
    let x = Extractor::new(&leaders, &topics).extract(&cleaned);
    assert_eq!(x.facts.duration_minutes, Some(30));
    assert!(t.elapsed().as_secs() < 20, "{:?}", t.elapsed());
}

#[test]
fn a_predecessor_named_at_length_does_not_take_the_call() {
    let text = " date 2022-06-13\nFormer President Moon Jae-in returned to his home town. Moon Jae-in said he would rest. Moon Jae-in thanked supporters.\nPresident Yoon held a phone conversation with Japanese Prime Minister Fumio Kishida on Monday.";
    let (x, l) = run(text);
    assert_eq!(
        (who(&l, x.facts.home), who(&l, x.facts.counterpart)),
        ("Yoon Suk Yeol", "Fumio Kishida")
    );
    assert_eq!(x.facts.date, Some(date("2022-06-13")));
}
