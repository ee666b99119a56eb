//! `Detail::FactsOnly` against `Detail::Full`: the same call facts
//! (but the topics) and publication date on real clippings, with title,
//! outlet, topics and evidence left empty.

use super::{Detail, Extractor};
use crate::lexicon::Lexicon;
use crate::pipeline::clean::Cleaner;
use crate::pipeline::read;

#[test]
fn facts_only_reads_the_same_facts_as_a_full_extraction() {
    let lexicon = Lexicon::embedded();
    let full = Extractor::with_outlets(&lexicon.leaders, &lexicon.topics, lexicon.outlets.clone());
    let facts_only = full.clone().reading(Detail::FactsOnly);
    let cleaner = Cleaner::new(&lexicon.boilerplate);
    let fresh = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fresh");
    let (docs, _) = read::read_paths(&[fresh]);
    let docs: Vec<_> = docs.into_iter().chain(read::embedded()).collect();
    assert!(docs.len() > 20);
    let mut with_evidence = 0;
    for doc in &docs {
        let cleaned = cleaner.clean(&doc.text);
        let (whole, slim) = (full.extract(&cleaned), facts_only.extract(&cleaned));
        let untopical = crate::model::CallFacts {
            topics: Vec::new(),
            ..whole.facts.clone()
        };
        assert_eq!(untopical, slim.facts, "{}", doc.path);
        assert_eq!(whole.published, slim.published, "{}", doc.path);
        assert!(slim.title.is_empty() && slim.source.is_none() && slim.evidence.is_empty());
        with_evidence += usize::from(!whole.evidence.is_empty());
    }
    // The comparison means something only if full extraction finds facts.
    assert!(
        with_evidence > docs.len() / 2,
        "{with_evidence} of {}",
        docs.len()
    );
}
