//! Property tests: whatever bytes arrive, the per-file pipeline
//! (decode → clean → extract) never panics or hangs, and what it hands the
//! views is inert text with valid sentence ranges.

use std::sync::OnceLock;

use hotline::model::{Article, Cleaned, ParagraphRef};
use hotline::pipeline::clean::clean;
use hotline::pipeline::extract::Extractor;
use hotline::pipeline::load::{Lexicon, build_article};
use hotline::pipeline::read::{self, RawDoc, decode};
use proptest::prelude::*;

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::embedded)
}

/// Built once: compiling the matchers per case would dominate the run.
fn extractor() -> &'static Extractor<'static> {
    static EXTRACTOR: OnceLock<Extractor<'static>> = OnceLock::new();
    EXTRACTOR.get_or_init(|| Extractor::new(&lexicon().leaders, &lexicon().topics))
}

fn seeds() -> &'static [(&'static str, &'static [u8])] {
    read::EMBEDDED_ARTICLES
}

/// Nothing a terminal would act on: no controls but '\n', no bidi overrides.
fn is_inert(s: &str, newlines: bool) -> bool {
    s.chars().all(|c| {
        !(c.is_control() && !(newlines && c == '\n'))
            && !matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    })
}

fn check_paragraph(p: ParagraphRef<'_>) -> Result<(), TestCaseError> {
    prop_assert!(is_inert(p.text, false), "raw control in {:?}", p.text);
    let mut last_end = 0;
    for (s, e) in p.sentences.iter().map(|&r| hotline::model::range_of(r)) {
        prop_assert!(
            s <= e && e <= p.text.len(),
            "range {s}..{e} in {}",
            p.text.len()
        );
        prop_assert!(p.text.is_char_boundary(s) && p.text.is_char_boundary(e));
        prop_assert!(s >= last_end, "overlapping sentences");
        last_end = e;
    }
    Ok(())
}

fn check_cleaned(c: &Cleaned) -> Result<(), TestCaseError> {
    for p in &c.paragraphs {
        check_paragraph(p)?;
    }
    for cap in &c.captions {
        prop_assert!(is_inert(cap, false), "raw control in caption {cap:?}");
    }
    if let Some(h) = &c.header.headline {
        prop_assert!(is_inert(h, false), "raw control in headline {h:?}");
    }
    Ok(())
}

fn check_article(a: &Article) -> Result<(), TestCaseError> {
    prop_assert!(
        is_inert(&a.title, false),
        "raw control in title {:?}",
        a.title
    );
    if let Some(source) = &a.source {
        prop_assert!(is_inert(source, false));
    }
    for p in &a.paragraphs {
        check_paragraph(p)?;
    }
    Ok(())
}

/// The whole per-file pipeline on one input.
fn run(bytes: &[u8]) -> Result<(), TestCaseError> {
    let Ok((text, warnings)) = decode(bytes) else {
        return Ok(());
    };
    prop_assert!(!text.contains('\r'));
    let cleaned = clean(&text);
    check_cleaned(&cleaned)?;
    let doc = RawDoc {
        id: "prop".into(),
        path: "prop.txt".into(),
        file: "prop.txt".into(),
        text,
        warnings,
        meta: Default::default(),
    };
    let article = build_article(doc, extractor());
    check_article(&article)
}

/// One edit to a seed file.
#[derive(Debug, Clone)]
enum Mutation {
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Replace(usize, u8),
    Truncate(usize),
    DuplicateLine(usize, usize),
    Inject(usize, &'static str),
    HugeLine(usize, usize),
    JoinLines,
}

const NASTY: &[&str] = &[
    "\x1b]0;title\x07",
    "\x1b]52;c;ZXZpbA==\x07",
    "\x1b[2J\x1b[H",
    "\x1b[31m",
    "\x1b",
    "\x1b]8;;http://x\x1b\\",
    "\u{9b}1m",
    "\u{202e}",
    "\u{2066}",
    "\x7f",
    "\x08\x08\x08",
    "\r",
    "\t",
    "\u{feff}",
    "\u{2028}",
    ". ",
    ".Report: ",
    "Article content\n",
    "(Yonhap)\n",
    " date 2025-06-10 ",
    "THIS CONTENT IS RESERVED FOR SUBSCRIBERS ONLY\n- a\n",
    "![x](",
    "<img ",
    "입력 2020.02.20",
    "。",
    "\"",
    "“",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), prop::collection::vec(any::<u8>(), 1..16))
            .prop_map(|(i, b)| Mutation::Insert(i, b)),
        (any::<usize>(), 1usize..64).prop_map(|(i, n)| Mutation::Delete(i, n)),
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Replace(i, b)),
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), 1usize..40).prop_map(|(i, n)| Mutation::DuplicateLine(i, n)),
        (any::<usize>(), prop::sample::select(NASTY)).prop_map(|(i, s)| Mutation::Inject(i, s)),
        (any::<usize>(), 1usize..100_000).prop_map(|(i, n)| Mutation::HugeLine(i, n)),
        Just(Mutation::JoinLines),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let at = |i: usize, len: usize| if len == 0 { 0 } else { i % (len + 1) };
    match m {
        Mutation::Insert(i, b) => {
            let i = at(*i, bytes.len());
            bytes.splice(i..i, b.iter().copied());
        }
        Mutation::Delete(i, n) => {
            let i = at(*i, bytes.len());
            let end = (i + n).min(bytes.len());
            bytes.drain(i..end);
        }
        Mutation::Replace(i, b) => {
            if !bytes.is_empty() {
                let i = i % bytes.len();
                bytes[i] = *b;
            }
        }
        Mutation::Truncate(i) => {
            let i = at(*i, bytes.len());
            bytes.truncate(i);
        }
        Mutation::DuplicateLine(i, n) => {
            let lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
            let line = lines[i % lines.len()].to_vec();
            let mut copy = Vec::new();
            // Capped so a duplicated huge line keeps each case fast.
            for _ in 0..(*n).min(1 + 64 * 1024 / (line.len() + 1)) {
                copy.extend_from_slice(&line);
                copy.push(b'\n');
            }
            let i = at(*i, bytes.len());
            bytes.splice(i..i, copy);
        }
        Mutation::Inject(i, s) => {
            let i = at(*i, bytes.len());
            bytes.splice(i..i, s.bytes());
        }
        Mutation::HugeLine(i, n) => {
            let unit = b"Lee and Xi spoke.Our reporter (Yonhap) a.m. U.S. ";
            let huge: Vec<u8> = unit.iter().copied().cycle().take(*n).collect();
            let i = at(*i, bytes.len());
            bytes.splice(i..i, huge);
        }
        Mutation::JoinLines => bytes.retain(|&b| b != b'\n'),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        run(&bytes)?;
    }

}

// Text-shaped inputs cost more per case (extraction runs on real words).
proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text(text in "\\PC{0,300}(\\n\\PC{0,200}){0,10}") {
        run(text.as_bytes())?;
    }

    #[test]
    fn control_soup(parts in prop::collection::vec(prop::sample::select(NASTY), 0..60),
                    words in prop::collection::vec("[A-Za-z가-힣.]{0,12}", 0..60)) {
        let mut text = String::new();
        for (p, w) in parts.iter().zip(words.iter().chain(std::iter::repeat(&String::new()))) {
            text.push_str(p);
            text.push_str(w);
        }
        run(text.as_bytes())?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn mutated_seeds(seed in 0usize..64, edits in prop::collection::vec(mutation(), 1..8)) {
        let (_, original) = seeds()[seed % seeds().len()];
        let mut bytes = original.to_vec();
        for m in &edits {
            apply(&mut bytes, m);
        }
        run(&bytes)?;
    }
}

#[test]
fn seeds_themselves_pass() {
    for (name, bytes) in seeds() {
        if let Err(e) = run(bytes) {
            panic!("{name}: {e}");
        }
    }
}

/// One huge single line (no newlines, glued sentences, dots without
/// spaces) through the whole per-file pipeline: must finish promptly.
#[test]
fn huge_single_line() {
    let unit = "Lee and Xi spoke.Our reporter (Yonhap) at 11:30 a.m. U.S. 3.5 www.a.b.Cd ";
    let mut text = unit.repeat(2_000_000 / unit.len());
    text.push_str(&"a.".repeat(500_000));
    let start = std::time::Instant::now();
    if let Err(e) = run(text.as_bytes()) {
        panic!("{e}");
    }
    // Generous for debug builds on a busy machine; quadratic would be hours.
    assert!(start.elapsed().as_secs() < 60, "{:?}", start.elapsed());
}
