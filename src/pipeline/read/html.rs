//! Saved news pages (`.html`, `.htm`): parsed with `scraper` (html5ever,
//! the browsers' parsing algorithm), the article found by scoring text
//! blocks (readability's idea: the element whose paragraphs hold the most
//! prose wins; navigation, asides, forms, scripts and boxes whose class
//! says related/subscribe/cookie/comment/share are never counted), the
//! metadata read from JSON-LD `NewsArticle`, OpenGraph, `<meta name=date>`,
//! `<link rel=canonical>` and `<title>`. Pages in other character sets
//! (EUC-KR, Shift_JIS, GBK, …) are decoded with `encoding_rs` from their
//! `<meta charset>` or HTTP-equiv line. Traversal is iterative, so deeply
//! nested tags cannot overflow the stack.

use std::collections::HashMap;

use ego_tree::iter::Edge;
use encoding_rs::{Encoding, UTF_8};
use scraper::{Html, Node, Selector};
use serde_json::Value;

use super::meta::{self, Meta};

/// Bytes of a page → (seed-format text, metadata, warnings), or why the
/// page can't be read.
pub fn convert(bytes: &[u8]) -> Result<(String, Meta, Vec<String>), String> {
    let mut warnings = Vec::new();
    let (text, bom) = match Encoding::for_bom(bytes) {
        Some((enc, len)) => (enc.decode_without_bom_handling(&bytes[len..]).0, true),
        None => (String::from_utf8_lossy(bytes), false),
    };
    if text.contains('\0') {
        return Err("binary file (contains NUL bytes), skipped".to_string());
    }
    let mut page = Html::parse_document(&text);
    let mut redecoded = false;
    if !bom && let Some(label) = declared_charset(&page) {
        match Encoding::for_label(label.trim().as_bytes()) {
            Some(enc) if enc != UTF_8 => {
                let (decoded, bad) = enc.decode_without_bom_handling(bytes);
                if bad {
                    warnings.push(format!(
                        "not valid {}; decoded lossily (invalid sequences replaced by �)",
                        enc.name()
                    ));
                }
                page = Html::parse_document(&decoded);
                redecoded = true;
            }
            Some(_) => {}
            None => {
                let shown = meta::one_line(&label, 40).unwrap_or_default();
                warnings.push(format!("unknown character set '{shown}'; read as UTF-8"));
            }
        }
    }
    if !bom && !redecoded && std::str::from_utf8(bytes).is_err() {
        warnings
            .push("not valid UTF-8; decoded lossily (invalid sequences replaced by �)".to_string());
    }
    let meta = metadata(&page, &mut warnings);
    let paragraphs = main_text(&page);
    if paragraphs.is_empty() {
        warnings.push("no article text found in the page".to_string());
    }
    Ok((meta::seed_text(&meta, &paragraphs), meta, warnings))
}

fn selector(css: &str) -> Option<Selector> {
    Selector::parse(css).ok()
}

/// The charset a page declares: `<meta charset>` or
/// `<meta http-equiv="Content-Type" content="…; charset=…">`.
fn declared_charset(page: &Html) -> Option<String> {
    let metas = selector("meta")?;
    for el in page.select(&metas) {
        let el = el.value();
        if let Some(c) = el.attr("charset") {
            return Some(c.to_string());
        }
        let equiv = el
            .attr("http-equiv")
            .is_some_and(|h| h.eq_ignore_ascii_case("content-type"));
        if equiv && let Some(content) = el.attr("content") {
            let lower = content.to_ascii_lowercase();
            if let Some(at) = lower.find("charset=") {
                let rest = &content[at + "charset=".len()..];
                let value = rest
                    .split(';')
                    .next()
                    .unwrap_or("")
                    .trim_matches(['"', '\'', ' ']);
                return Some(value.to_string());
            }
        }
    }
    None
}

/// Title, date, URL, publisher and author, most specific source first:
/// JSON-LD, then OpenGraph / article meta, then `<meta name=date>`,
/// canonical link and `<title>`.
fn metadata(page: &Html, warnings: &mut Vec<String>) -> Meta {
    let ld = json_ld(page);
    let get = |key: &str| ld.as_ref().and_then(|v| v.get(key)).and_then(text_of);
    let attr_of = |css: &str, attr: &str| -> Option<String> {
        let sel = selector(css)?;
        page.select(&sel)
            .find_map(|e| e.value().attr(attr).map(str::to_string))
    };
    let content = |css: &str| attr_of(css, "content");
    let title = get("headline")
        .or_else(|| content("meta[property='og:title']"))
        .or_else(|| {
            let sel = selector("title")?;
            page.select(&sel)
                .next()
                .map(|t| t.text().collect::<String>())
        })
        .and_then(|t| meta::one_line(&t, 500));
    let date = get("datePublished")
        .or_else(|| content("meta[property='article:published_time']"))
        .or_else(|| content("meta[name='date' i], meta[name='pubdate' i], meta[name='article:published_time' i], meta[itemprop='datePublished']"));
    let published = date.as_deref().and_then(meta::parse_date);
    if published.is_none()
        && let Some(date) = &date
    {
        let shown = meta::one_line(date, 40).unwrap_or_default();
        warnings.push(format!("page date '{shown}' is not a date; ignored"));
    }
    let publisher = ld
        .as_ref()
        .and_then(|v| v.get("publisher"))
        .and_then(text_of)
        .or_else(|| content("meta[property='og:site_name']"))
        .and_then(|p| meta::one_line(&p, 200));
    let author = ld
        .as_ref()
        .and_then(|v| v.get("author"))
        .and_then(text_of)
        .or_else(|| content("meta[name='author' i]"))
        .and_then(|a| meta::one_line(&a, 200));
    let url_text = attr_of("link[rel='canonical' i]", "href")
        .or_else(|| content("meta[property='og:url']"))
        .or_else(|| get("url"));
    let url = match url_text.map(|u| meta::checked_url(&u)) {
        Some(Ok(url)) => url,
        Some(Err(w)) => {
            warnings.push(w);
            None
        }
        None => None,
    };
    Meta {
        title,
        published,
        url,
        publisher,
        author,
    }
}

/// The first JSON-LD object of an article type, from a top-level object,
/// array or `@graph`. Scripts that are not valid JSON are passed over.
fn json_ld(page: &Html) -> Option<Value> {
    let sel = selector("script[type='application/ld+json' i]")?;
    for script in page.select(&sel) {
        let raw: String = script.text().collect();
        if raw.len() > 1024 * 1024 {
            continue;
        }
        let Ok(value) = serde_json::from_str::<Value>(&raw) else {
            continue;
        };
        let mut candidates: Vec<Value> = match value {
            Value::Array(items) => items,
            other => vec![other],
        };
        let graphs: Vec<Value> = candidates
            .iter()
            .filter_map(|c| c.get("@graph").and_then(Value::as_array).cloned())
            .flatten()
            .collect();
        candidates.extend(graphs);
        if let Some(found) = candidates.into_iter().find(is_article) {
            return Some(found);
        }
    }
    None
}

fn is_article(value: &Value) -> bool {
    let is = |t: &str| {
        t.ends_with("NewsArticle") || t == "Article" || t == "BlogPosting" || t == "Report"
    };
    match value.get("@type") {
        Some(Value::String(t)) => is(t),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(is),
        _ => false,
    }
}

/// A string, a `{"name": …}` object, or the first of an array of them.
fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Object(o) => o
            .get("name")
            .and_then(text_of)
            .or_else(|| o.get("@id").and_then(text_of)),
        Value::Array(items) => items.iter().find_map(text_of),
        _ => None,
    }
}

/// Elements whose whole subtree is never article text.
const SKIP_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "textarea",
    "svg",
    "iframe",
    "figure",
    "figcaption",
    "object",
    "embed",
    "canvas",
    "dialog",
    "head",
    "menu",
    "video",
    "audio",
];

/// Words of a class or id that mark a box around the article, not in it.
const SKIP_WORDS: &[&str] = &[
    "related",
    "subscribe",
    "subscription",
    "newsletter",
    "comment",
    "comments",
    "cookie",
    "cookies",
    "consent",
    "promo",
    "ad",
    "ads",
    "advert",
    "advertisement",
    "share",
    "sharing",
    "social",
    "sidebar",
    "breadcrumb",
    "breadcrumbs",
    "popular",
    "recommend",
    "recommended",
    "footer",
    "nav",
    "navbar",
    "navigation",
    "menu",
    "banner",
    "paywall",
    "signup",
    "gnb",
    "lnb",
    "modal",
    "popup",
    "ranking",
    "caption",
    "copyright",
    "byline-share",
    "tags",
    "keywords",
];

/// Elements whose text is a block of its own.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "article",
    "section",
    "main",
    "li",
    "blockquote",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "td",
    "pre",
    "dd",
    "dt",
    "table",
    "ul",
    "ol",
    "tr",
    "body",
];

fn is_boilerplate(el: &scraper::node::Element) -> bool {
    if SKIP_TAGS.contains(&el.name()) {
        return true;
    }
    if el.attr("hidden").is_some() || el.attr("aria-hidden").is_some_and(|v| v == "true") {
        return true;
    }
    let words = el.attr("class").into_iter().chain(el.id());
    words
        .flat_map(|v| v.split(|c: char| !c.is_ascii_alphanumeric()))
        .any(|w| SKIP_WORDS.iter().any(|s| s.eq_ignore_ascii_case(w)))
}

/// One run of text and the element that holds it.
struct Block {
    text: String,
    /// Pre-order index of the holding element.
    owner: usize,
    /// Counted towards the score (a paragraph, or loose text in a
    /// container) rather than a heading or list item.
    prose: bool,
}

/// The paragraphs of the page's main text, in document order.
fn main_text(page: &Html) -> Vec<String> {
    // Pre-order index of each element, its parent's and its subtree's end.
    let mut index: HashMap<ego_tree::NodeId, usize> = HashMap::new();
    let mut parent_of: Vec<Option<usize>> = Vec::new();
    let mut end_of: Vec<usize> = Vec::new();
    // Open elements: (pre-order index, is a block, text buffer).
    let mut stack: Vec<(usize, bool, String, bool)> = Vec::new();
    let mut blocks: Vec<Block> = Vec::new();
    let mut skipping: Option<ego_tree::NodeId> = None;
    let flush = |stack: &mut Vec<(usize, bool, String, bool)>, blocks: &mut Vec<Block>| {
        if let Some((owner, _, buffer, prose)) = stack.iter_mut().rev().find(|e| e.1) {
            let text = tidy(buffer);
            buffer.clear();
            if !text.is_empty() {
                blocks.push(Block {
                    text,
                    owner: *owner,
                    prose: *prose,
                });
            }
        }
    };
    for edge in page.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Element(el) => {
                        if is_boilerplate(el) {
                            skipping = Some(node.id());
                            continue;
                        }
                        let i = parent_of.len();
                        parent_of.push(stack.last().map(|e| e.0));
                        end_of.push(i);
                        index.insert(node.id(), i);
                        let name = el.name();
                        if name == "br"
                            && let Some(e) = stack.iter_mut().rev().find(|e| e.1)
                        {
                            e.2.push('\n');
                        }
                        let block = BLOCK_TAGS.contains(&name);
                        if block {
                            flush(&mut stack, &mut blocks);
                        }
                        let prose = matches!(
                            name,
                            "p" | "div"
                                | "article"
                                | "section"
                                | "main"
                                | "td"
                                | "blockquote"
                                | "body"
                        );
                        stack.push((i, block, String::new(), prose));
                    }
                    Node::Text(t) => {
                        if let Some(e) = stack.iter_mut().rev().find(|e| e.1)
                            && e.2.len() < 1 << 20
                        {
                            e.2.push_str(t);
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skipping == Some(node.id()) {
                    skipping = None;
                    continue;
                }
                if skipping.is_some() || !node.value().is_element() {
                    continue;
                }
                if let Some(&i) = index.get(&node.id()) {
                    if stack.last().is_some_and(|e| e.0 == i) {
                        if stack.last().is_some_and(|e| e.1) {
                            flush(&mut stack, &mut blocks);
                        }
                        stack.pop();
                    }
                    end_of[i] = parent_of.len().saturating_sub(1);
                }
            }
        }
    }
    // Score: a paragraph's prose counts for its container and half for the
    // one above; loose text counts for the element holding it.
    let mut score = vec![0usize; parent_of.len()];
    for b in blocks.iter().filter(|b| b.prose) {
        let len = b.text.chars().count();
        if len < 25 {
            continue;
        }
        let container = parent_of[b.owner].unwrap_or(b.owner);
        score[container] += len;
        if let Some(up) = parent_of[container] {
            score[up] += len / 2;
        }
    }
    let Some(best) = (0..score.len()).max_by_key(|&i| (score[i], std::cmp::Reverse(i))) else {
        return blocks.into_iter().map(|b| b.text).collect();
    };
    if score[best] == 0 {
        return blocks.into_iter().map(|b| b.text).collect();
    }
    let (from, to) = (best, end_of[best]);
    blocks
        .into_iter()
        .filter(|b| (from..=to).contains(&b.owner))
        .map(|b| b.text)
        .collect()
}

/// HTML whitespace collapsed (line breaks from `<br>` kept), control and
/// invisible format characters dropped.
fn tidy(raw: &str) -> String {
    let lines: Vec<String> = raw
        .split('\n')
        .filter_map(|line| {
            let line: String = line
                .chars()
                .filter(|c| !c.is_control() || *c == '\t')
                .collect();
            meta::one_line(&line, usize::MAX)
        })
        .collect();
    lines.join("\n")
}

#[cfg(test)]
mod tests;
