//! A deterministic generator of realistic synthetic articles in the seed
//! format, with their expected reading (gold), for benchmarks, scale tests
//! and scoring extraction. Same seed, same corpus.
//!
//! Each article reports a call between a South Korean leader and a
//! counterpart in office on that day (from `assets/leaders.toml`) — or, now
//! and then, an in-person meeting that joins no call — in the forms real
//! news uses: weekday, relative and calendar dates, undated articles,
//! clock, GMT, range and machine-translated start times, lengths in words
//! or minutes, US wire stories in Eastern time, outlets credited by
//! dateline, sign-off, masthead, e-mail, byline or readout (or not at all),
//! and decoys that state other days and lengths. Topics come from
//! `assets/topics.toml`; filler prose is Zipf-distributed so the vocabulary
//! grows with the corpus as real text does.
//!
//! Submodules: `plan` (calls and meetings), `article` and `stories` (the
//! texts), `phrases` (dates, times, lengths), `credit` (outlets), `words`
//! (filler), `gold` (the expected reading), `clip` (the same article as a
//! Markdown clipping or a saved HTML page), `korean` (a share of the call
//! reports in Korean), `rng`.

mod article;
mod clip;
mod credit;
mod ctx;
mod gold;
mod korean;
mod phrases;
mod plan;
mod planned;
mod rng;
mod stories;
mod words;

use std::collections::HashMap;
use std::path::Path;

pub use planned::timeline;

use ctx::{Ctx, Written};
use plan::Plan;
use rng::Rng;

use crate::lexicon::leaders::Leaders;
use crate::lexicon::topics::Topics;

/// `count` articles as (file name, text). Several articles report each call.
pub fn generate(seed: u64, count: usize) -> Vec<(String, String)> {
    plan_corpus(seed, count)
        .1
        .into_iter()
        .map(|(name, w)| (name, w.text))
        .collect()
}

/// The calls, and each article with what it states.
fn plan_corpus(seed: u64, count: usize) -> (Vec<Plan>, Vec<(String, Written)>) {
    let leaders = Leaders::embedded();
    let topics = Topics::embedded();
    let mut rng = Rng(seed ^ 0x5EED_F0CA_1100);
    let rare: Vec<String> = (0..40_000).map(|_| words::pseudo_word(&mut rng)).collect();
    let calls = plan::calls(&mut rng, &leaders, &topics, count.div_ceil(3).max(1));
    let meetings = plan::meetings(&mut rng, &leaders, count.div_ceil(40), &calls);
    let mut by_pair: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    for (i, p) in calls.iter().enumerate() {
        by_pair.entry((p.home, p.counterpart)).or_default().push(i);
    }
    let ctx = Ctx {
        leaders: &leaders,
        topics: &topics,
        rare: &rare,
        calls: &calls,
        meetings: &meetings,
        by_pair,
    };
    let mut reported = vec![false; calls.len()];
    let articles = (0..count)
        .map(|i| {
            let w = if !meetings.is_empty() && rng.chance(5) {
                let m = rng.below(meetings.len());
                stories::meeting(&mut rng, &ctx, m)
            } else {
                let c = rng.below(calls.len());
                // The first report of a call is dated, so one that is not
                // has a dated article of its call to be joined to.
                let first = !std::mem::replace(&mut reported[c], true);
                let english = article::call_article(&mut rng, &ctx, c, first);
                // The language is drawn from a stream of its own, so the
                // English articles stay what they were for a seed.
                let mut lang =
                    Rng(seed ^ 0x0C0F_FEE0 ^ (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
                let korean = lang
                    .chance(korean::SHARE)
                    .then(|| korean::call_article(&mut lang, &leaders, &calls[c], c))
                    .flatten();
                korean.unwrap_or(english)
            };
            (format!("{i:06}_{:016x}.txt", rng.next()), w)
        })
        .collect();
    (calls, articles)
}

/// `generate(seed, count)` as decoded documents, ready for
/// `corpus::build_articles`: a corpus in memory, no disk involved.
pub fn docs(seed: u64, count: usize) -> Vec<crate::pipeline::read::RawDoc> {
    generate(seed, count)
        .into_iter()
        .map(|(file, text)| crate::pipeline::read::RawDoc {
            id: file.trim_end_matches(".txt").to_string(),
            path: format!("synth:{file}"),
            file,
            text,
            warnings: Vec::new(),
            meta: Default::default(),
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

/// The file format a corpus is written in: the seed format, a web
/// clipper's Markdown note or a saved news page, each from the same plan
/// and the same article text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Txt,
    Markdown,
    Html,
}

impl Format {
    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Txt => "txt",
            Format::Markdown => "md",
            Format::Html => "html",
        }
    }
}

impl std::str::FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "txt" | "text" => Ok(Format::Txt),
            "md" | "markdown" => Ok(Format::Markdown),
            "html" | "htm" => Ok(Format::Html),
            _ => Err(format!("unknown format {s:?}: expected txt, md or html")),
        }
    }
}

/// `generate(seed, count)` in `format`: file names end in its extension;
/// `.txt` is exactly `generate`'s text. Each article's clipping is drawn
/// from its own random stream, so formats share the plan and the text.
pub fn generate_as(seed: u64, count: usize, format: Format) -> Vec<(String, String)> {
    let (_, written) = plan_corpus(seed, count);
    render_as(seed, &written, format)
}

fn render_as(seed: u64, written: &[(String, Written)], format: Format) -> Vec<(String, String)> {
    written
        .iter()
        .enumerate()
        .map(|(i, (name, w))| {
            let name = renamed(name, format);
            let mut rng = Rng(seed ^ 0xC11B_F0A7 ^ (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
            let text = match format {
                Format::Txt => w.text.clone(),
                Format::Markdown => clip::markdown(&mut rng, &name, w),
                Format::Html => clip::html(&mut rng, &name, w),
            };
            (name, text)
        })
        .collect()
}

/// `000001_….txt` → `000001_….md` for Markdown.
fn renamed(name: &str, format: Format) -> String {
    let stem = name.strip_suffix(".txt").unwrap_or(name);
    format!("{stem}.{}", format.extension())
}

/// `write_corpus` in `format` (`Format::Txt` writes the same files).
/// Returns the bytes written.
pub fn write_corpus_as(
    dir: &Path,
    seed: u64,
    count: usize,
    format: Format,
) -> std::io::Result<u64> {
    std::fs::create_dir_all(dir)?;
    let mut bytes = 0;
    for (name, text) in generate_as(seed, count, format) {
        bytes += text.len() as u64;
        std::fs::write(dir.join(name), text)?;
    }
    Ok(bytes)
}

/// `write_corpus`, plus the corpus's expected reading at `gold_path` in
/// the format `shared/tools/eval.py` scores (see `gold_json`). Returns the
/// bytes of article text written.
pub fn write_corpus_with_gold(
    dir: &Path,
    seed: u64,
    count: usize,
    gold_path: &Path,
) -> std::io::Result<u64> {
    write_corpus_with_gold_as(dir, seed, count, Format::Txt, gold_path)
}

/// `write_corpus_with_gold` in `format`: the gold names the files as
/// written (`.md`, `.html`). Returns the bytes written.
pub fn write_corpus_with_gold_as(
    dir: &Path,
    seed: u64,
    count: usize,
    format: Format,
    gold_path: &Path,
) -> std::io::Result<u64> {
    std::fs::create_dir_all(dir)?;
    let (plans, written) = plan_corpus(seed, count);
    let mut bytes = 0;
    for (name, text) in render_as(seed, &written, format) {
        bytes += text.len() as u64;
        std::fs::write(dir.join(name), text)?;
    }
    let written: Vec<(String, Written)> = written
        .into_iter()
        .map(|(name, w)| (renamed(&name, format), w))
        .collect();
    let gold = gold_value(seed, count, &plans, &written);
    let text = serde_json::to_string_pretty(&gold).map_err(std::io::Error::other)?;
    std::fs::write(gold_path, text + "\n")?;
    Ok(bytes)
}

/// The expected reading of `generate(seed, count)`: calls (date,
/// korean_leader, counterpart, duration_minutes, start_time, files) and
/// articles (published, source, call_date), as in `shared/devset/gold.json`.
pub fn gold_json(seed: u64, count: usize) -> serde_json::Value {
    let (plans, written) = plan_corpus(seed, count);
    gold_value(seed, count, &plans, &written)
}

fn gold_value(
    seed: u64,
    count: usize,
    plans: &[Plan],
    written: &[(String, Written)],
) -> serde_json::Value {
    let about = format!("hotline::synth corpus, seed {seed}, {count} articles");
    gold::gold(&Leaders::embedded(), plans, written, &about)
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
    use std::collections::HashMap;

    use super::*;

    #[test]
    fn same_seed_same_corpus() {
        assert_eq!(generate(7, 20), generate(7, 20));
        assert_ne!(generate(7, 20), generate(8, 20));
        assert_eq!(gold_json(7, 20), gold_json(7, 20));
    }

    #[test]
    fn model_corpus_has_calls_newest_first() {
        let tl = timeline(3, 300);
        assert_eq!(tl.articles.len(), 300);
        assert!(tl.calls.windows(2).all(|w| w[0].date >= w[1].date));
        for (i, c) in tl.call_of_article.iter().enumerate() {
            if let Some(c) = c {
                assert!(tl.calls[*c].articles.contains(&i));
            }
        }
        // Meeting stories (about one in twenty) join no call, as in the gold.
        let placed = tl.call_of_article.iter().flatten().count();
        assert!((260..300).contains(&placed), "{placed}");
        assert!(tl.articles.iter().all(|a| !a.title.is_empty()));
        // Sources are what the text credits: most articles, not all.
        let credited = tl.articles.iter().filter(|a| a.source.is_some()).count();
        assert!((200..300).contains(&credited), "{credited}");
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

    /// Every form the brief lists shows up in a corpus of a thousand.
    #[test]
    fn the_forms_news_uses_all_appear() {
        let corpus = generate(2, 1000);
        let all: String = corpus.into_iter().map(|(_, t)| t).collect();
        for form in [
            " on Tuesday",
            "late ",
            " night",
            "today (",
            "yesterday",
            "last night",
            "Jan. ",
            " March",
            "from ",
            "starting at",
            "beginning at",
            "at noon",
            " GMT",
            "between ",
            "hours ",
            "half an hour",
            "an hour",
            "-minute call",
            " min.",
            " min read",
            "-minute briefing",
            "minutes after",
            "following one on",
            "also spoke by phone",
            "SEOUL, ",
            "(Yonhap) --",
            "(Jiji Press)--",
            "KBS World Radio News.",
            "NK News\n",
            "@heraldcorp.com)",
            "@koreatimes.co.kr)",
            "@yna.co.kr)",
            "Briefings | Cheong Wa Dae |",
            "Photo : YONHAP News",
            "(Cheong Wa Dae)",
            "WASHINGTON (",
            " EDT on ",
            " EST on ",
            "on the sidelines of",
            "last spoke by phone",
        ] {
            assert!(all.contains(form), "{form:?} never written");
        }
    }

    /// The gold is the plan: every article in exactly one call's files, or a
    /// meeting story in none; a call's length and start are known exactly
    /// when one of its articles states them.
    #[test]
    fn gold_agrees_with_the_plans() {
        let (plans, written) = plan_corpus(5, 600);
        let gold = gold_value(5, 600, &plans, &written);
        let arts = gold["articles"].as_object().expect("articles");
        assert_eq!(arts.len(), written.len());
        let mut listed: HashMap<&str, usize> = HashMap::new();
        let mut stated: HashMap<&str, (bool, bool)> = HashMap::new();
        let by_name: HashMap<&str, &Written> =
            written.iter().map(|(n, w)| (n.as_str(), w)).collect();
        for call in gold["calls"].as_array().expect("calls") {
            let files = call["files"].as_array().expect("files");
            assert!(!files.is_empty());
            let (mut minutes, mut start) = (false, false);
            for f in files {
                let f = f.as_str().expect("file name");
                *listed.entry(f).or_default() += 1;
                assert_eq!(arts[f]["call_date"], call["date"], "{f}");
                minutes |= by_name[f].states_minutes;
                start |= by_name[f].states_start;
            }
            assert_eq!(call["duration_minutes"].is_null(), !minutes, "{call}");
            assert_eq!(call["start_time"].is_null(), !start, "{call}");
            let date = call["date"].as_str().expect("date");
            stated.insert(date, (minutes, start));
        }
        let mut meetings = 0;
        for (name, w) in &written {
            match w.call {
                Some(_) => assert_eq!(listed.get(name.as_str()), Some(&1), "{name}"),
                None => {
                    meetings += 1;
                    assert!(!listed.contains_key(name.as_str()), "{name}");
                    assert!(arts[name]["call_date"].is_null(), "{name}");
                }
            }
            let plan = w.call.map(|c| &plans[c]);
            if let Some(p) = plan.filter(|_| w.states_minutes) {
                let m = p.minutes;
                let says = [format!("{m} min"), format!("{m}-minute"), "between ".into()]
                    .iter()
                    .any(|s| w.text.contains(s.as_str()))
                    || (m == 30 && w.text.contains("half an hour"))
                    || (m >= 60 && w.text.contains("an hour"))
                    || w.text.contains(&korean_amount(m));
                assert!(says, "{name} states no length of {m}");
            }
            assert_eq!(
                arts[name]["published"].as_str(),
                w.published
                    .map(|d| d.format("%Y-%m-%d").to_string())
                    .as_deref()
            );
        }
        assert!(meetings > 10, "{meetings}");
        let korean = written
            .iter()
            .filter(|(_, w)| w.text.contains("했다."))
            .count();
        assert!(korean > 10, "{korean} Korean reports");
        // Some calls have an unknown length or start: the gold says null.
        assert!(stated.values().any(|s| !s.0) && stated.values().any(|s| !s.1));
    }

    /// Every format writes the same articles under its own extension; the
    /// `.txt` ones are `generate`'s; the clippings state the dates and
    /// outlets the text does.
    #[test]
    fn formats_share_the_plan() {
        let txt = generate(4, 120);
        assert_eq!(generate_as(4, 120, Format::Txt), txt);
        let (_, written) = plan_corpus(4, 120);
        for format in [Format::Markdown, Format::Html] {
            let out = generate_as(4, 120, format);
            assert_eq!(out, generate_as(4, 120, format));
            assert_eq!(out.len(), txt.len());
            for ((name, text), (tname, w)) in out.iter().zip(&written) {
                assert_eq!(name, &renamed(tname, format));
                assert!(name.ends_with(format.extension()), "{name}");
                if let Some(p) = w.published {
                    let day = p.format("%Y-%m-%d").to_string();
                    let prev = (p - chrono::Duration::days(1))
                        .format("%Y-%m-%d")
                        .to_string();
                    assert!(text.contains(&day) || text.contains(&prev), "{name}");
                }
                if w.source.is_none() {
                    assert!(!text.contains("site_name") && !text.contains("publisher"));
                }
            }
        }
        let md = generate_as(4, 120, Format::Markdown);
        assert!(md.iter().all(|(_, t)| t.starts_with("---\n")));
        let html = generate_as(4, 120, Format::Html);
        assert!(html.iter().any(|(_, t)| t.contains("application/ld+json")));
        assert!(html.iter().any(|(_, t)| t.contains("og:site_name")));
        assert_eq!("md".parse::<Format>(), Ok(Format::Markdown));
        assert!("pdf".parse::<Format>().is_err());
    }

    /// A length as Korean writes it: 30분, 1시간, 1시간 10분.
    fn korean_amount(m: u32) -> String {
        match (m / 60, m % 60) {
            (0, m) => format!("{m}분"),
            (h, 0) => format!("{h}시간"),
            (h, m) => format!("{h}시간 {m}분"),
        }
    }
}
