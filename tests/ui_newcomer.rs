//! The screens a newcomer met at 80×24 and smaller (issue 11, item 7),
//! drawn into ratatui's `TestBackend`: the call's facts compacted so the
//! article shows, readable call rows, dates in plain words and never cut
//! mid-token, the ribbon's legend, density and era names, and the
//! side-by-side "Differ" line wrapped and honest about unknowns.

use chrono::NaiveDate;
use hotline::model::Era;
use hotline::ui::fixture;
use hotline::ui::{self, Action, App, Motion, ribbon, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn screen(app: &mut App, w: u16, h: u16) -> String {
    update(app, Action::Resize(w, h));
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    t.draw(|f| ui::render(f, app)).expect("draw");
    t.backend().to_string()
}

/// The rows of the detail pane (right of the list) as text.
fn detail_rows(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| {
            let l = l.trim_matches('"');
            let start = l.find('│')?;
            Some(l[start..].trim_matches('│').to_string())
        })
        .collect()
}

#[test]
fn at_80x24_the_facts_take_two_lines_and_the_article_shows() {
    let mut app = App::new(fixture::sample());
    let text = screen(&mut app, 80, 24);
    insta::assert_snapshot!("start_80x24", text);
    let rows = detail_rows(&text);
    let rule = rows
        .iter()
        .position(|r| r.starts_with("─ KBS"))
        .expect("the article's rule shows");
    assert!(rule <= 3, "facts take {rule} lines:\n{text}");
    // Title and meta line, a blank line, then the text itself.
    let blank = rule
        + rows[rule..]
            .iter()
            .position(|r| r.trim().is_empty())
            .expect("a blank line before the text");
    let text_lines = rows.len() - blank - 2;
    assert!(text_lines >= 8, "{text_lines} lines of text:\n{text}");
    assert!(text.contains("F all facts"), "{text}");
    // F: every fact, on demand.
    update(&mut app, Action::ToggleFacts);
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("topics   APEC"), "{text}");
    assert!(
        text.contains("date     2025-06-10 · stated in the text"),
        "{text}"
    );
}

#[test]
fn call_rows_stay_readable_or_are_labelled() {
    let mut app = App::new(fixture::sample());
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("30 min · 3"), "{text}");
    assert!(!text.contains("30m 3"), "{text}");
    assert!(
        text.contains("minutes · articles"),
        "the short rows' legend:\n{text}"
    );
    let text = screen(&mut app, 120, 40);
    assert!(text.contains("30 min · 3 articles"));
    assert!(
        !text.contains("minutes · articles"),
        "no legend when rows say it"
    );
}

#[test]
fn the_date_basis_is_in_plain_words_and_dates_are_never_cut() {
    let mut app = App::new(fixture::sample());
    // The Lee–Trump call was dated from "on Friday".
    update(&mut app, Action::Move(Motion::Down));
    update(&mut app, Action::ToggleFacts);
    let text = screen(&mut app, 120, 40);
    assert!(text.contains("from “on Friday”"), "{text}");
    assert!(!text.contains("· weekday"), "{text}");
    let text = screen(&mut app, 50, 15);
    insta::assert_snapshot!("facts_50x15", text);
    for row in detail_rows(&text) {
        let row = row.trim_end();
        assert!(
            !row.ends_with("2025-06-0") && !row.ends_with("2025-06") && !row.ends_with("2025-"),
            "a date cut mid-token: {row:?}\n{text}"
        );
    }
}

#[test]
fn the_ribbon_explains_itself_shows_density_and_tells_two_lees_apart() {
    let mut t = fixture::sample();
    let lee_mb = t
        .leaders
        .by_key("lee-myung-bak")
        .expect("in the leaders file");
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).expect("date");
    t.eras.push(Era {
        leader: lee_mb,
        from: d(2008, 2, 25),
        to: Some(d(2013, 2, 24)),
        calls: vec![],
    });
    let mut app = App::new(t);
    assert_eq!(ribbon::era_name(&app, 0), "Lee J.-m.");
    assert_eq!(ribbon::era_name(&app, 3), "Lee M.-b.");
    assert_eq!(ribbon::era_name(&app, 2), "Moon");
    let text = screen(&mut app, 120, 40);
    assert!(
        text.contains("Lee M.-b.") && text.contains("Lee J.-m."),
        "{text}"
    );
    // The legend: in help, and beside an era.
    let help: String = ui::help::lines(&app)
        .iter()
        .map(|l| l.to_string() + "\n")
        .collect();
    assert!(help.contains("Era ribbon"), "{help}");
    assert!(help.contains("◆ the selected call"), "{help}");
    assert!(help.contains("▁▂▃▅▇ calls in that stretch"), "{help}");
    update(&mut app, Action::PrevEra);
    let era = screen(&mut app, 120, 40);
    assert!(era.contains("Ribbon: ◆ the selected call"), "{era}");
}

#[test]
fn side_by_side_says_unknown_in_both_and_wraps_the_differ_line() {
    let mut app = App::new(fixture::sample());
    // Pin the Lee–Trump article, compare with the 2021 Moon–Xi one: both
    // without a start time.
    update(&mut app, Action::Move(Motion::Down));
    update(&mut app, Action::Pin);
    update(&mut app, Action::NextEra);
    update(&mut app, Action::PrevEra);
    update(&mut app, Action::PrevEra);
    update(&mut app, Action::SideBySide);
    assert!(app.side.is_some());
    let text = screen(&mut app, 80, 24);
    insta::assert_snapshot!("side_by_side_80x24", text);
    assert!(text.contains("start unknown in both"), "{text}");
    assert!(!text.contains("same start"), "{text}");
    let head: Vec<&str> = text.lines().skip(2).take(6).collect();
    assert!(
        !head.iter().any(|l| l.contains('…')),
        "the Differ line is cut:\n{text}"
    );
}
