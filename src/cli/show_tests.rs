//! `hotline show` with and without `--evidence`, on the sample timeline.

use crate::cli::show::{Evidence as Mode, run};
use crate::ui::fixture;

fn show(id: &str, mode: Mode) -> String {
    let t = fixture::sample();
    let mut out = Vec::new();
    run(id, &t, mode, &mut out).expect("show");
    String::from_utf8(out).expect("utf-8")
}

#[test]
fn a_call_shows_the_evidence_of_its_kept_values() {
    let text = show("2025-06-10-lee-xi", Mode::Plain);
    let section = text
        .split("\nEvidence\n")
        .nth(1)
        .expect("an Evidence section");
    assert!(section.contains("  duration     30 min\n"), "{section}");
    assert!(
        section.contains("from 000_fixture (KBS), paragraph 1"),
        "{section}"
    );
    assert!(section.contains("[some 30 minutes]"), "{section}");
    assert!(section.contains("[Tuesday]"), "{section}");
    assert!(!text.contains('\u{1b}'), "escape codes in a pipe");
    insta::assert_snapshot!("show_call_evidence", section);
}

#[test]
fn an_article_shows_every_fact_it_states() {
    let text = show("002_fixture", Mode::Plain);
    let section = text
        .split("\nEvidence\n")
        .nth(1)
        .expect("an Evidence section");
    assert!(section.contains("  start        11:30\n"), "{section}");
    assert!(section.contains("no evidence recorded"), "{section}");
    assert!(
        section.contains("(Yonhap)") || section.contains("[Yonhap]"),
        "{section}"
    );
    insta::assert_snapshot!("show_article_evidence", section);
    let styled = show("002_fixture", Mode::Styled);
    assert!(styled.contains("\u{1b}[1;7m32-minute\u{1b}[0m"), "{styled}");
}

#[test]
fn an_article_without_evidence_says_so_and_stays_inert() {
    let text = show("006_fixture", Mode::Styled);
    assert!(
        text.contains("no fact of this article has evidence"),
        "{text}"
    );
    // Only the marks this module writes may be escapes; there are none here.
    assert!(!text.contains('\u{1b}'), "{text}");
}
