//! What a clipping states about itself (front matter, page metadata):
//! title, publication date, canonical URL, publisher. Shared by the
//! Markdown and HTML readers, which turn a clipping into the seed format
//! (` date YYYY-MM-DD Title`, then paragraphs) so cleaning and extraction
//! read every format the same way.

use std::path::Path;
use std::sync::LazyLock;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};

use crate::lexicon::outlets::Outlets;

/// A file format hotline reads, by extension (and, for a file named
/// explicitly with another extension, by its first bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    Text,
    Markdown,
    Html,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Text, Format::Markdown, Format::Html];

    /// The format an extension names, if hotline reads it.
    pub fn of_path(path: &Path) -> Option<Format> {
        Format::of_extension(path.extension()?.to_str()?)
    }

    /// `of_path` of a directory entry's name, read on its bytes: a walk
    /// asks this of every entry, and `Path::extension` parses a path.
    pub fn of_file_name(name: &std::ffi::OsStr) -> Option<Format> {
        let bytes = name.as_encoded_bytes();
        let dot = bytes.iter().rposition(|&b| b == b'.')?;
        // A leading dot opens a name (".md"), not an extension.
        if dot == 0 {
            return None;
        }
        Format::of_extension(std::str::from_utf8(&bytes[dot + 1..]).ok()?)
    }

    fn of_extension(ext: &str) -> Option<Format> {
        let is = |e: &str| ext.eq_ignore_ascii_case(e);
        if is("txt") {
            Some(Format::Text)
        } else if is("md") || is("markdown") {
            Some(Format::Markdown)
        } else if is("html") || is("htm") {
            Some(Format::Html)
        } else {
            None
        }
    }

    /// A named file of no known extension: HTML or front-matter Markdown
    /// by its opening bytes, else text.
    pub fn sniff(bytes: &[u8]) -> Format {
        let head = &bytes[..bytes.len().min(512)];
        let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
        let start = head
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(0);
        let lower: Vec<u8> = head[start..].iter().map(u8::to_ascii_lowercase).collect();
        if lower.starts_with(b"<!doctype html") || lower.starts_with(b"<html") {
            Format::Html
        } else if head.starts_with(b"---\n") || head.starts_with(b"---\r\n") {
            Format::Markdown
        } else {
            Format::Text
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
        }
    }
}

/// Metadata a clipping states. Every field is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    pub title: Option<String>,
    /// The publication date, in the home country's calendar (KST) when the
    /// stated time carries a zone.
    pub published: Option<NaiveDate>,
    /// The article's own address (http or https only).
    pub url: Option<String>,
    /// The publisher's name as stated (`publisher.name`, `og:site_name`,
    /// `site` in front matter).
    pub publisher: Option<String>,
    pub author: Option<String>,
}

/// The home country's offset from UTC (South Korea, KST, no DST).
const HOME_OFFSET_SECS: i32 = 9 * 3600;

/// A stated date or date-time: RFC 3339 / ISO 8601 with or without a
/// zone, `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY.MM.DD`, RFC 2822. With a zone
/// it is converted to the home country's date.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let s = text.trim();
    if s.is_empty() || s.len() > 64 {
        return None;
    }
    let home = FixedOffset::east_opt(HOME_OFFSET_SECS)?;
    let zoned = |dt: DateTime<FixedOffset>| dt.with_timezone(&home).date_naive();
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(zoned(dt));
    }
    for form in [
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S %z",
    ] {
        if let Ok(dt) = DateTime::parse_from_str(s, form) {
            return Some(zoned(dt));
        }
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(zoned(dt));
    }
    for form in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, form) {
            return Some(dt.date());
        }
    }
    // A plain date, possibly followed by something we don't read.
    let head: String = s.chars().take(10).collect();
    for form in ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y%m%d"] {
        if let Ok(d) = NaiveDate::parse_from_str(&head, form) {
            return Some(d);
        }
    }
    None
}

/// A URL a clipping states, kept only when it is an http(s) address
/// without control characters; otherwise a warning saying why it was
/// dropped.
pub fn checked_url(raw: &str) -> Result<Option<String>, String> {
    let url = raw.trim();
    if url.is_empty() {
        return Ok(None);
    }
    let lower = url.to_ascii_lowercase();
    let ok_scheme = lower.starts_with("http://") || lower.starts_with("https://");
    if !ok_scheme || url.len() > 2048 || url.chars().any(|c| c.is_control() || c.is_whitespace()) {
        let scheme = lower.split(':').next().unwrap_or("");
        let shown: String = scheme
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .take(20)
            .collect();
        return Err(format!(
            "source URL is not a plain http(s) address ({shown}:…), ignored"
        ));
    }
    Ok(Some(url.to_string()))
}

/// The host of an http(s) URL, lowercased.
pub fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?.split(':').next()?;
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

static OUTLETS: LazyLock<Outlets> = LazyLock::new(Outlets::embedded);

/// The outlet a clipping's metadata names: the publisher when
/// `assets/outlets.toml` knows the name, else the outlet owning the URL's
/// domain, else the publisher's name as stated. `None` leaves the outlet
/// to the text.
pub fn outlet(meta: &Meta) -> Option<String> {
    let publisher = meta
        .publisher
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty());
    if let Some(canonical) = publisher.and_then(|name| OUTLETS.canonical(name)) {
        return Some(canonical.to_string());
    }
    // A publisher named in a form the table doesn't know ("케이비에스"): the
    // URL's domain says which outlet it is, when the table knows that.
    let by_domain = meta
        .url
        .as_deref()
        .and_then(host)
        .and_then(|h| OUTLETS.by_domain(&h).map(|o| o.name.clone()));
    by_domain.or_else(|| publisher.map(str::to_string))
}

/// One line of metadata text: control characters and line breaks become
/// spaces, runs of spaces one, at most `max` characters.
pub fn one_line(text: &str, max: usize) -> Option<String> {
    let mut out = String::with_capacity(text.len().min(max));
    let mut space = false;
    for c in text.chars() {
        if is_format_char(c) {
            continue;
        }
        if c.is_whitespace() || c.is_control() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
        if out.len() >= max {
            break;
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Bidirectional overrides and other invisible format characters.
fn is_format_char(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// The seed format of a clipping: ` date YYYY-MM-DD Title` when the date
/// is known (the title as its headline), else the title as the first
/// line; then the paragraphs, a blank line between.
pub fn seed_text(meta: &Meta, paragraphs: &[String]) -> String {
    let mut text =
        String::with_capacity(paragraphs.iter().map(|p| p.len() + 2).sum::<usize>() + 80);
    let title = meta.title.as_deref().and_then(|t| one_line(t, 500));
    match (meta.published, title) {
        (Some(date), Some(title)) => text.push_str(&format!(" date {date} {title}\n\n")),
        (Some(date), None) => text.push_str(&format!(" date {date}\n\n")),
        (None, Some(title)) => text.push_str(&format!("{title}\n\n")),
        (None, None) => {}
    }
    for p in paragraphs {
        // A body line that looks like a header can't become one.
        let p = p.trim();
        if p.is_empty() {
            continue;
        }
        text.push_str(p);
        text.push_str("\n\n");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_name_has_the_format_of_its_path() {
        for name in [
            "a.txt",
            "a.TXT",
            "a.md",
            "b.markdown",
            "c.html",
            "d.HTM",
            "e.b.txt",
            "f.txt.bak",
            "g",
            "h.",
            ".md",
            "..md",
            "i..txt",
            "j.tx",
            "k.html~",
            "l. txt",
            "m.Md",
        ] {
            let path = Path::new("dir").join(name);
            assert_eq!(
                Format::of_file_name(std::ffi::OsStr::new(name)),
                Format::of_path(&path),
                "{name}"
            );
        }
    }

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn dates_with_zones_become_korean_dates() {
        assert_eq!(parse_date("2025-06-10T11:30:00+09:00"), d(2025, 6, 10));
        // 20:00 in Washington is 09:00 the next day in Seoul.
        assert_eq!(parse_date("2025-06-09T20:00:00-04:00"), d(2025, 6, 10));
        assert_eq!(parse_date("2025-06-09T16:00:00Z"), d(2025, 6, 10));
        assert_eq!(parse_date("2025-06-10 08:00:00 +0900"), d(2025, 6, 10));
        assert_eq!(parse_date("Tue, 10 Jun 2025 01:00:00 GMT"), d(2025, 6, 10));
        assert_eq!(parse_date("2025-06-10"), d(2025, 6, 10));
        assert_eq!(parse_date("2025.06.10"), d(2025, 6, 10));
        assert_eq!(parse_date("2025-06-10T23:00"), d(2025, 6, 10));
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(parse_date("2025-13-40"), None);
    }

    #[test]
    fn urls_and_hosts() {
        assert_eq!(
            checked_url("https://en.yna.co.kr/view/AEN1")
                .unwrap()
                .as_deref(),
            Some("https://en.yna.co.kr/view/AEN1")
        );
        assert!(
            checked_url("javascript:alert(1)")
                .unwrap_err()
                .contains("javascript")
        );
        assert!(checked_url("JaVaScRiPt:alert(1)").is_err());
        assert!(checked_url("https://x.com/\x1b[2J").is_err());
        assert_eq!(
            host("https://user@WWW.KoreaHerald.com:443/a?b").as_deref(),
            Some("www.koreaherald.com")
        );
    }

    #[test]
    fn outlet_from_publisher_then_domain() {
        let mut meta = Meta {
            url: Some("https://english.news.cn/20250610/abc.htm".into()),
            ..Meta::default()
        };
        assert_eq!(outlet(&meta).as_deref(), Some("Xinhua"));
        meta.url = Some("http://world.kbs.co.kr/service/news_view.htm".into());
        assert_eq!(outlet(&meta).as_deref(), Some("KBS"));
        meta.publisher = Some("Yonhap News Agency".into());
        assert_eq!(outlet(&meta).as_deref(), Some("Yonhap"));
        // The table knows the Hangul name now; a form it does not know
        // still falls back to the domain.
        meta.publisher = Some("연합뉴스".into());
        assert_eq!(outlet(&meta).as_deref(), Some("Yonhap"));
        meta.publisher = Some("케이비에스 월드".into());
        assert_eq!(outlet(&meta).as_deref(), Some("KBS"));
        meta.url = None;
        meta.publisher = Some("The Daily Planet".into());
        assert_eq!(outlet(&meta).as_deref(), Some("The Daily Planet"));
        meta.publisher = None;
        meta.url = Some("https://example.org/".into());
        assert_eq!(outlet(&meta), None);
    }

    #[test]
    fn one_line_strips_controls() {
        assert_eq!(
            one_line("a\x1b[31m\n b\u{202e}c", 100).as_deref(),
            Some("a [31m bc")
        );
        assert_eq!(one_line(" \t", 10), None);
    }
}
