//! The same generated article as a web clipping: Markdown with YAML front
//! matter in one of the shapes clippers write (Obsidian Web Clipper,
//! MarkDownload, Zotero, Joplin), or a saved news page (navigation,
//! related list, subscription box, JSON-LD `NewsArticle` or OpenGraph,
//! the story in `<article>` or a main `<div>`). The metadata says what the
//! text says: the publication date (stated in the outlet's time zone, on
//! the same day in Seoul), the credited outlet (as publisher and as the
//! address's domain), the headline; an article that credits no one or
//! carries no date gets no outlet or date in its metadata either.

use std::fmt::Write as _;

use chrono::{Duration, FixedOffset, NaiveDate, TimeZone};

use super::ctx::Written;
use super::rng::Rng;

/// An article split into what a clipper sees: headline and body lines.
struct Parts<'a> {
    title: Option<&'a str>,
    body: Vec<&'a str>,
}

/// The seed-format text as headline and body lines: the ` date … Headline`
/// line gives the headline (the date comes from the plan), every other
/// non-empty line is a paragraph.
fn parts(text: &str) -> Parts<'_> {
    let mut rest = text;
    let mut title = None;
    if let Some(h) = text.strip_prefix(" date ") {
        let (line, after) = h.split_once('\n').unwrap_or((h, ""));
        // "YYYY-MM-DD Headline": the headline is what follows the date.
        title = line.get(10..).map(str::trim).filter(|t| !t.is_empty());
        rest = after;
    }
    let body = rest
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    Parts { title, body }
}

/// The outlet's web address and time zone (hours from UTC).
fn outlet_site(source: &str) -> Option<(&'static str, &'static str, i32)> {
    Some(match source {
        "Yonhap" => ("https://en.yna.co.kr/view/AEN", "Yonhap News Agency", 9),
        "KBS" => (
            "https://world.kbs.co.kr/service/news_view.htm?Seq_Code=",
            "KBS World",
            9,
        ),
        "Kyodo" => ("https://english.kyodonews.net/news/", "Kyodo News", 9),
        "Jiji Press" => ("https://jen.jiji.com/jc/eng?k=", "Jiji Press", 9),
        "Xinhua" => ("https://english.news.cn/asiapacific/c_", "Xinhua", 8),
        "Bloomberg" => ("https://www.bloomberg.com/news/articles/", "Bloomberg", -5),
        "NK News" => ("https://www.nknews.org/", "NK News", 9),
        "Korea Herald" => (
            "https://www.koreaherald.com/article/",
            "The Korea Herald",
            9,
        ),
        "Korea Times" => (
            "https://www.koreatimes.co.kr/www/nation/",
            "The Korea Times",
            9,
        ),
        "Cheong Wa Dae" => (
            "https://english1.president.go.kr/BriefingSpeeches/Briefings/",
            "Cheong Wa Dae",
            9,
        ),
        "AP" => ("https://apnews.com/article/", "AP News", -5),
        "Reuters" => ("https://www.reuters.com/world/asia-pacific/", "Reuters", -5),
        _ => return None,
    })
}

/// What the metadata may state, all agreeing with the text.
struct Facts {
    title: Option<String>,
    /// RFC 3339 in the outlet's zone, the same day in Seoul as published.
    published: Option<String>,
    /// The bare date, for shapes that write only that.
    day: Option<NaiveDate>,
    site: Option<&'static str>,
    url: Option<String>,
    author: Option<&'static str>,
}

const AUTHORS: &[&str] = &[
    "Kim Eun-jung",
    "Park Boram",
    "Son Ji-hyoung",
    "Lee Haye-ah",
    "Choi Soo-hyang",
    "Shin Ji-hye",
    "Kang Seung-woo",
];

fn facts(rng: &mut Rng, name: &str, w: &Written, title: Option<&str>) -> Facts {
    let site = w.source.and_then(outlet_site);
    let zone = site.map_or(9, |s| s.2);
    let published = w.published.map(|p| {
        // A moment on the Seoul day, written in the outlet's own zone.
        let seoul = FixedOffset::east_opt(9 * 3600).expect("KST");
        let minutes = 7 * 60 + rng.below(17 * 60) as i64;
        let at = seoul
            .from_local_datetime(&p.and_hms_opt(0, 0, 0).expect("midnight"))
            .single()
            .expect("fixed offset")
            + Duration::minutes(minutes)
            + Duration::seconds(rng.below(60) as i64);
        let zone = FixedOffset::east_opt(zone * 3600).expect("zone");
        at.with_timezone(&zone)
            .format("%Y-%m-%dT%H:%M:%S%:z")
            .to_string()
    });
    let id = name.split('.').next().unwrap_or(name);
    let url = site.map(|s| format!("{}{id}", s.0));
    let author = (w.source.is_some() && rng.chance(60)).then(|| *rng.pick(AUTHORS));
    Facts {
        title: title.map(str::to_string),
        published,
        day: w.published,
        site: site.map(|s| s.1),
        url,
        author,
    }
}

/// A YAML double-quoted scalar.
fn yq(s: &str) -> String {
    serde_json::to_string(s).expect("string")
}

/// A body line as Markdown that renders back to the same text.
fn md_escape(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    for c in line.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '&' | '|' | '!' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    // A line opening like a list item, a heading or a rule stays a paragraph.
    let opens_block = out.starts_with(['-', '+', '='])
        || out
            .split_once(['.', ')'])
            .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    if opens_block {
        out.insert(0, '\\');
    }
    out
}

/// The article as a web-clipper Markdown note.
pub(super) fn markdown(rng: &mut Rng, name: &str, w: &Written) -> String {
    let p = parts(&w.text);
    let f = facts(rng, name, w, p.title);
    let mut out = String::with_capacity(w.text.len() + 600);
    out.push_str("---\n");
    // Joplin's shape states no publication date: only for undated articles.
    let shape = if f.published.is_none() && rng.chance(50) {
        3
    } else {
        rng.below(3)
    };
    let clipped = f.day.map_or("2025-07-01".to_string(), |d| {
        (d + Duration::days(1 + rng.below(30) as i64))
            .format("%Y-%m-%d")
            .to_string()
    });
    let mut heading = false;
    match shape {
        // Obsidian Web Clipper
        0 => {
            if let Some(t) = &f.title {
                let _ = writeln!(out, "title: {}", yq(t));
            }
            if let Some(u) = &f.url {
                let _ = writeln!(out, "source: {}", yq(u));
            }
            if let Some(a) = f.author {
                let _ = writeln!(out, "author:\n  - \"[[{a}]]\"");
            }
            if let Some(s) = f.site {
                let _ = writeln!(out, "site: {}", yq(s));
            }
            if let Some(d) = &f.published {
                let _ = writeln!(out, "published: {d}");
            }
            let _ = writeln!(out, "created: {clipped}");
            out.push_str("tags:\n  - \"clippings\"\n");
        }
        // MarkDownload: the headline is the opening heading.
        1 => {
            let _ = writeln!(out, "created: {clipped}T10:02:11 (UTC +09:00)");
            out.push_str("tags: []\n");
            if let Some(u) = &f.url {
                let _ = writeln!(out, "source: {u}");
            }
            if let Some(a) = f.author {
                let _ = writeln!(out, "author: By {a}");
            }
            if let Some(d) = &f.published {
                let _ = writeln!(out, "date: {d}");
            }
            heading = f.title.is_some();
        }
        // Zotero
        2 => {
            if let Some(t) = &f.title {
                let _ = writeln!(out, "title: {}", yq(t));
            }
            out.push_str("itemType: newspaperArticle\n");
            if let Some(s) = f.site {
                let _ = writeln!(out, "publicationTitle: {s}");
            }
            if let Some(d) = f.day {
                let _ = writeln!(out, "date: {}", d.format("%Y-%m-%d"));
            }
            if let Some(u) = &f.url {
                let _ = writeln!(out, "url: {u}");
            }
            let _ = writeln!(out, "accessDate: {clipped}");
        }
        // Joplin
        _ => {
            if let Some(t) = &f.title {
                let _ = writeln!(out, "title: {}", yq(t));
            }
            let _ = writeln!(out, "updated: {clipped} 08:14:03Z");
            let _ = writeln!(out, "created: {clipped} 08:13:40Z");
            if let Some(u) = &f.url {
                let _ = writeln!(out, "source: {u}");
            }
            if let Some(a) = f.author {
                let _ = writeln!(out, "author: {a}");
            }
        }
    }
    out.push_str("---\n\n");
    if heading && let Some(t) = &f.title {
        let _ = writeln!(out, "# {}\n", md_escape(t));
    }
    if rng.chance(40) {
        let _ = writeln!(
            out,
            "![Photo](https://img.example-cdn.com/news/{}.jpg)\n",
            rng.next() % 1_000_000
        );
    }
    // One paragraph's first name becomes a link, as clipped pages keep them.
    let linked = rng.below(p.body.len().max(1));
    for (i, line) in p.body.iter().enumerate() {
        let mut para = md_escape(line);
        if i == linked
            && let Some(at) = para.find("President ")
        {
            let from = at + "President ".len();
            let end = para[from..]
                .find([',', '.', ' '])
                .map_or(para.len(), |e| from + e);
            if end > from {
                let word = para[from..end].to_string();
                let href = format!("https://example.com/tag/{}", word.to_lowercase());
                para.replace_range(from..end, &format!("[{word}]({href})"));
            }
        }
        out.push_str(&para);
        out.push_str("\n\n");
    }
    out
}

/// Text for HTML: `&`, `<`, `>` and `"` as entities.
fn h(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

const NAV: &[&str] = &[
    "National",
    "Politics",
    "North Korea",
    "Economy",
    "Business",
    "World",
    "Sports",
    "Culture",
    "Opinion",
    "Video",
];

const RELATED: &[&str] = &[
    "N. Korea fires ballistic missile into East Sea",
    "Exports rise for third straight month on chip demand",
    "Heat wave advisory issued for Seoul metropolitan area",
    "Opposition party elects new floor leader",
    "KOSPI closes higher on foreign buying",
    "Court upholds sentence in bribery case",
    "New subway line to open next year",
    "Defense ministry to expand reserve training",
];

/// The article as a saved news page.
pub(super) fn html(rng: &mut Rng, name: &str, w: &Written) -> String {
    let p = parts(&w.text);
    let f = facts(rng, name, w, p.title);
    let mut out = String::with_capacity(w.text.len() * 2 + 3000);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    if let Some(t) = &f.title {
        let _ = match f.site {
            Some(s) => writeln!(out, "<title>{} | {}</title>", h(t), h(s)),
            None => writeln!(out, "<title>{}</title>", h(t)),
        };
    }
    if let Some(u) = &f.url {
        let _ = writeln!(out, "<link rel=\"canonical\" href=\"{}\">", h(u));
    }
    if rng.chance(50) {
        // JSON-LD NewsArticle
        let mut ld = serde_json::Map::new();
        ld.insert("@context".into(), "https://schema.org".into());
        ld.insert("@type".into(), "NewsArticle".into());
        if let Some(t) = &f.title {
            ld.insert("headline".into(), t.as_str().into());
        }
        if let Some(d) = &f.published {
            ld.insert("datePublished".into(), d.as_str().into());
            ld.insert("dateModified".into(), d.as_str().into());
        }
        if let Some(a) = f.author {
            ld.insert(
                "author".into(),
                serde_json::json!([{"@type": "Person", "name": a}]),
            );
        }
        if let Some(s) = f.site {
            ld.insert(
                "publisher".into(),
                serde_json::json!({"@type": "Organization", "name": s}),
            );
        }
        if let Some(u) = &f.url {
            ld.insert("mainEntityOfPage".into(), u.as_str().into());
        }
        let json = serde_json::to_string(&serde_json::Value::Object(ld)).expect("json");
        // "</" inside a script would end it early.
        let _ = writeln!(
            out,
            "<script type=\"application/ld+json\">{}</script>",
            json.replace("</", "<\\/")
        );
    } else {
        // OpenGraph
        if let Some(t) = &f.title {
            let _ = writeln!(out, "<meta property=\"og:title\" content=\"{}\">", h(t));
        }
        out.push_str("<meta property=\"og:type\" content=\"article\">\n");
        if let Some(s) = f.site {
            let _ = writeln!(out, "<meta property=\"og:site_name\" content=\"{}\">", h(s));
        }
        if let Some(u) = &f.url {
            let _ = writeln!(out, "<meta property=\"og:url\" content=\"{}\">", h(u));
        }
        if let Some(d) = &f.published {
            let _ = writeln!(
                out,
                "<meta property=\"article:published_time\" content=\"{d}\">"
            );
        }
    }
    out.push_str("<style>.nav{display:flex}.related li{margin:4px 0}</style>\n");
    out.push_str("<script>window.dataLayer=window.dataLayer||[];</script>\n</head>\n<body>\n");
    out.push_str("<header class=\"site-header\"><nav class=\"gnb\"><ul>");
    for item in NAV {
        let _ = write!(
            out,
            "<li><a href=\"/{}\">{item}</a></li>",
            item.to_lowercase().replace(' ', "-")
        );
    }
    out.push_str("</ul></nav></header>\n");
    let in_article = rng.chance(50);
    out.push_str("<main class=\"container\">\n");
    if let Some(t) = &f.title {
        let _ = writeln!(
            out,
            "<div class=\"article-head\"><h1 class=\"headline\">{}</h1>",
            h(t)
        );
        if let Some(a) = f.author {
            let _ = write!(out, "<div class=\"byline\">By {}</div>", h(a));
        }
        out.push_str("</div>\n");
    }
    out.push_str(if in_article {
        "<article class=\"story\">\n"
    } else {
        "<div id=\"articleBody\" class=\"article-body\">\n"
    });
    let ad = rng.below(p.body.len().max(1));
    for (i, line) in p.body.iter().enumerate() {
        let _ = writeln!(out, "<p>{}</p>", h(line));
        if i == ad && rng.chance(50) {
            out.push_str("<div class=\"ad-slot\"><p>ADVERTISEMENT</p></div>\n");
        }
    }
    out.push_str(if in_article {
        "</article>\n"
    } else {
        "</div>\n"
    });
    out.push_str("<aside class=\"related\"><h2>Related articles</h2><ul>\n");
    let first = rng.below(RELATED.len());
    for k in 0..4 {
        let r = RELATED[(first + k) % RELATED.len()];
        let _ = writeln!(
            out,
            "<li><a href=\"/article/{}\">{r}</a></li>",
            rng.next() % 100_000_000
        );
    }
    out.push_str("</ul></aside>\n");
    out.push_str(
        "<div class=\"subscribe-box\"><p>Get the morning briefing in your inbox. Subscribe to our newsletter.</p><form><input type=\"email\" placeholder=\"Email\"><button>Subscribe</button></form></div>\n",
    );
    out.push_str("</main>\n<footer class=\"site-footer\"><p>Copyright. All rights reserved.</p></footer>\n</body>\n</html>\n");
    out
}
