//! The evidence view of the detail pane (`v`): first a block naming each
//! fact the article states, its value and the words it was read from
//! (`date  2025-06-10 ← “…Tuesday…” ¶1`), then the article with each
//! such sentence marked and the words inside it marked more strongly; a
//! line above a paragraph names the facts read there. Headline and
//! captions are shown only when evidence points into them (the reading
//! text leaves them out).
//!
//! Ranges come from extraction: only those `evidence::valid` accepts are
//! drawn, and every slice goes through `str::get`. Article text goes
//! through `Cells::push_untrusted`, like everywhere else in the UI.

use ratatui::style::Style;

use super::out::{Out, meta_line};
use crate::evidence::{self, place_short};
use crate::model::{Article, Evidence, FactKind, Place};
use crate::ui::state::app::App;
use crate::ui::text::Cells;

/// Width of the fact names ("counterpart ").
const LABEL_WIDTH: usize = 12;

/// The evidence view of `article`, appended to `out`.
pub(super) fn section(app: &App, article: usize, out: &mut Out) {
    let Some(a) = app.timeline.articles.get(article) else {
        return;
    };
    let theme = &app.theme;
    let all = evidence::article_evidence(a);
    let mut c = Cells::new();
    c.push("Evidence", theme.bold());
    out.push(c);
    if all.is_empty() {
        let mut c = Cells::new();
        c.push(
            "No fact of this article has evidence: nothing to mark in the text.",
            theme.dim(),
        );
        out.push(c);
    }
    for kind in FactKind::ALL {
        fact_lines(app, a, kind, &all, out);
    }
    out.blank();
    let mut c = Cells::new();
    c.push_untrusted(&a.title, theme.bold());
    out.push(c);
    out.push(meta_line(app, a));
    // Headline and captions first, as a page shows them above the story.
    let mut places: Vec<Place> = Vec::new();
    for e in &all {
        if !matches!(e.place, Place::Paragraph(_)) && !places.contains(&e.place) {
            places.push(e.place);
        }
    }
    places.sort_by_key(|p| match p {
        Place::Headline => (0, 0),
        Place::Caption(i) => (1, *i),
        Place::Paragraph(i) => (2, *i),
    });
    for place in places {
        out.blank();
        let mut c = Cells::new();
        c.push(&format!("{}: ", evidence::place_name(place)), theme.dim());
        if let Some(text) = a.place_text(place) {
            marked(app, text, &on(&all, place), &mut c);
        }
        out.push(c);
    }
    for (i, p) in a.paragraphs.iter().enumerate() {
        out.blank();
        let here = on(&all, Place::paragraph(i));
        if !here.is_empty() {
            out.push(facts_above(app, &here));
        }
        let mut c = Cells::new();
        marked(app, p.text, &here, &mut c);
        out.push(c);
    }
}

/// The evidence pointing into `place`.
fn on(all: &[Evidence], place: Place) -> Vec<Evidence> {
    all.iter().filter(|e| e.place == place).copied().collect()
}

/// "date        2025-06-10 ← “…Tuesday…” ¶1", one line per piece of
/// evidence; "start  11:30  no evidence" for a value stated without any;
/// nothing for a fact the article does not state.
fn fact_lines(app: &App, a: &Article, kind: FactKind, all: &[Evidence], out: &mut Out) {
    let theme = &app.theme;
    let value = evidence::article_value(&app.timeline, a, kind);
    let of_kind: Vec<&Evidence> = all.iter().filter(|e| e.fact == kind).collect();
    if value.is_none() && of_kind.is_empty() {
        return;
    }
    let head = |c: &mut Cells| {
        c.push(&format!("{:<LABEL_WIDTH$}", kind.as_str()), theme.dim());
        match &value {
            Some(v) => c.push_untrusted(v, theme.bold()),
            None => c.push("not stated", theme.dim()),
        };
    };
    if of_kind.is_empty() {
        let mut c = Cells::new();
        head(&mut c);
        c.push("  no evidence", theme.dim());
        out.push_hanging(c, LABEL_WIDTH);
    }
    for e in of_kind {
        let mut c = Cells::new();
        head(&mut c);
        c.push(" ← ", theme.dim());
        quote(app, a, e, &mut c);
        c.push(&format!(" {}", place_short(e.place)), theme.dim());
        out.push_hanging(c, LABEL_WIDTH);
    }
}

/// “…words…”: the span in its strong style, with an ellipsis on each side
/// where the sentence goes on.
fn quote(app: &App, a: &Article, e: &Evidence, c: &mut Cells) {
    let theme = &app.theme;
    let Some((before, span, after)) = evidence::sentence_parts(a, e) else {
        return;
    };
    c.push("“", theme.dim());
    if !before.trim().is_empty() {
        c.push("…", theme.dim());
    }
    c.push_untrusted(span, theme.evidence_span());
    if !after.trim().is_empty() {
        c.push("…", theme.dim());
    }
    c.push("”", theme.dim());
}

/// "▸ date · duration": the facts read in the paragraph below.
fn facts_above(app: &App, here: &[Evidence]) -> Cells {
    let theme = &app.theme;
    let mut kinds: Vec<FactKind> = Vec::new();
    for kind in FactKind::ALL {
        if here.iter().any(|e| e.fact == kind) {
            kinds.push(kind);
        }
    }
    let names: Vec<&str> = kinds.iter().map(|k| k.as_str()).collect();
    let mut c = Cells::new();
    c.push("▸ ", theme.dim());
    c.push(&names.join(" · "), theme.bold());
    c
}

/// `text` with the evidence sentences in their style and the spans in
/// the stronger one. Cut points come from valid ranges only, so every
/// piece is a slice on character boundaries.
fn marked(app: &App, text: &str, here: &[Evidence], c: &mut Cells) {
    let theme = &app.theme;
    for (s, e, style) in segments(
        text,
        here,
        theme.text(),
        theme.evidence_sentence(),
        theme.evidence_span(),
    ) {
        if let Some(piece) = text.get(s..e) {
            c.push_untrusted(piece, style);
        }
    }
}

/// `text` cut wherever a sentence or span starts or ends, each piece in
/// the strongest style covering it: span over sentence over plain.
fn segments(
    text: &str,
    here: &[Evidence],
    plain: Style,
    sentence: Style,
    span: Style,
) -> Vec<(usize, usize, Style)> {
    let mut cuts = vec![0, text.len()];
    for e in here {
        for at in [e.sentence.0, e.sentence.1, e.span.0, e.span.1].map(|at| at as usize) {
            if at <= text.len() && text.is_char_boundary(at) {
                cuts.push(at);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out: Vec<(usize, usize, Style)> = Vec::new();
    for w in cuts.windows(2) {
        let (s, e) = (w[0], w[1]);
        let inside = |r: (u32, u32)| r.0 as usize <= s && e <= r.1 as usize;
        let style = if here.iter().any(|ev| inside(ev.span)) {
            plain.patch(span)
        } else if here.iter().any(|ev| inside(ev.sentence)) {
            plain.patch(sentence)
        } else {
            plain
        };
        match out.last_mut() {
            Some(last) if last.2 == style && last.1 == s => last.1 = e,
            _ => out.push((s, e, style)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    #[test]
    fn spans_win_over_sentences_and_pieces_cover_the_text() {
        let text = "One. He called on Tuesday for 30 minutes. Two.";
        let ev = |span: (u32, u32)| Evidence {
            fact: FactKind::Date,
            place: Place::Paragraph(0),
            span,
            sentence: (5, 41),
        };
        let day = crate::model::offset(text.find("Tuesday").unwrap_or(0));
        let here = [ev((day, day + 7)), ev((30, 40))];
        let (p, s, sp) = (
            Style::new(),
            Style::new().underlined(),
            Style::new().reversed(),
        );
        let segs = segments(text, &here, p, s, sp);
        let joined: String = segs.iter().map(|&(a, b, _)| &text[a..b]).collect();
        assert_eq!(joined, text);
        let style_of = |w: &str| {
            let at = text.find(w).unwrap_or(0);
            segs.iter()
                .find(|&&(a, b, _)| a <= at && at < b)
                .map(|x| x.2)
        };
        assert_eq!(style_of("Tuesday"), Some(sp));
        assert_eq!(style_of("called"), Some(s));
        assert_eq!(style_of("One"), Some(p));
        assert!(style_of("Tuesday").is_some_and(|s| s.add_modifier.contains(Modifier::REVERSED)));
    }

    #[test]
    fn cut_points_off_character_boundaries_are_dropped() {
        let text = "이재명 said";
        let here = [Evidence {
            fact: FactKind::Counterpart,
            place: Place::Paragraph(0),
            span: (1, 2),
            sentence: (0, 100),
        }];
        let segs = segments(text, &here, Style::new(), Style::new(), Style::new());
        for (a, b, _) in segs {
            assert!(text.get(a..b).is_some());
        }
    }
}
