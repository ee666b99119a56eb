//! Matching a parsed query against the index. Each term is first compiled
//! once per keystroke: its close words in the vocabulary and its matches in
//! the small tables of distinct outlets, leaders, topics and dates. Then
//! articles are scored in chunks, from postings (or, when re-checking a
//! few previous hits, by looking each article up in those postings), with
//! nothing allocated per article. Chunks run on both cores and check a
//! cancel flag so stale work stops early.

use std::ops::Range;
use std::sync::OnceLock;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::fold::{Closeness, close, exact_in_field, field_matches};
use super::index::{NONE, SearchIndex};
use super::korean;
use super::parse::{Field, Query, Term};
use super::rank;

/// One term, resolved against the vocabulary and the tables.
pub struct Compiled<'q> {
    pub term: &'q Term,
    /// (vocabulary id, score bonus for the word's closeness)
    pub words: Vec<(u32, u32)>,
    pub sources: Vec<u32>,
    pub leaders: Vec<u32>,
    pub topics: Vec<u32>,
    pub dates: Vec<u32>,
    pub labels: Vec<u32>,
    /// `year:` as (divisor, value): year / divisor == value.
    pub year: Option<(u32, u32)>,
}

pub fn compile<'q>(index: &SearchIndex, term: &'q Term) -> Compiled<'q> {
    let q: Vec<char> = term.key();
    let any = term.field == Field::Any;
    let table = |wanted: bool, t: &super::index::Table, base: u32| -> Vec<u32> {
        if !wanted {
            return Vec::new();
        }
        let scores: Vec<Option<u32>> = t
            .spellings
            .iter()
            .map(|n| field_score(n, &q, term.exact))
            .collect();
        t.entry_spellings
            .iter()
            .map(|ids| {
                ids.iter()
                    .filter_map(|&id| scores.get(id as usize).copied().flatten())
                    .max()
                    .map_or(0, |bonus| base + bonus)
            })
            .collect()
    };
    Compiled {
        term,
        words: if any {
            vocab_matches(index, term, &q)
        } else {
            Vec::new()
        },
        sources: table(
            any || term.field == Field::Source,
            &index.sources,
            rank::SOURCE,
        ),
        leaders: table(
            matches!(term.field, Field::Any | Field::Era | Field::With),
            &index.leaders,
            rank::LEADER,
        ),
        topics: table(
            any || term.field == Field::Topic,
            &index.topics,
            rank::TOPIC,
        ),
        // Dates are digits and dashes: only a query that starts with a
        // digit can match one, so others skip the (large) table.
        dates: if any && q.first().is_some_and(char::is_ascii_digit) {
            index
                .dates
                .entries
                .iter()
                .map(|d| date_score(&d[0], &q, term.exact))
                .collect()
        } else {
            Vec::new()
        },
        labels: table(any, &index.labels, rank::DATE),
        year: (term.field == Field::Year)
            .then(|| year_test(&term.text))
            .flatten(),
    }
}

/// Close vocabulary words: a prefix range, narrowed by the close rule.
/// An exact term wants the one equal word.
fn vocab_matches(index: &SearchIndex, term: &Term, q: &[char]) -> Vec<(u32, u32)> {
    if term.exact {
        // fzf's `'`: the text anywhere in a word; a whole word ranks first.
        return index
            .vocab
            .iter()
            .enumerate()
            .filter(|(_, w)| w.contains(term.text.as_str()))
            .map(|(i, w)| {
                let bonus = if w == term.text { rank::WHOLE_BONUS } else { 5 };
                (i as u32, bonus)
            })
            .collect();
    }
    if korean::is_initials_key(q) {
        return korean::vocab_by_initials(&index.vocab, &index.initials, q);
    }
    // Close words share their first two letters (`fold::close`).
    let head: String = q.iter().take(2).collect();
    let qlen = q.len() as u32;
    index
        .prefix_range(&head)
        .filter_map(|i| {
            let word = &index.vocab[i];
            let (closeness, _) = close(word, q)?;
            let bonus = match closeness {
                Closeness::Whole => rank::WHOLE_BONUS,
                Closeness::Prefix => {
                    let len = word.chars().count().max(1) as u32;
                    5 + 15 * qlen.min(len) / len
                }
                Closeness::Near => 2,
            };
            Some((i as u32, bonus))
        })
        .collect()
}

fn skim() -> &'static SkimMatcherV2 {
    static SKIM: OnceLock<SkimMatcherV2> = OnceLock::new();
    SKIM.get_or_init(|| SkimMatcherV2::default().ignore_case())
}

/// The bonus for a short-field match, or `None` when it does not match.
/// Whether it matches is `fold::field_matches`; how well is skim's score, so
/// `jin` ranks "Jinping" above a longer, looser spelling.
pub(super) fn field_score(name: &[char], q: &[char], exact: bool) -> Option<u32> {
    if exact {
        return exact_in_field(name, q).then_some(rank::WHOLE_BONUS);
    }
    if korean::is_initials_key(q) {
        // 초성 on a name: 시진핑 for ㅅㅈㅍ, within one of its words.
        let name: String = name.iter().collect();
        return korean::initials_bonus_in_field(&name, q);
    }
    if !field_matches(name, q) {
        return None;
    }
    if name == q {
        return Some(rank::WHOLE_BONUS);
    }
    let name: String = name.iter().collect();
    let pattern: String = q.iter().collect();
    let s = skim().fuzzy_match(&name, &pattern).unwrap_or(0);
    Some((s / 10).clamp(1, 25) as u32)
}

/// Dates match from the start of a component: `2020`, `2020-02`, `02-20`.
fn date_score(date: &[char], q: &[char], exact: bool) -> u32 {
    let hit = if exact {
        exact_in_field(date, q)
    } else {
        (0..date.len()).any(|h| (h == 0 || date[h - 1] == '-') && date[h..].starts_with(q))
    };
    if hit {
        rank::DATE + if date == q { rank::WHOLE_BONUS } else { 10 }
    } else {
        0
    }
}

fn year_test(text: &str) -> Option<(u32, u32)> {
    let value: u32 = text.parse().ok()?;
    let digits = text.len() as u32;
    (digits <= 4).then(|| (10u32.pow(4 - digits), value))
}

/// Per-term word scores for one chunk of articles.
struct WordScores {
    score: Vec<u32>,
    mask: Vec<u32>,
}

pub type Cancel<'a> = &'a (dyn Fn() -> bool + Sync);

/// Score every article in `range`; `None` when cancelled.
pub fn eval_range(
    index: &SearchIndex,
    terms: &[Compiled],
    range: Range<usize>,
    cancel: Cancel,
) -> Option<Vec<(u32, i64)>> {
    let len = range.len();
    let mut scores = Vec::with_capacity(terms.len());
    for t in terms {
        let mut ws = WordScores {
            score: vec![0; if t.words.is_empty() { 0 } else { len }],
            mask: vec![0; if t.words.is_empty() { 0 } else { len }],
        };
        for (n, &(w, bonus)) in t.words.iter().enumerate() {
            if n % 64 == 63 && cancel() {
                return None;
            }
            fill_word(index, w as usize, bonus, &range, &mut ws);
        }
        scores.push(ws);
    }
    let mut out = Vec::new();
    for (k, a) in range.clone().enumerate() {
        if k % 4096 == 4095 && cancel() {
            return None;
        }
        let word = |t: usize| {
            let ws = &scores[t];
            if ws.score.is_empty() {
                (0, 0)
            } else {
                (ws.score[k], ws.mask[k])
            }
        };
        if let Some(score) = combine(index, terms, a, word) {
            out.push((a as u32, score));
        }
    }
    Some(out)
}

fn fill_word(index: &SearchIndex, w: usize, bonus: u32, range: &Range<usize>, ws: &mut WordScores) {
    let lo = range.start as u32;
    let hi = range.end as u32;
    for &a in index.title.from(w, lo).iter().take_while(|&&a| a < hi) {
        let k = (a - lo) as usize;
        ws.score[k] = ws.score[k].max(rank::TITLE + bonus);
    }
    for p in index.body.from(w, lo).iter().take_while(|p| p.article < hi) {
        let k = (p.article - lo) as usize;
        ws.score[k] = ws.score[k].max(rank::BODY + bonus);
        ws.mask[k] |= p.sentences;
    }
}

/// Score the listed articles only (re-checking previous hits), looking
/// each one up in the postings of the term's words by binary search.
pub fn eval_list(
    index: &SearchIndex,
    terms: &[Compiled],
    list: &[usize],
    cancel: Cancel,
) -> Option<Vec<(u32, i64)>> {
    let mut out = Vec::new();
    for (k, &a) in list.iter().enumerate() {
        if k % 1024 == 1023 && cancel() {
            return None;
        }
        let word = |t: usize| lookup_words(index, &terms[t], a as u32);
        if let Some(score) = combine(index, terms, a, word) {
            out.push((a as u32, score));
        }
    }
    Some(out)
}

/// Term `term`'s best title/body score and sentence mask in article `a`.
pub(super) fn lookup_words(index: &SearchIndex, term: &Compiled, a: u32) -> (u32, u32) {
    let mut score = 0;
    let mut mask = 0;
    for &(w, bonus) in &term.words {
        let w = w as usize;
        if index.title.find(w, a).is_some() {
            score = score.max(rank::TITLE + bonus);
        }
        if let Some(p) = index.body.find(w, a) {
            score = score.max(rank::BODY + bonus);
            mask |= p.sentences;
        }
    }
    (score, mask)
}

/// Roughly how many steps a full pass over postings takes, against
/// looking `list` up: picks the cheaper way to re-check previous hits.
fn postings(index: &SearchIndex, terms: &[Compiled]) -> usize {
    terms
        .iter()
        .flat_map(|t| &t.words)
        .map(|&(w, _)| index.body.weight(w as usize) + index.title.weight(w as usize))
        .sum()
}

pub fn list_is_cheaper(index: &SearchIndex, terms: &[Compiled], list: usize) -> bool {
    let postings = postings(index, terms);
    let lookups: usize = terms.iter().map(|t| t.words.len().max(1)).sum();
    list.saturating_mul(lookups).saturating_mul(24) < postings + index.fields.len()
}

/// One article against all terms: its score, or `None` when a positive
/// term misses or a negated one hits. `word(t)` gives term `t`'s best
/// title/body score and sentence mask for this article.
fn combine(
    index: &SearchIndex,
    terms: &[Compiled],
    a: usize,
    word: impl Fn(usize) -> (u32, u32),
) -> Option<i64> {
    let f = &index.fields[a];
    let mut total: i64 = 0;
    let mut together = u32::MAX;
    let mut in_body = 0;
    for (t, c) in terms.iter().enumerate() {
        // The user's marks are not in the index: `Query::keeps` checks
        // them against the marks of the moment, after matching.
        if c.term.field == Field::Is {
            continue;
        }
        let (wscore, mask) = word(t);
        let mut best = wscore;
        let at = |v: &Vec<u32>, id: u32| {
            if id == NONE {
                0
            } else {
                v.get(id as usize).copied().unwrap_or(0)
            }
        };
        match c.term.field {
            Field::Any => {
                best = best
                    .max(at(&c.sources, f.source))
                    .max(at(&c.leaders, f.home))
                    .max(at(&c.leaders, f.counterpart))
                    .max(at(&c.dates, f.dates[0]))
                    .max(at(&c.dates, f.dates[1]))
                    .max(at(&c.labels, f.label));
                for &topic in index.article_topics(a) {
                    best = best.max(at(&c.topics, topic));
                }
                // A call's topic or leader matched, and this article's
                // own text says it too: it should come first.
                if wscore > 0 && best > wscore {
                    best += rank::ALSO_IN_TEXT;
                }
            }
            Field::Source => best = at(&c.sources, f.source),
            Field::Era => best = at(&c.leaders, f.era),
            Field::With => best = at(&c.leaders, f.counterpart),
            Field::Topic => {
                for &topic in index.article_topics(a) {
                    best = best.max(at(&c.topics, topic));
                }
            }
            Field::Is => {}
            Field::Year => {
                if let Some((div, value)) = c.year
                    && f.year >= 1000
                    && u32::from(f.year) / div == value
                {
                    best = rank::DATE;
                }
            }
        }
        if c.term.negated {
            if best > 0 {
                return None;
            }
            continue;
        }
        if best == 0 {
            return None;
        }
        total += i64::from(best);
        if mask != 0 {
            together &= mask;
            in_body += 1;
        }
    }
    if in_body >= 2 && together != 0 {
        total += rank::TOGETHER;
    }
    Some(total)
}

/// Compile and score, single-threaded over all articles (tests, CLI).
pub fn run(
    index: &SearchIndex,
    query: &Query,
    scope: Option<&[usize]>,
    cancel: Cancel,
) -> Option<Vec<(u32, i64)>> {
    let terms: Vec<Compiled> = query.terms.iter().map(|t| compile(index, t)).collect();
    let n = index.fields.len();
    let work = postings(index, &terms) + n * terms.len().max(1);
    let parts = if work >= PARALLEL_FROM { threads() } else { 1 };
    match scope {
        Some(list) if list_is_cheaper(index, &terms, list.len()) => {
            split_run(parts, list.len(), |r| {
                eval_list(index, &terms, &list[r], cancel)
            })
        }
        Some(list) => {
            // A full pass, keeping only the listed articles.
            let mut keep = vec![false; n];
            for &a in list {
                if let Some(k) = keep.get_mut(a) {
                    *k = true;
                }
            }
            let all = split_run(parts, n, |r| eval_range(index, &terms, r, cancel))?;
            Some(all.into_iter().filter(|&(a, _)| keep[a as usize]).collect())
        }
        None => split_run(parts, n, |r| eval_range(index, &terms, r, cancel)),
    }
}

/// Below this many steps (postings plus articles) a second thread costs
/// more than it saves: spawning and, on a busy machine, waiting for a
/// core take about a millisecond.
const PARALLEL_FROM: usize = 400_000;

fn threads() -> usize {
    crate::pipeline::par::workers().min(8)
}

/// Run `f` over `parts` contiguous slices of `0..len` on scoped threads and
/// concatenate in order.
fn split_run<F>(parts: usize, len: usize, f: F) -> Option<Vec<(u32, i64)>>
where
    F: Fn(Range<usize>) -> Option<Vec<(u32, i64)>> + Sync,
{
    if parts <= 1 || len < 2 {
        return f(0..len);
    }
    let step = len.div_ceil(parts);
    let ranges: Vec<Range<usize>> = (0..parts)
        .map(|p| (p * step).min(len)..((p + 1) * step).min(len))
        .collect();
    let results = crate::pipeline::par::map_on(&ranges, parts, |r| f(r.clone()));
    let total = results.iter().flatten().map(Vec::len).sum();
    let mut all = Vec::with_capacity(total);
    for r in results {
        all.extend(r?);
    }
    Some(all)
}
