//! Real clippings: Markdown with web-clipper front matter and saved news
//! pages (`tests/data/formats/`, written for these tests in the shapes of
//! Korean, Chinese, Japanese and US sites and of Obsidian Web Clipper,
//! MarkDownload, Joplin and Zotero) read to the right title, date, outlet,
//! URL, body and call; a call told in .txt, .md and .html is one call; the
//! dev set wrapped as Markdown and as HTML scores as it does as text.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command as Process;
use support::home::Isolated;

use assert_cmd::Command;
use hotline::model::{Article, Timeline};
use hotline::pipeline::load::{self, Lexicon};

fn load(dir: &Path) -> Timeline {
    let lexicon = Lexicon::embedded();
    let (articles, warnings) = load::read_articles(&[dir.to_path_buf()], &lexicon);
    load::assemble(articles, warnings, &lexicon)
}

fn body(a: &Article) -> String {
    a.paragraphs
        .iter()
        .map(|p| p.text)
        .collect::<Vec<_>>()
        .join("\n")
}

struct Want {
    file: &'static str,
    title: &'static str,
    published: Option<&'static str>,
    source: &'static str,
    url: Option<&'static str>,
    call: &'static str,
    minutes: u32,
    says: &'static str,
    never: &'static [&'static str],
}

#[test]
fn every_fixture_reads_to_the_right_facts() {
    let wants = [
        Want {
            file: "yna_lee_xi_euckr.html",
            title: "Lee, Xi hold first phone talks since inauguration",
            published: Some("2025-06-10"),
            source: "Yonhap",
            url: Some("https://www.yna.co.kr/view/AKR20250610151200001"),
            call: "2025-06-10-lee-xi",
            minutes: 30,
            says: "President Lee Jae-myung (이재명) held phone talks",
            never: &[
                "정치",
                "관련 뉴스",
                "구독하기",
                "많이 본 뉴스",
                "대표전화",
                "gtag",
                "트럼프",
            ],
        },
        Want {
            file: "xinhua_lee_xi.html",
            title: "Xi holds phone talks with South Korean President Lee Jae-myung",
            published: Some("2025-06-10"),
            source: "Xinhua",
            url: Some("https://english.news.cn/20250610/abcdef/c.html"),
            call: "2025-06-10-lee-xi",
            minutes: 30,
            says: "Lee said South Korea attaches great importance",
            never: &[
                "Weibo",
                "Share this story",
                "congratulatory message",
                "Copyright",
                "Home",
            ],
        },
        Want {
            file: "kyodo_moon_suga.html",
            title: "Suga, Moon agree to improve ties in first phone talks",
            published: Some("2020-09-24"),
            source: "Kyodo",
            url: None,
            call: "2020-09-24-moon-suga",
            minutes: 20,
            says: "The talks lasted about 20 minutes",
            never: &[
                "cookies",
                "Sign up",
                "Related coverage",
                "speaks on the phone",
                "Asia",
            ],
        },
        Want {
            file: "ap_biden_moon.html",
            title: "Biden, Moon agree to work closely on North Korea in first call",
            // 21:10 in Washington on Feb. 3 is Feb. 4 in Seoul.
            published: Some("2021-02-04"),
            source: "AP",
            url: Some("https://apnews.com/article/biden-moon-call-3f2a1b"),
            call: "2021-02-04-moon-biden",
            minutes: 32,
            says: "Moon invited Biden to visit Seoul",
            never: &[
                "ADVERTISEMENT",
                "Morning Wire",
                "ballistic",
                "Sports",
                "sticky",
            ],
        },
        Want {
            file: "obsidian_lee_xi.md",
            title: "Lee, Xi agree to deepen ties in first phone call",
            published: Some("2025-06-10"),
            source: "Korea Herald",
            url: Some("https://www.koreaherald.com/article/10505123"),
            call: "2025-06-10-lee-xi",
            minutes: 30,
            says: "President Lee Jae-myung spoke with Chinese President Xi Jinping by phone",
            never: &["Lee on the phone", "Related: Lee", "clippings", "https://"],
        },
        Want {
            file: "markdownload_lee_trump.md",
            title: "South Korea's new president Lee speaks with Trump by phone | AP News",
            // MarkDownload records when the page was clipped, not published.
            published: None,
            source: "AP",
            url: Some("https://apnews.com/article/south-korea-lee-trump-call-8c1d2e"),
            call: "2025-06-06-lee-trump",
            minutes: 20,
            says: "agreed to work toward a tariff deal",
            never: &["2025-06-09T10:02:11"],
        },
        Want {
            file: "joplin_moon_xi.md",
            title: "Moon, Xi discuss coronavirus in phone talks",
            published: None,
            source: "KBS",
            url: Some("https://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=151234"),
            call: "2020-02-20-moon-xi",
            minutes: 35,
            says: "The conversation lasted 35 minutes",
            never: &["08:13:40"],
        },
        Want {
            file: "zotero_yoon_kishida.md",
            title: "Yoon, Kishida agree to improve ties in first phone talks",
            published: Some("2022-05-10"),
            source: "Japan Times",
            url: Some(
                "https://www.japantimes.co.jp/news/2022/05/10/national/politics-diplomacy/yoon-kishida-call/",
            ),
            call: "2022-05-10-yoon-kishida",
            minutes: 20,
            says: "The leaders spoke for about 20 minutes.",
            never: &["newspaperArticle", "accessDate"],
        },
    ];
    let t = load(Path::new("tests/data/formats"));
    assert!(t.warnings.is_empty(), "{:?}", t.warnings);
    for want in &wants {
        let i = t
            .articles
            .iter()
            .position(|a| a.file() == want.file)
            .unwrap_or_else(|| panic!("{} not read", want.file));
        let a = &t.articles[i];
        assert_eq!(a.title, want.title, "{}", want.file);
        assert_eq!(
            a.published.map(|d| d.to_string()).as_deref(),
            want.published,
            "{}",
            want.file
        );
        assert_eq!(a.source.as_deref(), Some(want.source), "{}", want.file);
        assert_eq!(a.url.as_deref(), want.url, "{}", want.file);
        let text = body(a);
        assert!(text.contains(want.says), "{}: {text}", want.file);
        for bad in want.never {
            assert!(!text.contains(bad), "{}: {bad:?} in {text}", want.file);
        }
        let call = t.call_of_article[i].map(|c| &t.calls[c]);
        let call = call.unwrap_or_else(|| panic!("{} in no call", want.file));
        assert_eq!(call.id, want.call, "{}", want.file);
        assert_eq!(
            call.duration_minutes.value,
            Some(want.minutes),
            "{}",
            want.file
        );
    }
}

/// The same call in a .txt, a .md and two .html clippings: one call.
#[test]
fn one_call_from_every_format() {
    let t = load(Path::new("tests/data/formats"));
    let id = t.call_by_id("2025-06-10-lee-xi").expect("the call");
    let mut files: Vec<&str> = t.calls[id]
        .articles
        .iter()
        .map(|&i| t.articles[i].file())
        .collect();
    files.sort_unstable();
    assert_eq!(
        files,
        [
            "obsidian_lee_xi.md",
            "xinhua_lee_xi.html",
            "yna_lee_xi_euckr.html",
            "yonhap_lee_xi.txt"
        ]
    );
    assert!(!t.calls[id].duration_minutes.disagrees());
}

/// Markdown text that reads back as exactly `line`: every ASCII
/// punctuation character escaped.
fn md_escape(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    for c in line.trim().chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A seed-format article's header: (date, rest of the line) and the body.
fn split_seed(text: &str) -> (Option<&str>, &str, &str) {
    if let Some(rest) = text.strip_prefix(" date ")
        && rest.len() >= 10
        && rest.is_char_boundary(10)
    {
        let (first, body) = rest.split_once('\n').unwrap_or((rest, ""));
        return (Some(&first[..10]), first[10..].trim(), body);
    }
    (None, "", text)
}

fn as_markdown(text: &str) -> String {
    let (date, title, body) = split_seed(text);
    let mut out = String::from("---\n");
    if let Some(date) = date {
        out.push_str(&format!("published: {date}\n"));
    }
    if !title.is_empty() {
        out.push_str(&format!(
            "title: {}\n",
            serde_json::to_string(title).expect("string")
        ));
    }
    out.push_str("tags:\n  - clippings\n---\n\n");
    for line in body.lines().filter(|l| !l.trim().is_empty()) {
        out.push_str(&md_escape(line));
        out.push_str("\n\n");
    }
    out
}

fn as_html(text: &str) -> String {
    let (date, title, body) = split_seed(text);
    let mut out = String::from("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n");
    if let Some(date) = date {
        out.push_str(&format!(
            "<meta property=\"article:published_time\" content=\"{date}T09:00:00+09:00\">\n"
        ));
    }
    if !title.is_empty() {
        out.push_str(&format!(
            "<meta property=\"og:title\" content=\"{}\">\n",
            html_escape(title)
        ));
    }
    out.push_str("</head><body>\n<nav class=\"gnb\"><a href=\"/\">Home</a> <a href=\"/politics\">Politics</a></nav>\n<article>\n");
    for line in body.lines().filter(|l| !l.trim().is_empty()) {
        out.push_str(&format!("<p>{}</p>\n", html_escape(line.trim())));
    }
    out.push_str("</article>\n<div class=\"related\"><ul><li><a href=\"/x\">Another story entirely about something else</a></li></ul></div>\n<footer>Copyright</footer>\n</body></html>\n");
    out
}

fn score(dir: &Path, gold: &Path) -> String {
    let output = Command::cargo_bin("hotline")
        .expect("binary")
        .isolated()
        .args(["export", "--format", "json"])
        .arg(dir)
        .output()
        .expect("hotline runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json = dir.with_extension("export.json");
    std::fs::write(&json, &output.stdout).expect("export written");
    let eval = Process::new("python3")
        .arg("../shared/tools/eval.py")
        .arg(&json)
        .arg(gold)
        .arg("--verbose")
        .output()
        .expect("python3 runs the shared evaluator");
    String::from_utf8_lossy(&eval.stdout).into_owned()
}

#[test]
fn dev_set_wrapped_as_markdown_and_html_scores_the_same() {
    let source = PathBuf::from("../shared/devset/articles");
    assert!(source.is_dir(), "../shared/devset sits beside the checkout");
    let gold = std::fs::read_to_string("../shared/devset/gold.json").expect("gold");
    let tmp = tempfile::tempdir().expect("temp dir");
    for (ext, wrap) in [("md", as_markdown as fn(&str) -> String), ("html", as_html)] {
        let dir = tmp.path().join(ext);
        std::fs::create_dir(&dir).expect("dir");
        let mut entries: Vec<_> = std::fs::read_dir(&source)
            .expect("devset")
            .flatten()
            .collect();
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let path = entry.path();
            if path.extension().is_none_or(|e| e != "txt") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("utf-8 article");
            let name = path.with_extension(ext);
            let name = name.file_name().expect("name");
            std::fs::write(dir.join(name), wrap(&text)).expect("written");
        }
        let gold_path = tmp.path().join(format!("gold-{ext}.json"));
        std::fs::write(&gold_path, gold.replace(".txt\"", &format!(".{ext}\""))).expect("gold");
        let report = score(&dir, &gold_path);
        let line = report
            .lines()
            .find(|l| l.starts_with("score "))
            .unwrap_or_default();
        assert!(line.ends_with("= 100.0%"), "{ext}: {report}");
    }
}

/// `check` lists files it passes over, with the reason, and counts each
/// format's files read and skipped; such files don't fail the check.
#[test]
fn check_lists_other_files_and_counts_per_format() {
    let tmp = tempfile::tempdir().expect("temp dir");
    for name in [
        "obsidian_lee_xi.md",
        "xinhua_lee_xi.html",
        "yonhap_lee_xi.txt",
    ] {
        std::fs::copy(
            Path::new("tests/data/formats").join(name),
            tmp.path().join(name),
        )
        .expect("copied");
    }
    std::fs::write(tmp.path().join("photo.jpg"), b"\xff\xd8\xff\xe0JFIF").expect("jpg");
    std::fs::write(tmp.path().join("report.pdf"), b"%PDF-1.7").expect("pdf");
    std::fs::write(tmp.path().join(".DS_Store"), b"\0\0\0\x01Bud1").expect("ds");
    std::fs::write(tmp.path().join("empty.html"), b"  \n").expect("html");
    let output = Command::cargo_bin("hotline")
        .expect("binary")
        .isolated()
        .arg("check")
        .arg(tmp.path())
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&output.stdout);
    let jpg = tmp.path().join("photo.jpg").display().to_string();
    assert!(
        text.contains(&format!("skipped {jpg}: not a clipping format (.jpg)")),
        "{text}"
    );
    assert!(
        text.contains("report.pdf: not a clipping format (.pdf)"),
        "{text}"
    );
    assert!(
        !text.contains(".DS_Store"),
        "hidden files are not listed: {text}"
    );
    assert!(
        text.contains("by format: text: 1 read, 0 skipped; markdown: 1 read, 0 skipped; html: 1 read, 1 skipped; other files: 2 skipped"),
        "{text}"
    );
    // The empty page failed, so check fails; the pictures alone would not.
    assert_eq!(output.status.code(), Some(1));
    std::fs::remove_file(tmp.path().join("empty.html")).expect("removed");
    Command::cargo_bin("hotline")
        .expect("binary")
        .isolated()
        .arg("check")
        .arg(tmp.path())
        .assert()
        .success();
}
