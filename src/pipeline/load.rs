//! Loading a corpus: runs read → clean → extract → group → timeline and
//! hands back the one `Timeline` both views read. Cleaning and extraction
//! are per-file and run on every core.

use std::path::PathBuf;

use crate::cache;
pub use crate::lexicon::Lexicon;
use crate::model::{self, Article, Body, Cleaned, Timeline};
use crate::pipeline::clean::Cleaner;
use crate::pipeline::extract::{Detail, Extractor};
use crate::pipeline::read::{self, RawDoc};
use crate::pipeline::{group, par, timeline};

/// Where articles come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inputs {
    /// The corpus compiled in from `assets/articles/`.
    Embedded,
    /// Files and directories given by the user.
    Paths(Vec<PathBuf>),
}

impl Inputs {
    /// No paths means the embedded corpus.
    pub fn from_paths(paths: Vec<PathBuf>) -> Inputs {
        if paths.is_empty() {
            Inputs::Embedded
        } else {
            Inputs::Paths(paths)
        }
    }
}

/// The per-load state of clean and extract: the matchers compiled from
/// the lexicon (milliseconds of work), made once and shared by every worker.
pub struct Stages<'l> {
    pub cleaner: Cleaner<'l>,
    pub extractor: Extractor<'l>,
}

impl<'l> Stages<'l> {
    pub fn new(lexicon: &'l Lexicon) -> Stages<'l> {
        let stages = Stages::on_demand(lexicon);
        stages.extractor.begin();
        stages
    }

    /// `new`, building the extraction automata only once an article is
    /// built (`build_article_with` starts them): a load served from the
    /// cache never needs them.
    pub fn on_demand(lexicon: &'l Lexicon) -> Stages<'l> {
        Stages {
            cleaner: Cleaner::new(&lexicon.boilerplate),
            extractor: Extractor::on_demand(
                &lexicon.leaders,
                &lexicon.topics,
                lexicon.outlets.clone(),
            ),
        }
    }
}

#[path = "kept_group.rs"]
pub mod kept_group;

/// Read, clean, extract and group everything `inputs` names. With the
/// cache on, the grouping of an unchanged corpus is the one kept from the
/// last load (`kept_group`): the same calls, made by the same rules.
pub fn load(inputs: &Inputs, lexicon: &Lexicon) -> Timeline {
    match inputs {
        Inputs::Embedded => assemble(
            build_articles(read::embedded(), lexicon),
            Vec::new(),
            lexicon,
        ),
        Inputs::Paths(paths) => {
            let (articles, warnings) = read_articles(paths, lexicon);
            assemble_keeping(paths, articles, warnings, lexicon)
        }
    }
}

/// `assemble` for articles read from `paths`: with the cache on, the
/// grouping of an unchanged corpus is the one kept from the last load.
pub fn assemble_keeping(
    paths: &[PathBuf],
    articles: Vec<Article>,
    warnings: Vec<crate::model::Warning>,
    lexicon: &Lexicon,
) -> Timeline {
    assemble_with(articles, warnings, lexicon, |articles, warnings| {
        kept_group::group_keeping(paths, articles, lexicon, warnings)
    })
}

/// Read, clean and extract the files `paths` name, on every core. Each
/// worker reads a file, builds its article and drops the raw text, so the
/// raw corpus is never resident all at once. The same articles, in the
/// same order, as `build_articles(read::read_paths(paths).0, …)`.
///
/// When the process uses the article cache (`cache::enable`, the binary's
/// default), files unchanged since the last load of the same paths are
/// taken from it unread, and the cache is brought up to date afterwards:
/// same articles, order, ids and warnings, plus any notice about the cache.
pub fn read_articles(
    paths: &[PathBuf],
    lexicon: &Lexicon,
) -> (Vec<Article>, Vec<crate::model::Warning>) {
    let reading = read_articles_noting_others(paths, lexicon, Detail::Full);
    (reading.items, reading.warnings)
}

/// `read_articles`, also handing back the files passed over (not a format
/// hotline reads) for `check`, from the same walk of the folders. Without
/// the cache, each article holds what `detail` asks for; the cache keeps
/// whole articles, so with it they are always whole.
pub fn read_articles_noting_others(
    paths: &[PathBuf],
    lexicon: &Lexicon,
    detail: Detail,
) -> read::Reading<Article> {
    let mut stages = Stages::on_demand(lexicon);
    let Some(session) = cache::Session::open(paths, lexicon.fingerprint()) else {
        stages.extractor = stages.extractor.reading(detail);
        stages.extractor.begin();
        let stages = &stages;
        return read::read_paths_with(
            paths,
            |doc| build_article_with(doc, stages),
            |article| (&mut article.id, &mut article.warnings),
        );
    };
    if session.is_empty() {
        // Every file will be built: start now, as the walk runs.
        stages.extractor.begin();
    }
    let stages = &stages;
    let slots = read::read_paths_reusing(
        paths,
        |path, meta| session.reuse(path, meta),
        |path, doc, meta, hash| session.fresh(path, meta, hash, build_article_with(doc, stages)),
    );
    let mut keyed = session.collect(slots.items);
    read::make_ids_unique(&mut keyed, |(_, article)| {
        (&mut article.id, &mut article.warnings)
    });
    let mut warnings = slots.warnings;
    let items = session.finish(keyed, &mut warnings);
    read::Reading {
        items,
        warnings,
        passed_over: slots.passed_over,
    }
}

/// Group finished articles into calls and eras.
pub fn assemble(
    articles: Vec<Article>,
    warnings: Vec<crate::model::Warning>,
    lexicon: &Lexicon,
) -> Timeline {
    assemble_with(articles, warnings, lexicon, |articles, _| {
        group::group(articles, &lexicon.leaders, &lexicon.topics)
    })
}

/// `assemble`, the grouping made by `grouping` (which may add warnings).
fn assemble_with(
    articles: Vec<Article>,
    mut warnings: Vec<crate::model::Warning>,
    lexicon: &Lexicon,
    grouping: impl FnOnce(&[Article], &mut Vec<crate::model::Warning>) -> group::Grouping,
) -> Timeline {
    for article in &articles {
        for message in &article.warnings {
            warnings.push(crate::model::Warning {
                file: article.path.clone(),
                message: message.clone(),
            });
        }
    }
    let grouping = grouping(&articles, &mut warnings);
    timeline::build(articles, grouping, warnings, lexicon.leaders.clone())
}

/// Clean and extract every document, splitting the work across cores.
/// The result keeps the input order.
pub fn build_articles(docs: Vec<RawDoc>, lexicon: &Lexicon) -> Vec<Article> {
    // Compiling the name, topic and outlet matchers costs milliseconds:
    // once per load, shared by every worker.
    let stages = &Stages::new(lexicon);
    par::map_owned(docs, |d| build_article_with(d, stages))
}

/// Extraction reads at most this much of an article's text: news stories
/// are a few tens of kilobytes, and per-sentence work (names, mentions,
/// candidates) on a hostile 10 MiB file would cost many times its size.
pub const MAX_EXTRACT_BYTES: usize = 256 * 1024;

/// The opening `MAX_EXTRACT_BYTES` of a longer article's paragraphs, for
/// extraction: whole paragraphs, then the whole sentences of the next that
/// fit (else a prefix of it). A prefix, so every evidence range read from
/// it is a range of the full article too. `None` when the article is
/// within the limit.
pub fn extraction_view(cleaned: &Cleaned) -> Option<Cleaned> {
    if cleaned.paragraphs.text_len() <= MAX_EXTRACT_BYTES {
        return None;
    }
    let mut left = MAX_EXTRACT_BYTES;
    let mut paragraphs = Body::default();
    for p in &cleaned.paragraphs {
        if p.text.len() <= left {
            left -= p.text.len();
            paragraphs.push(p.text, p.sentences);
            continue;
        }
        let mut sentences: Vec<(u32, u32)> = p
            .sentences
            .iter()
            .copied()
            .take_while(|&(_, end)| end as usize <= left)
            .collect();
        let cut = match sentences.last() {
            Some(&(_, end)) => end as usize,
            None => (0..=left)
                .rev()
                .find(|&i| p.text.is_char_boundary(i))
                .unwrap_or(0),
        };
        if sentences.is_empty()
            && let Some(&(start, _)) = p.sentences.first()
        {
            sentences.push((start.min(model::offset(cut)), model::offset(cut)));
        }
        if cut > 0 {
            paragraphs.push(&p.text[..cut], &sentences);
        }
        break;
    }
    Some(Cleaned {
        header: cleaned.header.clone(),
        captions: cleaned.captions.clone(),
        paragraphs,
        page_date: cleaned.page_date,
    })
}

/// One document through clean (with the built-in noise patterns) and
/// `extractor`.
pub fn build_article(doc: RawDoc, extractor: &Extractor) -> Article {
    build_one(doc, Cleaner::embedded(), extractor)
}

/// One document through the stages of a load.
pub fn build_article_with(doc: RawDoc, stages: &Stages) -> Article {
    stages.extractor.begin();
    build_one(doc, &stages.cleaner, &stages.extractor)
}

fn build_one(mut doc: RawDoc, cleaner: &Cleaner, extractor: &Extractor) -> Article {
    if let Some(written) = crate::pipeline::clean::header_date_problem(&doc.text) {
        doc.warnings.push(format!(
            "header date '{written}' is not a real YYYY-MM-DD date; publication date unknown"
        ));
    }
    let mut cleaned = cleaner.clean(&doc.text);
    drop(doc.text);
    let extracted = match extraction_view(&cleaned) {
        Some(view) => extractor.extract(&view),
        None => extractor.extract(&cleaned),
    };
    // What the clipping states about itself outranks what the text
    // suggests: the publication date already heads the text (seed
    // header); the publisher (or the URL's outlet) is the source.
    let mut source = extracted.source;
    let title = match &doc.meta.title {
        Some(title) => title.clone(),
        None => extracted.title,
    };
    let mut evidence = extracted.evidence;
    if let Some(outlet) = read::meta::outlet(&doc.meta) {
        if source.as_deref() != Some(outlet.as_str()) {
            evidence.retain(|e| e.fact != crate::model::FactKind::Outlet);
        }
        source = Some(outlet);
    }
    if extractor.detail() == Detail::FactsOnly {
        // Nothing reads the text again (`check`): dropped here, it is
        // not copied into a snug buffer only to be kept, and each worker
        // reuses its memory for the next article.
        cleaned.paragraphs = Body::default();
        cleaned.captions = Vec::new();
    } else {
        // Kept for the life of the timeline: no spare capacity.
        cleaned.paragraphs.shrink_to_fit();
    }
    Article {
        id: doc.id,
        path: doc.path,
        url: doc.meta.url,
        published: extracted.published,
        title,
        source,
        paragraphs: cleaned.paragraphs,
        facts: extracted.facts,
        warnings: doc.warnings,
        headline: cleaned.header.headline,
        captions: cleaned.captions,
        evidence,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_facts_only_load_keeps_the_facts_and_drops_the_text() {
        let lexicon = Lexicon::embedded();
        let fresh = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fresh");
        let paths = [fresh];
        let stages = Stages::new(&lexicon);
        let slim = Stages {
            cleaner: Cleaner::new(&lexicon.boilerplate),
            extractor: stages.extractor.clone().reading(Detail::FactsOnly),
        };
        let whole = read::read_paths_with(
            &paths,
            |d| build_article_with(d, &stages),
            |a| (&mut a.id, &mut a.warnings),
        );
        let facts = read::read_paths_with(
            &paths,
            |d| build_article_with(d, &slim),
            |a| (&mut a.id, &mut a.warnings),
        );
        assert!(whole.items.len() > 10);
        assert_eq!(whole.items.len(), facts.items.len());
        let mut with_topics = 0;
        for (w, f) in whole.items.iter().zip(&facts.items) {
            // Everything but the topics, which only label a call.
            let untopical = model::CallFacts {
                topics: Vec::new(),
                ..w.facts.clone()
            };
            assert_eq!(
                (&w.id, &untopical, &w.warnings),
                (&f.id, &f.facts, &f.warnings)
            );
            with_topics += usize::from(!w.facts.topics.is_empty());
            assert!(!w.paragraphs.is_empty(), "{}", w.path);
            assert!(
                f.paragraphs.is_empty() && f.captions.is_empty(),
                "{}",
                f.path
            );
        }
        assert!(with_topics > whole.items.len() / 2, "{with_topics}");
        // What `check` shows of the grouping (each article's call, the
        // calls' ids) is the same without the topics.
        let grouped = |items: &[Article]| {
            let g = group::group(items, &lexicon.leaders, &lexicon.topics);
            let ids: Vec<String> = g.calls.iter().map(|c| c.id.clone()).collect();
            (g.call_of_article, ids, g.date_basis)
        };
        assert_eq!(grouped(&whole.items), grouped(&facts.items));
    }

    #[test]
    fn extraction_reads_a_prefix_of_a_huge_article() {
        let para = |n: usize| "Moon spoke with Xi. ".repeat(n);
        let small = Cleaned {
            paragraphs: Body::plain(&[&para(10)]),
            ..Cleaned::default()
        };
        assert!(extraction_view(&small).is_none());
        let huge = Cleaned {
            paragraphs: Body::plain(&[&para(5_000), &para(5_000), &para(50_000), &para(10)]),
            ..Cleaned::default()
        };
        let view = extraction_view(&huge).expect("over the limit");
        let bytes: usize = view.paragraphs.iter().map(|p| p.text.len()).sum();
        assert!(bytes <= MAX_EXTRACT_BYTES && bytes > MAX_EXTRACT_BYTES - 100);
        assert_eq!(view.paragraphs.len(), 3);
        for (v, h) in view.paragraphs.iter().zip(&huge.paragraphs) {
            assert!(h.text.starts_with(v.text));
            assert!(h.sentences.starts_with(v.sentences));
            assert!(v.sentences.iter().all(|&(_, e)| e as usize <= v.text.len()));
        }
        // One giant sentence: a prefix of it, cut on a character boundary.
        let mut one = Cleaned::default();
        one.paragraphs.push(
            &"é".repeat(MAX_EXTRACT_BYTES),
            &[(0, model::offset(2 * MAX_EXTRACT_BYTES))],
        );
        let view = extraction_view(&one).expect("over the limit");
        let first = view.paragraphs.first().expect("a paragraph");
        assert_eq!(first.text.len(), MAX_EXTRACT_BYTES);
        assert_eq!(first.sentences, [(0, model::offset(MAX_EXTRACT_BYTES))]);
    }
}
