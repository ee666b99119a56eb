//! Call ids are unique by construction, over generated corpora and when
//! two leaders share a short name on the same day.

use std::collections::HashSet;

use hotline::lexicon::leaders::Leaders;
use hotline::pipeline::load::{self, Lexicon};
use hotline::pipeline::read::RawDoc;

fn doc(id: &str, text: &str) -> RawDoc {
    RawDoc {
        id: id.into(),
        path: format!("test:{id}.txt"),
        file: format!("{id}.txt"),
        text: text.into(),
        warnings: Vec::new(),
        meta: Default::default(),
    }
}

fn assert_unique(timeline: &hotline::model::Timeline) {
    let mut seen = HashSet::new();
    for call in &timeline.calls {
        assert!(
            seen.insert(call.id.as_str()),
            "duplicate call id {}",
            call.id
        );
    }
}

/// Lee Myung-bak and Lee Jae-myung are both `lee`: with a leaders file in
/// which both held office on one day, each calling Xi that day, the two
/// calls (among a generated corpus) get two ids, and `show` can reach each.
#[test]
fn leaders_sharing_a_short_name_on_one_day_get_two_ids() {
    let leaders = include_str!("../assets/leaders.toml").replace(
        r#"terms = [{ from = "2025-06-04", role = "president" }]"#,
        r#"terms = [{ from = "2013-01-01", to = "2013-03-01", role = "acting president" }, { from = "2025-06-04", role = "president" }]"#,
    );
    let lexicon = Lexicon {
        leaders: Leaders::parse(&leaders).expect("leaders parse"),
        ..Lexicon::embedded()
    };
    let mut docs = hotline::synth::docs(3, 600);
    docs.push(doc(
        "mb",
        " date 2013-02-23 Lee, Xi talk\nPresident Lee Myung-bak spoke by phone with Chinese leader Xi Jinping on Saturday.\n",
    ));
    docs.push(doc(
        "jm",
        " date 2013-02-23 Lee, Xi talk\nActing President Lee Jae-myung spoke by phone with Chinese leader Xi Jinping on Saturday.\n",
    ));
    let articles = load::build_articles(docs, &lexicon);
    let timeline = load::assemble(articles, Vec::new(), &lexicon);
    assert_unique(&timeline);
    let ids: Vec<&str> = timeline
        .calls
        .iter()
        .map(|c| c.id.as_str())
        .filter(|id| id.starts_with("2013-02-23"))
        .collect();
    assert_eq!(
        ids.len(),
        2,
        "{ids:?}: both calls are read (the test needs them)"
    );
    assert!(ids.contains(&"2013-02-23-lee-myung-bak-xi"), "{ids:?}");
    assert!(ids.contains(&"2013-02-23-lee-jae-myung-xi"), "{ids:?}");
}

/// Generated corpora through the whole pipeline: no two calls share an id.
#[test]
fn generated_corpora_have_unique_call_ids() {
    let lexicon = Lexicon::embedded();
    for seed in [1, 2, 3, 4] {
        let articles = load::build_articles(hotline::synth::docs(seed, 1500), &lexicon);
        let timeline = load::assemble(articles, Vec::new(), &lexicon);
        assert!(
            timeline.calls.len() > 100,
            "seed {seed}: too few calls to say anything"
        );
        assert_unique(&timeline);
    }
}
