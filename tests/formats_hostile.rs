//! Hostile Markdown and HTML: each case gives a clear warning naming the
//! file (or loads harmlessly), never a panic or a hang, and nothing
//! reaches the reading text raw. Each case runs under a time limit.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use hotline::model::Timeline;
use hotline::pipeline::load::{self, Lexicon};

/// Load `path` on another thread; fail if it takes longer than `limit`.
fn load_within(path: &Path, limit: Duration) -> Timeline {
    let (tx, rx) = mpsc::channel();
    let path: PathBuf = path.to_path_buf();
    std::thread::spawn(move || {
        let lexicon = Lexicon::embedded();
        let (articles, warnings) = load::read_articles(&[path], &lexicon);
        let _ = tx.send(load::assemble(articles, warnings, &lexicon));
    });
    rx.recv_timeout(limit)
        .expect("loading finished in time, without a panic")
}

fn warning_for<'a>(t: &'a Timeline, file: &Path, words: &str) -> &'a str {
    let name = file.display().to_string();
    t.warnings
        .iter()
        .find(|w| w.file == name && w.message.contains(words))
        .map(|w| w.message.as_str())
        .unwrap_or_else(|| panic!("no warning on {name} with {words:?}: {:?}", t.warnings))
}

fn all_text(t: &Timeline) -> String {
    let mut out = String::new();
    for a in &t.articles {
        out.push_str(&a.title);
        out.push_str(a.source.as_deref().unwrap_or(""));
        out.push_str(a.url.as_deref().unwrap_or(""));
        for p in &a.paragraphs {
            out.push_str(p.text);
        }
    }
    out
}

const LIMIT: Duration = Duration::from_secs(60);

#[test]
fn a_50_mb_page_is_skipped_with_a_warning() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("huge.html");
    let mut page = b"<html><body><p>".to_vec();
    page.resize(50 * 1024 * 1024, b'a');
    std::fs::write(&path, &page).unwrap();
    let t = load_within(&path, LIMIT);
    assert!(t.articles.is_empty());
    warning_for(&t, &path, "larger than");
}

#[test]
fn ten_thousand_nested_tags_load() {
    let tmp = tempfile::tempdir().unwrap();
    for (name, open, close) in [
        ("divs.html", "<div>", "</div>"),
        ("spans.html", "<span><b>", "</b></span>"),
        ("lists.html", "<ul><li>", "</li></ul>"),
    ] {
        let path = tmp.path().join(name);
        let mut page = String::from("<html><body>");
        page.push_str(&open.repeat(10_000));
        page.push_str("<p>President Moon Jae-in spoke with Xi Jinping by phone on Thursday.</p>");
        page.push_str(&close.repeat(10_000));
        std::fs::write(&path, page).unwrap();
        let t = load_within(&path, LIMIT);
        assert_eq!(t.articles.len(), 1, "{name}: {:?}", t.warnings);
    }
    // Markdown nesting too: 10,000 levels of block quotes and lists.
    let path = tmp.path().join("quotes.md");
    let mut md = ">".repeat(10_000);
    md.push_str(" deep\n\n");
    md.push_str(&"- ".repeat(5_000));
    md.push_str("item\n");
    std::fs::write(&path, md).unwrap();
    let t = load_within(&path, LIMIT);
    assert_eq!(t.articles.len(), 1, "{:?}", t.warnings);
}

#[test]
fn an_invalid_charset_warns_and_reads_as_utf8() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("charset.html");
    std::fs::write(
        &path,
        "<html><head><meta charset=\"\u{1b}[31mbogus-9\"></head><body><p>Moon spoke with Xi by phone for 30 minutes on Thursday.</p></body></html>",
    )
    .unwrap();
    let t = load_within(&path, LIMIT);
    assert_eq!(t.articles.len(), 1);
    let message = warning_for(&t, &path, "unknown character set");
    assert!(!message.contains('\u{1b}'), "{message:?}");
    assert!(all_text(&t).contains("Moon spoke with Xi"));
}

#[test]
fn scripts_and_escape_sequences_never_reach_the_text() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("script.html");
    std::fs::write(
        &path,
        "<html><head><title>T&#27;[2Jitle\u{1b}]0;pwned\u{7}</title><script>document.write('\u{1b}[2J\\x1b[31m');</script>\
         <style>p{color:red}</style></head><body><p>Moon spoke &#27;[31mwith Xi&#x9b;2J by phone \u{1b}[0mfor 30 minutes on Thursday.</p>\
         <noscript>\u{1b}[5mEnable JavaScript</noscript></body></html>",
    )
    .unwrap();
    let t = load_within(&path, LIMIT);
    assert_eq!(t.articles.len(), 1);
    let text = all_text(&t);
    assert!(!text.contains("document.write"), "{text:?}");
    assert!(!text.contains("color:red"), "{text:?}");
    assert!(!text.contains("Enable JavaScript"), "{text:?}");
    assert!(
        !text
            .chars()
            .any(|c| c.is_control() || ('\u{80}'..='\u{9f}').contains(&c)),
        "{text:?}"
    );
}

#[test]
fn invalid_front_matter_warns_and_the_body_still_reads() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("bad.md");
    std::fs::write(
        &path,
        "---\ntitle: \"unclosed\npublished: [2021-01-01\n  - : : {\n---\nPresident Moon Jae-in spoke with Xi Jinping by phone on Jan. 26, 2021.\n",
    )
    .unwrap();
    let t = load_within(&path, LIMIT);
    assert_eq!(t.articles.len(), 1);
    warning_for(&t, &path, "front matter is not valid YAML");
    assert!(all_text(&t).contains("spoke with Xi Jinping"));
    // A billion laughs: aliases expanding without end are refused.
    let laughs = tmp.path().join("laughs.md");
    let mut yaml = String::from(
        "---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    for pair in names.windows(2) {
        let (p, n) = (pair[0], pair[1]);
        yaml.push_str(&format!(
            "{n}: &{n} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n"
        ));
    }
    yaml.push_str("title: *i\n---\nBody text of the clipping.\n");
    std::fs::write(&laughs, yaml).unwrap();
    let t = load_within(&laughs, LIMIT);
    assert_eq!(t.articles.len(), 1);
    warning_for(&t, &laughs, "front matter");
}

#[test]
fn javascript_urls_are_dropped_with_a_warning() {
    let tmp = tempfile::tempdir().unwrap();
    let md = tmp.path().join("js.md");
    std::fs::write(
        &md,
        "---\ntitle: Moon, Xi talk\nsource: \"javascript:alert(document.cookie)\"\n---\nMoon spoke with Xi by phone.\n",
    )
    .unwrap();
    let html = tmp.path().join("js.html");
    std::fs::write(
        &html,
        "<html><head><link rel=canonical href=\"JAVASCRIPT:alert(1)\"></head><body><p>Moon spoke with Xi by phone for 30 minutes.</p></body></html>",
    )
    .unwrap();
    for path in [md, html] {
        let t = load_within(&path, LIMIT);
        assert_eq!(t.articles.len(), 1);
        assert_eq!(t.articles[0].url, None);
        let message = warning_for(&t, &path, "not a plain http(s) address");
        assert!(
            message.to_ascii_lowercase().contains("javascript"),
            "{message}"
        );
    }
}
