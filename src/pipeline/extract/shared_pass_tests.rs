//! Tests of the shared pass: the one overlapping automaton gives each
//! matcher exactly what its own leftmost-longest automata find, and the
//! paragraphs split into units as the separate scans read them.

use std::sync::LazyLock;

use proptest::prelude::*;

use super::pass::Phrases;
use super::units::{add_paragraphs, is_blank};
use super::*;
use crate::model::Body;
use crate::pipeline::clean::clean;

/// The one overlapping pass gives each matcher exactly what its own
/// leftmost-longest automata find; `cuts` (byte offsets) split `text`
/// into sentences for the topics' `not_with` rule, odd ones leaving a
/// gap.
fn check_shared_pass(x: &Extractor, text: &str, cuts: &[usize]) {
    let mut found = Phrases::default();
    let mut shared_names = Vec::new();
    let shared = x.scan_names(text, None, &mut found, &mut shared_names);
    // Korean (CJK, Cyrillic) text is left to each matcher's own automaton;
    // all other text takes the shared pass.
    assert_eq!(shared, !super::pass::needs_own_scan(text), "{text}");
    assert_eq!(x.names.scan(text), shared_names, "{text}");
    if !shared {
        return;
    }
    if found.stems.is_empty() {
        assert!(!facts::is_call_sentence(text), "{text}");
    }
    // Read out of a pass over a longer text it lies in (a paragraph of a
    // body), it gives what it gives alone, whatever stands around it.
    let pass = x.both.get(&x.names, &x.lexicon).expect("the shared pass");
    for (before, after) in [
        ("", ""),
        ("President Moon Jae", "in spoke"),
        ("phon", "e talks Xi"),
    ] {
        let body = format!("{before}{text}{after}");
        let mut scanned = super::streams::Scanned::default();
        pass.scan(&body, &mut scanned);
        let mut within = Phrases::default();
        pass.read_within(&x.names, text, before.len(), &scanned, &mut within);
        assert_eq!(
            (
                &within.names,
                &within.topics,
                &within.stems,
                &within.surnames,
                &within.blockers
            ),
            (
                &found.names,
                &found.topics,
                &found.stems,
                &found.surnames,
                &found.blockers
            ),
            "{body}"
        );
    }
    let mut cuts: Vec<usize> = cuts
        .iter()
        .map(|&c| c % (text.len() + 1))
        .filter(|&c| text.is_char_boundary(c))
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    let spans: Vec<(usize, usize)> = cuts
        .windows(2)
        .enumerate()
        .filter(|(i, _)| i % 3 != 2)
        .map(|(_, w)| (w[0], w[1]))
        .collect();
    for spans in [vec![], spans] {
        let mut alone = vec![false; x.topics.all.len()];
        let mut shared = alone.clone();
        x.lexicon.scan(text, &spans, &mut alone);
        x.lexicon.scan_with(
            text,
            &found.topics,
            Some(&found.blockers),
            &spans,
            &mut shared,
        );
        assert_eq!(alone, shared, "{text} {spans:?}");
    }
}

#[test]
fn shared_pass_equals_separate_scans() {
    let leaders = Leaders::embedded();
    let topics = Topics::embedded();
    let x = Extractor::new(&leaders, &topics);
    assert!(x.names.surnames_are_words);
    let mut texts: Vec<String> = [
        "South Korean President Moon Jae-in spoke with Chinese President Xi Jinping.",
        "the chinese president-elect and the Chinese President Xi Jin-ping met",
        "U.S. President-elect Joe Biden; US president Trump; Japan's prime minister-elect",
        "free trade agreement, free trade, trade war, supply-chain, supply chains",
        "Asia-Pacific Economic Cooperation (APEC) and economic cooperation on COVID-19",
        "the 30th anniversary of Sino-South Korean diplomatic relations",
        "MOON JAE-IN / XI JINPING / moon jane / mr. shi",
        "Lee, LEE, lee, LeeLee, Lee_x, xLee, Lee2, Lee-Han, Hu's, ÉLee, Leeé, Lee\u{301}",
        "campus President Shi; Abe Shinzō; Tarō Asō; Asō; ASO; Moon Jae-inx",
        "ſpoke Kalled; the Chinese counterpart Xi; Former President Park",
        "Xi's visit to China. The APEC summit. A visit to Seoul, the SUMMIT.",
        "summit visit to China; a visit to Beijing before the summits; xsummit",
        "visit to Korea. Summit_ visit to Seoul. The Summit\u{301} visit China",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let docs = crate::pipeline::read::embedded()
        .into_iter()
        .chain(crate::synth::docs(7, 300));
    for doc in docs {
        let cleaned = clean(&doc.text);
        texts.extend(cleaned.header.headline);
        texts.extend(cleaned.captions);
        texts.extend(cleaned.paragraphs.iter().map(|p| p.text.to_string()));
    }
    for text in &texts {
        let cuts: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices(". ").map(|(i, _)| i + 1))
            .chain([text.len()])
            .collect();
        check_shared_pass(&x, text, &cuts);
    }
    // A sentence may start glued to the word before.
    check_shared_pass(&x, "xsummit visit to China", &[1, 22]);
    check_shared_pass(&x, "visit to China summitx.", &[0, 20]);
}

/// Registries the embedded one does not exercise: surnames that
/// upper-case to other letters or hold a non-word character (found by
/// their own automaton then), `not_with` words that are empty, upper
/// case or not ASCII.
#[test]
fn odd_lexicons_keep_the_shared_pass_exact() {
    let registry = |surnames: [&str; 3]| {
        let mut toml = String::from(
            "home = \"KR\"\n[[country]]\ncode = \"KR\"\nname = \"Korea\"\nadjectives = [\"Korean\"]\n",
        );
        for (i, surname) in surnames.iter().enumerate() {
            toml.push_str(&format!(
                "[[leader]]\nid = \"l{i}\"\nshort = \"l{i}\"\nname = \"{surname} Full{i}\"\n\
                 surname = \"{surname}\"\ncountry = \"KR\"\n\
                 terms = [{{ from = \"2000-01-01\", role = \"president\" }}]\n"
            ));
        }
        Leaders::parse(&toml).expect("test registry parses")
    };
    let topics = Topics::parse(
        "[[topic]]\nname = \"a\"\nkeywords = [\"visit\", \"Gipfel\"]\nnot_with = [\"\", \"SUMMIT\", \"Straße\", \"summit\"]\n",
    )
    .expect("test topics parse");
    let texts = [
        "Straße said. STRASSE and STRAßE, straße. O'Neil met O'NEIL and Neil; Asō, ASŌ.",
        "A visit by Straße Full0. The summit visit. Gipfel straße. Visit, STRASSE!",
        "xO'Neil O'Neilx Lee-Asō Asō_ Lee's LEE lee. O'Neil Full1 said",
    ];
    for surnames in [["Straße", "Asō", "Lee"], ["O'Neil", "Asō", "Lee"]] {
        let leaders = registry(surnames);
        let x = Extractor::new(&leaders, &topics);
        assert_eq!(x.names.surnames_are_words, surnames[0] == "Straße");
        let surnames_found = x
            .names
            .scan(texts[0])
            .iter()
            .filter(|m| matches!(m.kind, Kind::Surname(_)))
            .count();
        assert!(surnames_found >= 2, "{surnames_found}");
        for text in texts {
            let cuts: Vec<usize> = (0..=text.len()).step_by(7).collect();
            check_shared_pass(&x, text, &cuts);
        }
    }
}

/// Pieces of the lexicons and the characters around which boundaries,
/// case and char widths get tricky.
const PIECES: &[&str] = &[
    "Lee",
    "LEE",
    "lee",
    "LeE",
    "Xi",
    "XI",
    "Han",
    "han",
    "Park",
    "Abe",
    "Asō",
    "ASŌ",
    "Moon Jae-in",
    "moon jae",
    "Chinese President",
    "chinese president-elect",
    "President Shi",
    "Mr. Shi",
    "President",
    "Mr.",
    "Former",
    "north",
    "Korean",
    "U.S.",
    "US",
    "Japan's",
    "Japan’s",
    "leader",
    "Olympic",
    "Kang-in",
    "visit to China",
    "visit",
    "summit",
    "SUMMIT",
    "free trade",
    "trade",
    "agreement",
    "30th anniversary",
    "diplomatic",
    "ties",
    "call",
    "spoke",
    "phone",
    "conference",
    "\u{212a}",
    "ſ",
    "\u{130}",
    "É",
    "é",
    "\u{301}",
    "_",
    "-",
    "'",
    "’",
    ".",
    ". ",
    "!",
    "\"",
    "”",
    "1",
    " ",
    " ",
    " ",
    "\n",
    "\u{a0}",
    "\u{3000}",
];

static LEADERS: LazyLock<Leaders> = LazyLock::new(Leaders::embedded);
static TOPICS: LazyLock<Topics> = LazyLock::new(Topics::embedded);
static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| Extractor::new(&LEADERS, &TOPICS));

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(PIECES), 0..24)
        .prop_map(|pieces| pieces.concat())
}

/// The paragraphs as `units` first read them: their sentences, or the
/// whole text without sentence ranges, blank ones dropped.
fn units_before(cleaned: &Cleaned) -> Vec<(&str, Vec<&str>)> {
    cleaned
        .paragraphs
        .iter()
        .map(|p| {
            let mut sentences: Vec<&str> = p
                .sentences
                .iter()
                .filter_map(|&(s, e)| p.text.get(s as usize..e as usize))
                .collect();
            if p.sentences.is_empty() {
                sentences.push(p.text);
            }
            sentences.retain(|s| !s.trim().is_empty());
            (p.text, sentences)
        })
        .filter(|(_, sentences)| !sentences.is_empty())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn shared_pass_equals_separate_scans_on_any_text(
        text in text(),
        cuts in proptest::collection::vec(0usize..400, 0..8),
    ) {
        check_shared_pass(&EXTRACTOR, &text, &cuts);
    }

    #[test]
    fn paragraphs_split_as_before(
        paragraphs in proptest::collection::vec(
            (text(), proptest::collection::vec((0u32..40, 0u32..40), 0..4)),
            0..5,
        )
    ) {
        let cleaned = Cleaned {
            paragraphs: {
                let mut body = Body::default();
                for (text, sentences) in &paragraphs {
                    body.push(text, sentences);
                }
                body
            },
            ..Cleaned::default()
        };
        let mut sentences = Vec::new();
        let mut units = Vec::new();
        add_paragraphs(&cleaned, &mut sentences, &mut units);
        let now: Vec<(&str, Vec<&str>)> = units
            .iter()
            .map(|u| (u.text, sentences[u.sentences.clone()].to_vec()))
            .collect();
        prop_assert_eq!(now, units_before(&cleaned));
        for s in sentences {
            prop_assert_eq!(is_blank(s), s.trim().is_empty());
        }
    }
}
