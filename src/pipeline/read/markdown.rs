//! Markdown clippings (`.md`, `.markdown`): YAML front matter as web
//! clippers write it (Obsidian Web Clipper, MarkDownload, Joplin, Zotero
//! notes, Omnivore) gives the metadata; the body is rendered with
//! `pulldown-cmark` to plain paragraphs (links keep their text; images,
//! code blocks and raw HTML are dropped from the reading text).

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use serde_norway::Value;

use super::meta::{self, Meta};

/// Front matter larger than this is not read as metadata.
const MAX_FRONT_MATTER: usize = 64 * 1024;

/// Decoded Markdown → (seed-format text, metadata, warnings).
pub fn convert(text: &str) -> (String, Meta, Vec<String>) {
    let mut warnings = Vec::new();
    let (front, body) = split_front_matter(text);
    let meta = match front {
        Some(yaml) => front_matter(yaml, &mut warnings),
        None => Meta::default(),
    };
    let mut meta = meta;
    let (mut paragraphs, heading) = render(body);
    // No title in the front matter (MarkDownload, plain notes): the
    // opening top-level heading is the title.
    if meta.title.is_none()
        && let Some(i) = heading
    {
        meta.title = meta::one_line(&paragraphs.remove(i), 500);
    }
    (meta::seed_text(&meta, &paragraphs), meta, warnings)
}

/// `---` on the first line opens front matter, `---` or `...` on a line of
/// its own closes it. No closing line: no front matter.
fn split_front_matter(text: &str) -> (Option<&str>, &str) {
    let Some(rest) = text.strip_prefix("---\n") else {
        return (None, text);
    };
    let mut at = 0;
    for line in rest.split_inclusive('\n') {
        let bare = line.trim_end();
        if bare == "---" || bare == "..." {
            return (Some(&rest[..at]), &rest[at + line.len()..]);
        }
        at += line.len();
    }
    (None, text)
}

fn front_matter(yaml: &str, warnings: &mut Vec<String>) -> Meta {
    if yaml.len() > MAX_FRONT_MATTER {
        warnings.push(format!(
            "front matter is larger than {} KiB; its fields are ignored",
            MAX_FRONT_MATTER / 1024
        ));
        return Meta::default();
    }
    let value: Value = match serde_norway::from_str(yaml) {
        Ok(v) => v,
        Err(err) => {
            let place = err
                .location()
                .map(|l| format!(" (line {})", l.line() + 1))
                .unwrap_or_default();
            warnings.push(format!(
                "front matter is not valid YAML{place}; its fields are ignored"
            ));
            return Meta::default();
        }
    };
    let Value::Mapping(map) = value else {
        if !value.is_null() {
            warnings.push("front matter is not a list of fields; ignored".to_string());
        }
        return Meta::default();
    };
    let field = |names: &[&str]| -> Option<String> {
        names.iter().find_map(|name| {
            map.iter()
                .find(|(k, _)| k.as_str().is_some_and(|k| k.eq_ignore_ascii_case(name)))
                .and_then(|(_, v)| scalar(v))
        })
    };
    let mut out = Meta {
        title: field(&["title"]).and_then(|t| meta::one_line(&t, 500)),
        author: field(&["author", "authors", "byline", "creator"])
            .and_then(|a| meta::one_line(&a, 200)),
        publisher: field(&[
            "site",
            "site_name",
            "sitename",
            "outlet",
            "publisher",
            "publication",
            "publicationTitle",
            "source_name",
        ])
        .and_then(|p| meta::one_line(&p, 200)),
        ..Meta::default()
    };
    // `created` is when the page was clipped, not published: not a
    // publication date.
    let date = field(&[
        "published",
        "date_published",
        "datePublished",
        "publish_date",
        "pubDate",
        "date",
    ]);
    if let Some(date) = date {
        out.published = meta::parse_date(&date);
        if out.published.is_none() {
            let shown = meta::one_line(&date, 40).unwrap_or_default();
            warnings.push(format!(
                "front matter date '{shown}' is not a date; ignored"
            ));
        }
    }
    if let Some(url) = field(&[
        "source",
        "url",
        "link",
        "original_url",
        "source_url",
        "canonical",
        "baseURI",
    ]) {
        match meta::checked_url(&url) {
            Ok(url) => out.url = url,
            // `source: Yonhap` names an outlet, not an address.
            Err(_) if !url.contains(':') && out.publisher.is_none() => {
                out.publisher = meta::one_line(&url, 200);
            }
            Err(w) => warnings.push(w),
        }
    }
    out
}

/// A scalar field, or the first scalar of a list (`author: ["[[Kim]]"]`);
/// Obsidian's `[[wiki links]]` lose their brackets.
fn scalar(value: &Value) -> Option<String> {
    let text = match value {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Sequence(items) => return items.iter().find_map(scalar),
        Value::Tagged(t) => return scalar(&t.value),
        _ => return None,
    };
    let text = text.trim();
    let text = text
        .strip_prefix("[[")
        .and_then(|t| t.strip_suffix("]]"))
        .unwrap_or(text);
    (!text.is_empty()).then(|| text.to_string())
}

/// Markdown → plain paragraphs: one per paragraph, heading, list item,
/// table row; soft breaks are spaces, hard breaks new lines. Also the
/// index of the first paragraph when it is a level-1 heading.
fn render(body: &str) -> (Vec<String>, Option<usize>) {
    let mut paragraphs = Vec::new();
    let mut heading = None;
    let mut in_h1 = false;
    let mut current = String::new();
    // Inside an image (its alt text) or a code block: not reading text.
    let mut hidden = 0usize;
    let flush = |current: &mut String, paragraphs: &mut Vec<String>| {
        let text = current.trim();
        if !text.is_empty() {
            paragraphs.push(text.to_string());
        }
        current.clear();
    };
    for event in Parser::new(body) {
        if let Event::Start(Tag::Heading { level, .. }) = &event {
            in_h1 = *level == pulldown_cmark::HeadingLevel::H1 && paragraphs.is_empty();
        }
        if let Event::End(TagEnd::Heading(_)) = &event
            && in_h1
            && !current.trim().is_empty()
        {
            heading = Some(paragraphs.len());
            in_h1 = false;
        }
        match event {
            Event::Start(Tag::Image { .. } | Tag::CodeBlock(_)) => hidden += 1,
            Event::End(TagEnd::Image | TagEnd::CodeBlock) => hidden = hidden.saturating_sub(1),
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::Item | Tag::TableRow)
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableRow
                | TagEnd::BlockQuote(_),
            ) => flush(&mut current, &mut paragraphs),
            Event::Text(t) | Event::Code(t) if hidden == 0 => current.push_str(&t),
            Event::SoftBreak if hidden == 0 => current.push(' '),
            Event::HardBreak if hidden == 0 => current.push('\n'),
            Event::Rule => flush(&mut current, &mut paragraphs),
            _ => {}
        }
    }
    flush(&mut current, &mut paragraphs);
    (paragraphs, heading)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn obsidian_front_matter_and_body() {
        let md = "---\ntitle: \"Lee, Xi agree to deepen ties\"\nsource: \"https://en.yna.co.kr/view/AEN20250610\"\nauthor:\n  - \"[[Kim Eun-jung]]\"\npublished: 2025-06-10T21:40:00+09:00\ncreated: 2025-06-12\ntags:\n  - \"clippings\"\n---\n# Lee, Xi hold talks\n\n![photo](https://x/y.jpg)\n\nPresident Lee spoke with [Xi Jinping](https://x) for\n30 minutes.\n\n```\ncode();\n```\n";
        let (text, meta, warnings) = convert(md);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(meta.title.as_deref(), Some("Lee, Xi agree to deepen ties"));
        assert_eq!(meta.published, chrono::NaiveDate::from_ymd_opt(2025, 6, 10));
        assert_eq!(meta.author.as_deref(), Some("Kim Eun-jung"));
        assert_eq!(meta::outlet(&meta).as_deref(), Some("Yonhap"));
        assert_eq!(
            text,
            " date 2025-06-10 Lee, Xi agree to deepen ties\n\nLee, Xi hold talks\n\nPresident Lee spoke with Xi Jinping for 30 minutes.\n\n"
        );
    }

    #[test]
    fn invalid_yaml_warns_and_body_still_reads() {
        let (text, meta, warnings) = convert("---\ntitle: [unclosed\n  : :\n---\nBody text.\n");
        assert_eq!(meta, Meta::default());
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].contains("not valid YAML"), "{warnings:?}");
        assert_eq!(text, "Body text.\n\n");
    }

    #[test]
    fn javascript_url_is_dropped_with_a_warning() {
        let (_, meta, warnings) = convert("---\nurl: javascript:alert(1)\n---\nx\n");
        assert_eq!(meta.url, None);
        assert!(warnings[0].contains("javascript"), "{warnings:?}");
    }

    #[test]
    fn heading_is_the_title_when_front_matter_has_none() {
        let (text, meta, _) =
            convert("---\nsource: https://apnews.com/a\n---\n# Big news | AP\n\nBody.\n");
        assert_eq!(meta.title.as_deref(), Some("Big news | AP"));
        assert_eq!(text, "Big news | AP\n\nBody.\n\n");
    }

    #[test]
    fn no_front_matter_is_plain_markdown() {
        let (text, meta, _) = convert("Some *emphasis* and `code`.\n\n- item one\n- item two\n");
        assert_eq!(meta, Meta::default());
        assert_eq!(text, "Some emphasis and code.\n\nitem one\n\nitem two\n\n");
    }
}
