//! Loading a corpus: runs read → clean → extract → group → timeline and
//! hands back the one `Timeline` both views read. Cleaning and extraction
//! are per-file and run on every core.

use std::path::PathBuf;
use std::thread;

use crate::clean::clean;
use crate::extract::Extractor;
use crate::leaders::Leaders;
use crate::model::{Article, Timeline};
use crate::read::{self, RawDoc};
use crate::topics::Topics;
use crate::{group, timeline};

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

/// The data files that steer extraction.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub leaders: Leaders,
    pub topics: Topics,
}

impl Lexicon {
    pub fn embedded() -> Lexicon {
        Lexicon {
            leaders: Leaders::embedded(),
            topics: Topics::embedded(),
        }
    }
}

/// Read, clean, extract and group everything `inputs` names.
pub fn load(inputs: &Inputs, lexicon: &Lexicon) -> Timeline {
    let (articles, warnings) = match inputs {
        Inputs::Embedded => (build_articles(read::embedded(), lexicon), Vec::new()),
        Inputs::Paths(paths) => read_articles(paths, lexicon),
    };
    assemble(articles, warnings, lexicon)
}

/// Read, clean and extract the files `paths` name, on every core. Each
/// worker reads a file, builds its article and drops the raw text, so the
/// raw corpus is never resident all at once. The same articles, in the
/// same order, as `build_articles(read::read_paths(paths).0, …)`.
pub fn read_articles(
    paths: &[PathBuf],
    lexicon: &Lexicon,
) -> (Vec<Article>, Vec<crate::model::Warning>) {
    let extractor = &Extractor::new(&lexicon.leaders, &lexicon.topics);
    read::read_paths_with(
        paths,
        |doc| build_article(doc, extractor),
        |article| (&mut article.id, &mut article.warnings),
    )
}

/// Group finished articles into calls and eras.
pub fn assemble(
    articles: Vec<Article>,
    mut warnings: Vec<crate::model::Warning>,
    lexicon: &Lexicon,
) -> Timeline {
    for article in &articles {
        for message in &article.warnings {
            warnings.push(crate::model::Warning {
                file: article.path.clone(),
                message: message.clone(),
            });
        }
    }
    let grouping = group::group(&articles, &lexicon.leaders, &lexicon.topics);
    timeline::build(articles, grouping, warnings, lexicon.leaders.clone())
}

/// Clean and extract every document, splitting the work across cores.
/// The result keeps the input order.
pub fn build_articles(docs: Vec<RawDoc>, lexicon: &Lexicon) -> Vec<Article> {
    // Compiling the name, topic and outlet matchers costs milliseconds:
    // once per load, shared by every worker.
    let extractor = &Extractor::new(&lexicon.leaders, &lexicon.topics);
    let workers = thread::available_parallelism().map_or(1, |n| n.get());
    if workers < 2 || docs.len() < 64 {
        return docs
            .into_iter()
            .map(|d| build_article(d, extractor))
            .collect();
    }
    let chunk = docs.len().div_ceil(workers);
    let mut chunks: Vec<Vec<RawDoc>> = Vec::new();
    let mut docs = docs.into_iter();
    loop {
        let part: Vec<RawDoc> = docs.by_ref().take(chunk).collect();
        if part.is_empty() {
            break;
        }
        chunks.push(part);
    }
    thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|part| {
                scope.spawn(move || {
                    part.into_iter()
                        .map(|d| build_article(d, extractor))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| match h.join() {
                Ok(articles) => articles,
                // A panic in extraction is a bug; surface it rather than
                // silently dropping a slice of the corpus.
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    })
}

/// One document through clean and extract.
pub fn build_article(doc: RawDoc, extractor: &Extractor) -> Article {
    let mut cleaned = clean(&doc.text);
    drop(doc.text);
    let extracted = extractor.extract(&cleaned);
    // Kept for the life of the timeline: no spare capacity.
    cleaned.paragraphs.shrink_to_fit();
    for p in &mut cleaned.paragraphs {
        p.text.shrink_to_fit();
        p.sentences.shrink_to_fit();
    }
    let words = cleaned
        .paragraphs
        .iter()
        .map(|p| count_words(&p.text))
        .sum();
    Article {
        id: doc.id,
        path: doc.path,
        file: doc.file,
        published: extracted.published,
        title: extracted.title,
        source: extracted.source,
        paragraphs: cleaned.paragraphs,
        facts: extracted.facts,
        words,
        warnings: doc.warnings,
    }
}

/// `text.split_whitespace().count()` as one byte loop: a word starts at
/// each byte that is not (part of) whitespace after one that is, or at the
/// start. ASCII whitespace is a table look-up; only four lead bytes can
/// start non-ASCII whitespace, and only they take a closer look.
fn count_words(text: &str) -> usize {
    let b = text.as_bytes();
    let mut words = 0;
    let mut prev_white = 1u8;
    let mut i = 0;
    while i < b.len() {
        // A block without a lead byte of non-ASCII whitespace: branch-free.
        if let Some(block) = b
            .get(i..i + BLOCK)
            .and_then(|s| <&[u8; BLOCK]>::try_from(s).ok())
            && !block
                .iter()
                .fold(false, |any, &c| any | maybe_unicode_white(c))
        {
            words += usize::from(prev_white == 1 && !ascii_white(block[0]));
            let mut starts = 0u8;
            for j in 1..BLOCK {
                starts += u8::from(!ascii_white(block[j]) & ascii_white(block[j - 1]));
            }
            words += usize::from(starts);
            prev_white = u8::from(ascii_white(block[BLOCK - 1]));
            i += BLOCK;
            continue;
        }
        let class = WORD_CLASS[usize::from(b[i])];
        if class == MAYBE_WHITE {
            let len = crate::clean::whitespace_len(b, i);
            if len > 0 {
                prev_white = 1;
                i += len;
                continue;
            }
        }
        let white = class & 1;
        words += usize::from(prev_white & !white & 1);
        prev_white = white;
        i += 1;
    }
    words
}

const BLOCK: usize = 32;

/// `char::is_whitespace` on an ASCII byte (false for all others).
fn ascii_white(c: u8) -> bool {
    (c == b' ') | (c.wrapping_sub(b'\t') <= b'\r' - b'\t')
}

/// A lead byte that may start non-ASCII whitespace.
fn maybe_unicode_white(c: u8) -> bool {
    (c == 0xc2) | (c.wrapping_sub(0xe1) <= 0xe3 - 0xe1)
}

/// For `count_words`: 1 for ASCII whitespace (`char::is_whitespace`),
/// `MAYBE_WHITE` for lead bytes of non-ASCII whitespace, 0 otherwise.
const MAYBE_WHITE: u8 = 2;
const WORD_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    t[b' ' as usize] = 1;
    let mut k = b'\t' as usize;
    while k <= b'\r' as usize {
        t[k] = 1;
        k += 1;
    }
    t[0xc2] = MAYBE_WHITE;
    t[0xe1] = MAYBE_WHITE;
    t[0xe2] = MAYBE_WHITE;
    t[0xe3] = MAYBE_WHITE;
    t
};

#[cfg(test)]
mod tests {
    use super::count_words;

    #[test]
    fn count_words_agrees_with_split_whitespace() {
        for text in [
            "",
            " ",
            "one",
            " two  words ",
            "a\tb\nc\x0bd\x0ce\rf",
            "x\u{a0}y\u{3000}z",
            "한국 대통령 and Xi",
            "a\u{85}b\u{1680}c\u{2000}d\u{200a}e\u{2028}f\u{2029}g\u{202f}h\u{205f}i\u{3000}j",
            "no\u{200b}break\u{2060}here\u{feff}x \u{a0} \u{3000}",
            "“quoted” — dash ’s",
            "a much longer line of plain words that runs past one block, then two blocks, \
             \u{a0}with\u{3000}odd  spaces\tand “curly” quotes across the block edges  ",
            "                                  x",
            "x                                 y                                 ",
            "trailing.",
        ] {
            assert_eq!(
                count_words(text),
                text.split_whitespace().count(),
                "{text:?}"
            );
            // Every alignment of the text against the blocks.
            for pad in 0..40 {
                let padded = format!("{}{}{text}", "ab ".repeat(pad / 3), "z".repeat(pad % 3));
                assert_eq!(
                    count_words(&padded),
                    padded.split_whitespace().count(),
                    "{padded:?}"
                );
            }
        }
    }
}
