//! A deterministic generator of realistic synthetic articles in the seed
//! format, for benchmarks and scale tests. Same seed, same corpus.
//!
//! Each article reports a call between a South Korean leader and a
//! counterpart in office on that day (from `assets/leaders.toml`), in the
//! forms news uses: weekday or calendar dates, durations, start times,
//! topics from `assets/topics.toml`, outlets with their bylines, datelines
//! and trailers, quotes, filler prose over a Zipf-distributed vocabulary
//! (so the vocabulary grows with the corpus as real text does), and some
//! boilerplate (subscription blocks, Korean page metadata, captions).

use std::fmt::Write as _;
use std::path::Path;

use chrono::{Datelike, Duration, NaiveDate};

use crate::leaders::{LeaderId, Leaders};
use crate::topics::Topics;

/// splitmix64: tiny, fast, and the same on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// Zipf-like rank in `0..n`: small ranks are far more likely.
    fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        (((n as f64 + 1.0).powf(u) - 1.0) as usize).min(n - 1)
    }
}

#[rustfmt::skip]
const OUTLETS: &[&str] = &[
    "Yonhap", "KBS", "Xinhua", "Bloomberg", "Reuters", "AP", "Korea Herald", "Korea Times",
    "Korea JoongAng Daily", "Global Times", "Arirang", "Kyodo", "Hankyoreh", "CGTN", "NHK",
];

#[rustfmt::skip]
const REPORTERS: &[&str] = &[
    "Bae Joo-yon", "Kim Eun-jung", "Park Si-soo", "Lee Haye-ah", "Choi Soo-hyang", "Wang Qi",
    "Zhang Hui", "Jane Chung", "Hyonhee Shin", "Sarah Kim", "Kang Seung-woo", "Yoo Jee-ho",
];

#[rustfmt::skip]
const SPOKESPEOPLE: &[&str] = &[
    "presidential spokesperson Kang Yu-jung", "Cheong Wa Dae spokesperson Kang Min-seok",
    "presidential spokesman Kim Eui-kyeom", "senior press secretary Yoon Jae-kwan",
    "deputy national security adviser Kim Tae-hyo", "presidential spokesperson Kim Eun-hye",
];

#[rustfmt::skip]
const COMMON: &[&str] = &[
    "the", "of", "and", "to", "in", "a", "that", "on", "for", "with", "said", "two", "as",
    "was", "is", "by", "their", "at", "it", "he", "his", "will", "from", "be", "have", "also",
    "countries", "leaders", "cooperation", "relations", "president", "government", "would",
    "agreed", "bilateral", "ties", "an", "this", "year", "they", "which", "has", "had", "not",
    "more", "new", "between", "first", "were", "sides", "officials", "after", "during",
    "security", "economic", "peace", "stability", "region", "regional", "development", "issues",
    "talks", "meeting", "summit", "visit", "support", "efforts", "future", "people", "national",
    "international", "policy", "government's", "foreign", "ministry", "statement",
    "spokesperson", "office", "week", "month", "phone", "call", "conversation", "discussed",
    "exchanged", "views", "hope", "expressed", "stressed", "noted", "added", "called", "said",
    "important", "strategic", "partnership", "communication", "dialogue", "mutual", "trust",
    "common", "interests", "global", "economy", "growth", "investment", "markets", "industry",
    "technology", "energy", "climate", "health", "culture", "tourism", "students", "youth",
    "exchanges", "friendship", "neighbors", "neighboring", "history", "anniversary",
    "diplomatic", "normalization", "commitment", "principle", "framework", "consultation",
    "mechanism", "agenda", "priority", "situation", "tension", "tensions", "response",
    "measures", "challenges", "opportunities", "progress", "results", "plan", "plans",
    "administration", "election", "inauguration", "congratulated", "thanked", "invited",
    "welcomed", "proposed", "reaffirmed", "emphasized", "pledged", "vowed", "urged", "shared",
    "understanding", "consensus", "resolution", "vision", "roadmap", "initiative", "project",
    "projects", "companies", "firms", "businesses", "workers", "citizens", "residents",
    "authorities", "agencies", "ministers", "envoys", "delegation", "delegations", "analysts",
    "experts", "observers", "sources", "reporters", "briefing", "remarks", "comments", "tariff",
    "tariffs", "exports", "imports", "sanctions", "missile", "nuclear", "alliance",
];

#[rustfmt::skip]
const SYLLABLES: &[&str] = &[
    "ka", "ro", "mi", "ten", "sa", "lo", "ver", "an", "ti", "pre", "con", "dis", "ment", "al",
    "ic", "ous", "ble", "ter", "gra", "phi", "lu", "nor", "vi", "sto", "pan", "mer", "ex", "ul",
    "qua", "zo", "bri", "dem", "fen", "gal", "hul", "jor", "kes", "lin", "mor", "nex", "pol",
];

#[rustfmt::skip]
const WEEKDAYS: [&str; 7] = [
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
];
#[rustfmt::skip]
const MONTHS: [&str; 12] = [
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];

/// A call the generated articles report.
struct Plan {
    date: NaiveDate,
    home: usize,
    counterpart: usize,
    minutes: u32,
    start: (u32, u32),
    topics: Vec<usize>,
}

/// `count` articles as (file name, text). Several articles report each call.
pub fn generate(seed: u64, count: usize) -> Vec<(String, String)> {
    plan_corpus(seed, count)
        .1
        .into_iter()
        .map(|(name, text, _, _)| (name, text))
        .collect()
}

/// The calls, and each article with the index of the call it reports.
type Planned = (String, String, usize, &'static str);

fn plan_corpus(seed: u64, count: usize) -> (Vec<Plan>, Vec<Planned>) {
    let leaders = Leaders::embedded();
    let topics = Topics::embedded();
    let mut rng = Rng(seed ^ 0x5EED_F0CA_1100);
    let rare: Vec<String> = (0..40_000).map(|_| pseudo_word(&mut rng)).collect();
    let calls: Vec<Plan> = (0..count.div_ceil(3).max(1))
        .filter_map(|_| plan(&mut rng, &leaders, &topics))
        .collect();
    let articles = (0..count)
        .map(|i| {
            let c = rng.below(calls.len());
            let (text, outlet) = article(&mut rng, &calls[c], &leaders, &topics, &rare);
            let name = format!("{i:06}_{:016x}.txt", rng.next());
            (name, text, c, outlet)
        })
        .collect();
    (calls, articles)
}

/// The generated corpus as a `Timeline` built straight from what the
/// generator meant (calls, outlets, topics), skipping read, clean, extract
/// and group: lets the query engine be measured at 100,000 articles in
/// seconds, independently of the loading stages. Paragraphs split on blank
/// lines, sentences on ". ".
pub fn timeline(seed: u64, count: usize) -> crate::model::Timeline {
    use crate::model::{Article, Call, CallFacts, DateBasis, Paragraph, Reported};
    let leaders = Leaders::embedded();
    let topic_names = Topics::embedded();
    let (plans, texts) = plan_corpus(seed, count);
    let mut slot = vec![usize::MAX; plans.len()];
    let mut calls: Vec<Call> = Vec::new();
    let mut call_of_article = Vec::with_capacity(texts.len());
    let mut articles = Vec::with_capacity(texts.len());
    for (i, (file, text, c, outlet)) in texts.into_iter().enumerate() {
        let plan = &plans[c];
        if slot[c] == usize::MAX {
            slot[c] = calls.len();
            let (home, other) = (LeaderId(plan.home), LeaderId(plan.counterpart));
            calls.push(Call {
                id: format!(
                    "{}-{}-{}",
                    plan.date.format("%Y-%m-%d"),
                    leaders.get(home).short,
                    leaders.get(other).short
                ),
                date: plan.date,
                date_basis: DateBasis::Stated,
                home,
                counterpart: other,
                duration_minutes: Reported::default(),
                start_time: Reported::default(),
                topics: plan
                    .topics
                    .iter()
                    .map(|&t| topic_names.all[t].name.clone())
                    .collect(),
                articles: Vec::new(),
            });
        }
        calls[slot[c]].articles.push(i);
        call_of_article.push(Some(slot[c]));
        let (header, body) = match text.strip_prefix(" date ") {
            Some(rest) => rest.split_once('\n').unwrap_or((rest, "")),
            None => ("", text.as_str()),
        };
        let published = header.get(..10).and_then(|d| d.parse().ok());
        let paragraphs: Vec<Paragraph> = body
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(Paragraph::plain)
            .collect();
        let title = match header.get(11..) {
            Some(h) if !h.trim().is_empty() => h.trim().to_string(),
            _ => paragraphs
                .first()
                .and_then(|p| p.sentence_texts().next())
                .unwrap_or_default()
                .to_string(),
        };
        articles.push(Article {
            id: file.trim_end_matches(".txt").to_string(),
            path: format!("synth:{file}"),
            file,
            published,
            title,
            source: Some(outlet.to_string()),
            paragraphs,
            facts: CallFacts::default(),
            warnings: Vec::new(),
            ..Article::default()
        });
    }
    // The real last stage orders calls newest first and finds the eras.
    let date_basis = vec![DateBasis::Stated; articles.len()];
    let grouping = crate::group::Grouping {
        calls,
        call_of_article,
        date_basis,
    };
    crate::timeline::build(articles, grouping, Vec::new(), leaders)
}

/// `generate(seed, count)` as decoded documents, ready for
/// `corpus::build_articles`: a corpus in memory, no disk involved.
pub fn docs(seed: u64, count: usize) -> Vec<crate::read::RawDoc> {
    generate(seed, count)
        .into_iter()
        .map(|(file, text)| crate::read::RawDoc {
            id: file.trim_end_matches(".txt").to_string(),
            path: format!("synth:{file}"),
            file,
            text,
            warnings: Vec::new(),
        })
        .collect()
}

/// Write `generate(seed, count)` into `dir` (created if missing).
pub fn write_corpus(dir: &Path, seed: u64, count: usize) -> std::io::Result<u64> {
    std::fs::create_dir_all(dir)?;
    let mut bytes = 0;
    for (name, text) in generate(seed, count) {
        bytes += text.len() as u64;
        std::fs::write(dir.join(name), text)?;
    }
    Ok(bytes)
}

fn pseudo_word(rng: &mut Rng) -> String {
    let n = 2 + rng.below(3);
    (0..n).map(|_| *rng.pick(SYLLABLES)).collect()
}

fn plan(rng: &mut Rng, leaders: &Leaders, topics: &Topics) -> Option<Plan> {
    for _ in 0..20 {
        let start = NaiveDate::from_ymd_opt(2003, 3, 1)?;
        let date = start + Duration::days(rng.below(8300) as i64);
        let home = *leaders.in_office("KR", date).first()?;
        let country = *rng.pick(&["CN", "CN", "CN", "US", "US", "JP", "RU"]);
        let Some(&counterpart) = leaders.in_office(country, date).first() else {
            continue;
        };
        let minutes = *rng.pick(&[20, 25, 30, 30, 32, 35, 40, 45, 60]);
        let start = (
            *rng.pick(&[9, 10, 11, 14, 15, 16, 17, 21]),
            *rng.pick(&[0, 0, 15, 30]),
        );
        let n = 1 + rng.below(4);
        let topics = (0..n).map(|_| rng.below(topics.all.len())).collect();
        return Some(Plan {
            date,
            home: home.0,
            counterpart: counterpart.0,
            minutes,
            start,
            topics,
        });
    }
    None
}

fn clock((h, m): (u32, u32)) -> String {
    let (h12, half) = match h {
        0 => (12, "a.m."),
        1..=11 => (h, "a.m."),
        12 => (12, "p.m."),
        _ => (h - 12, "p.m."),
    };
    if m == 0 {
        format!("{h12} {half}")
    } else {
        format!("{h12}:{m:02} {half}")
    }
}

/// One article's text and the outlet it is written as.
fn article(
    rng: &mut Rng,
    call: &Plan,
    leaders: &Leaders,
    topics: &Topics,
    rare: &[String],
) -> (String, &'static str) {
    let home = &leaders.all[call.home];
    let other = &leaders.all[call.counterpart];
    let country = leaders
        .country(&other.country)
        .and_then(|c| c.adjectives.first())
        .map_or("foreign", String::as_str);
    let published = call.date + Duration::days(rng.below(2) as i64);
    let outlet = *rng.pick(OUTLETS);
    let day_phrase = if rng.chance(60) {
        format!(
            "on {}",
            WEEKDAYS[call.date.weekday().num_days_from_monday() as usize]
        )
    } else {
        format!(
            "on {} {}",
            MONTHS[call.date.month0() as usize],
            call.date.day()
        )
    };
    let minutes = match rng.below(4) {
        0 => format!("for some {} minutes", call.minutes),
        1 => format!("for about {} minutes", call.minutes),
        2 => format!("in a {}-minute conversation", call.minutes),
        _ => format!("for approximately {} minutes", call.minutes),
    };
    let topic_words: Vec<&str> = call
        .topics
        .iter()
        .map(|&t| {
            let kws = &topics.all[t].keywords;
            kws.iter()
                .find(|k| !k.contains('…'))
                .map_or("trade", String::as_str)
        })
        .collect();
    let mut out = String::with_capacity(3200);
    if !rng.chance(8) {
        let _ = write!(out, " date {}", published.format("%Y-%m-%d"));
        if rng.chance(50) {
            let _ = write!(
                out,
                " {} and {} discuss {}",
                home.surname,
                other.surname,
                topic_words.first().copied().unwrap_or("ties")
            );
        } else if rng.chance(30) {
            let _ = write!(out, " Photo : {outlet} News");
        }
        out.push('\n');
    }
    out.push('\n');
    if rng.chance(10) {
        out.push_str("Article content\n");
    }
    if rng.chance(10) {
        let d = published.format("%Y.%m.%d");
        let _ = writeln!(
            out,
            "입력 {d} 14:{:02} 수정 {d} 15:{:02}",
            rng.below(60),
            rng.below(60)
        );
    }
    if rng.chance(15) {
        let _ = writeln!(
            out,
            "President {} talks with {} counterpart {} over the phone {}. (Cheong Wa Dae)\n",
            home.name, country, other.name, day_phrase
        );
    }
    let lead = match outlet {
        "Yonhap" if rng.chance(50) => format!(
            "SEOUL, {} {} (Yonhap) -- ",
            MONTHS[published.month0() as usize],
            published.day()
        ),
        "Bloomberg" => "(Bloomberg) — ".to_string(),
        _ => String::new(),
    };
    let _ = writeln!(
        out,
        "{lead}South Korean President {} held a phone call with {} leader {} {}, {} said.\n",
        home.name,
        country,
        other.name,
        day_phrase,
        rng.pick(SPOKESPEOPLE)
    );
    let _ = writeln!(
        out,
        "The two leaders spoke {minutes}, starting at {}, and discussed {}.\n",
        clock(call.start),
        topic_words.join(", ")
    );
    let paragraphs = 4 + rng.below(6);
    for p in 0..paragraphs {
        let sentences = 2 + rng.below(4);
        for s in 0..sentences {
            if s > 0 {
                out.push(' ');
            }
            sentence(rng, &mut out, home, other, &topic_words, rare);
        }
        out.push_str("\n\n");
        if p == 1 && rng.chance(5) {
            out.push_str(
                "THIS CONTENT IS RESERVED FOR SUBSCRIBERS ONLY\nSubscribe now to read the latest news in your city.\nREGISTER / SIGN IN TO UNLOCK MORE ARTICLES\n\n",
            );
        }
    }
    match outlet {
        "Yonhap" => out.push_str("(Yonhap)\n"),
        "KBS" => {
            let _ = writeln!(out, "{}, KBS World Radio News.", rng.pick(REPORTERS));
        }
        "Xinhua" if rng.chance(50) => out.push_str("(With contribution from Xinhua)\n"),
        "Bloomberg" => {}
        other => {
            let _ = writeln!(out, "By {} ({other})", rng.pick(REPORTERS));
        }
    }
    (out, outlet)
}

fn sentence(
    rng: &mut Rng,
    out: &mut String,
    home: &crate::leaders::Leader,
    other: &crate::leaders::Leader,
    topics: &[&str],
    rare: &[String],
) {
    match rng.below(6) {
        0 => {
            let _ = write!(
                out,
                "\"We agreed to work closely on {},\" {} said.",
                rng.pick(topics),
                home.surname
            );
            return;
        }
        1 => {
            let _ = write!(out, "{} said ", other.surname);
        }
        2 => {
            let _ = write!(out, "{} and {} ", home.surname, other.surname);
        }
        _ => {}
    }
    let words = 8 + rng.below(18);
    let start = out.len();
    for w in 0..words {
        if w > 0 {
            out.push(' ');
        }
        if rng.chance(12) {
            out.push_str(&rare[rng.zipf(rare.len())]);
        } else if rng.chance(4) {
            let topic: &str = rng.pick::<&str>(topics);
            out.push_str(topic);
        } else {
            out.push_str(COMMON[rng.zipf(COMMON.len())]);
        }
    }
    if let Some(first) = out[start..].chars().next()
        && first.is_ascii_lowercase()
    {
        out.replace_range(start..start + 1, &first.to_ascii_uppercase().to_string());
    }
    out.push('.');
}

/// An article's short fields on one line (title, outlet, leaders, topics,
/// date): what the benchmarks' substring and fzf references search, so
/// both references see the same text the matcher's short fields hold.
pub fn short_fields_line(tl: &crate::model::Timeline, article: usize) -> String {
    let a = &tl.articles[article];
    let mut line = format!("{} | {}", a.title, a.source.as_deref().unwrap_or(""));
    if let Some(c) = tl.call_of_article[article].map(|c| &tl.calls[c]) {
        line += &format!(
            " | {} | {} | {} | {}",
            tl.leader_name(c.home),
            tl.leader_name(c.counterpart),
            c.topics.join(", "),
            c.date
        );
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_corpus() {
        assert_eq!(generate(7, 20), generate(7, 20));
        assert_ne!(generate(7, 20), generate(8, 20));
    }

    #[test]
    fn model_corpus_has_calls_newest_first() {
        let tl = timeline(3, 300);
        assert_eq!(tl.articles.len(), 300);
        assert!(tl.calls.windows(2).all(|w| w[0].date >= w[1].date));
        for (i, c) in tl.call_of_article.iter().enumerate() {
            let c = c.expect("every article is placed");
            assert!(tl.calls[c].articles.contains(&i));
        }
        assert!(
            tl.articles
                .iter()
                .all(|a| !a.title.is_empty() && a.source.is_some())
        );
    }

    #[test]
    fn articles_look_like_the_seeds() {
        let corpus = generate(1, 200);
        assert_eq!(corpus.len(), 200);
        let with_header = corpus
            .iter()
            .filter(|(_, t)| t.starts_with(" date "))
            .count();
        assert!(with_header > 150 && with_header < 200, "{with_header}");
        let mean = corpus.iter().map(|(_, t)| t.len()).sum::<usize>() / corpus.len();
        assert!((1500..6000).contains(&mean), "mean size {mean}");
        assert!(corpus.iter().all(|(n, _)| n.ends_with(".txt")));
        assert!(corpus.iter().any(|(_, t)| t.contains("(Yonhap)")));
    }
}
