//! Korean on every pane: snapshots of the timeline, detail and side-by-side
//! panes at 80×24 and 120×40 with Hangul, Hanja and emoji in titles,
//! outlets and bodies, and a property test that renders random Hangul,
//! Hanja, emoji and ASCII at random sizes and checks that no cell holds
//! half a wide character: a wide character is never on the last column,
//! and the cell after it is always its blank continuation (nothing drawn
//! over it), so every row is exactly as wide as the terminal.
//!
//! The timeline is `ui::fixture::sample()` with Korean text put in its
//! articles, so calls, eras and facts stay fixed while extraction grows.

use hotline::model::{Body, Timeline};
use hotline::ui::fixture;
use hotline::ui::{self, Action, App, Edit, Motion, resolve_searches, update};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

const TITLES: [&str; 4] = [
    "문재인 대통령, 시진핑 주석과 통화…\"코로나 공동 대응\"",
    "이재명 대통령, 習近平 국가주석과 첫 전화 회담 🇰🇷🇨🇳",
    "尹 당선인, 바이든 대통령과 20분간 통화",
    "트럼프 대통령 \"한미동맹 굳건\" 👍 청와대 서면 브리핑",
];

const SOURCES: [&str; 4] = ["연합뉴스", "KBS", "뉴시스", "한겨레"];

const BODY: [&str; 3] = [
    "(서울=연합뉴스) 김태훈 기자 = 문재인 대통령은 20일 오후 9시부터 30분간 시진핑(習近平) 중국 국가주석과 전화통화를 했다.",
    "청와대 대변인은 서면 브리핑에서 \"두 정상은 신종 코로나바이러스 감염증 대응에 긴밀히 협력하기로 했다\"고 밝혔다. 😀👍🏽",
    "한편 APEC 정상회의는 경주에서 열린다. 長文の行も折り返す: 가나다라마바사아자차카타파하가나다라마바사아자차카타파하.",
];

/// The sample timeline, its articles retitled and rewritten in Korean.
fn korean_timeline() -> Timeline {
    let mut tl = fixture::sample();
    for (i, a) in tl.articles.iter_mut().enumerate() {
        a.title = TITLES[i % TITLES.len()].to_string();
        a.source = Some(SOURCES[i % SOURCES.len()].to_string());
        a.paragraphs = Body::plain(&BODY);
    }
    tl
}

fn terminal(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    update(app, Action::Resize(w, h));
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    t.draw(|f| ui::render(f, app)).expect("draw");
    t
}

/// Every wide character has its blank continuation cell right after it,
/// inside the row; so each row draws exactly `width` columns.
fn assert_no_cut_wide_chars(buf: &Buffer) {
    let (w, h) = (buf.area.width, buf.area.height);
    for y in 0..h {
        let mut x = 0;
        while x < w {
            let sym = buf[(x, y)].symbol();
            let cw = sym.width().max(1) as u16;
            assert!(x + cw <= w, "row {y}: {sym:?} at column {x} runs past {w}");
            for k in 1..cw {
                let next = buf[(x + k, y)].symbol();
                assert_eq!(
                    next, " ",
                    "row {y}: {sym:?} at column {x} is half covered by {next:?}"
                );
            }
            x += cw;
        }
    }
}

fn screen(app: &mut App, w: u16, h: u16) -> String {
    let t = terminal(app, w, h);
    assert_no_cut_wide_chars(t.backend().buffer());
    t.backend().to_string()
}

#[test]
fn timeline_korean() {
    let mut app = App::new(korean_timeline());
    insta::assert_snapshot!("timeline_korean_80x24", screen(&mut app, 80, 24));
    insta::assert_snapshot!("timeline_korean_120x40", screen(&mut app, 120, 40));
}

#[test]
fn detail_korean() {
    let mut app = App::new(korean_timeline());
    update(&mut app, Action::Toggle);
    update(&mut app, Action::Expand);
    update(&mut app, Action::Move(Motion::Down));
    update(&mut app, Action::FocusNext);
    insta::assert_snapshot!("detail_korean_80x24", screen(&mut app, 80, 24));
    insta::assert_snapshot!("detail_korean_120x40", screen(&mut app, 120, 40));
}

#[test]
fn side_by_side_korean() {
    let mut app = App::new(korean_timeline());
    update(&mut app, Action::Pin);
    update(&mut app, Action::LastCall);
    update(&mut app, Action::Move(Motion::Up));
    update(&mut app, Action::Move(Motion::Up));
    update(&mut app, Action::SideBySide);
    insta::assert_snapshot!("side_by_side_korean_80x24", screen(&mut app, 80, 24));
    insta::assert_snapshot!("side_by_side_korean_120x40", screen(&mut app, 120, 40));
}

#[test]
fn filter_bar_in_korean() {
    let mut app = App::new(korean_timeline());
    update(&mut app, Action::FocusFilter);
    for c in "ㅅㅈㅍ 통화를".chars() {
        update(&mut app, Action::Edit(Edit::Insert(c)));
    }
    resolve_searches(&mut app);
    insta::assert_snapshot!("filter_korean_80x24", screen(&mut app, 80, 24));
}

/// Random text drawn from Hangul, Hanja, emoji (with skin tones and flags)
/// and ASCII words.
fn mixed_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[가-힣]{1,6}",
        "[一-龥]{1,4}",
        prop::sample::select(vec!["😀", "👍🏽", "🇰🇷", "👨‍👩‍👧", "✅", "…", "·"]).prop_map(str::to_string),
        "[a-zA-Z0-9]{1,8}",
        Just(" ".to_string()),
        Just("\"".to_string()),
    ];
    prop::collection::vec(piece, 1..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Every pane with random wide text in titles, outlets and bodies, at
    /// random sizes, in the list, the detail, side by side and filtering.
    #[test]
    fn random_wide_text_is_never_cut(
        title in mixed_text(),
        source in "[가-힣一-龥a-z]{1,12}",
        body in prop::collection::vec(mixed_text(), 1..4),
        filter in "[ㄱ-ㅎ가-힣a-z]{0,4}",
        w in 20u16..150,
        h in 8u16..45,
        view in 0usize..4,
    ) {
        let mut tl = fixture::sample();
        for a in tl.articles.iter_mut() {
            a.title = title.clone();
            a.source = Some(source.clone());
            a.paragraphs = Body::plain(&body.iter().map(String::as_str).collect::<Vec<_>>());
        }
        let mut app = App::new(tl);
        match view {
            0 => {}
            1 => {
                update(&mut app, Action::Expand);
                update(&mut app, Action::Move(Motion::Down));
                update(&mut app, Action::FocusNext);
            }
            2 => {
                update(&mut app, Action::Pin);
                update(&mut app, Action::LastCall);
                update(&mut app, Action::SideBySide);
            }
            _ => {
                update(&mut app, Action::FocusFilter);
                for c in filter.chars() {
                    update(&mut app, Action::Edit(Edit::Insert(c)));
                }
                resolve_searches(&mut app);
            }
        }
        let t = terminal(&mut app, w, h);
        assert_no_cut_wide_chars(t.backend().buffer());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// The wrapping and truncation helpers every pane uses: no line wider
    /// than asked, nothing lost or split when wrapped, and drawn as is into
    /// a buffer of that width no wide character is cut. (From two columns:
    /// a wide character cannot fit in one, and no pane is that narrow.)
    #[test]
    fn wrapped_and_truncated_text_fits_its_columns(text in mixed_text(), cols in 2usize..90) {
        use hotline::ui::text::Cells;
        use ratatui::style::Style;
        use ratatui::widgets::Paragraph as Para;
        let lines = Cells::new().push_untrusted(&text, Style::default()).clone().wrap(cols);
        for line in &lines {
            prop_assert!(line.width() <= cols, "wrapped line {} > {cols}", line.width());
        }
        let mut short = Cells::new();
        short.push_untrusted(&text, Style::default()).truncate(cols);
        prop_assert!(short.width() <= cols);
        let kept: String = lines
            .iter()
            .map(|l| l.clone().into_line().to_string())
            .collect::<String>()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        // What is drawn is the text made safe (invisible joiners dropped).
        let want: String = hotline::ui::text::safe(&text)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        prop_assert_eq!(kept, want, "wrapping lost or reordered text");
        let rows = lines.len().max(1) as u16;
        let mut t = Terminal::new(TestBackend::new(cols as u16, rows)).expect("test backend");
        let drawn: Vec<_> = lines.into_iter().map(|l| l.into_line()).collect();
        t.draw(|f| f.render_widget(Para::new(drawn), f.area())).expect("draw");
        assert_no_cut_wide_chars(t.backend().buffer());
    }
}
