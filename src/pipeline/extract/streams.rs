//! The byte loop of the shared pass: every match state the automaton
//! (`Steps`) passes through over a text, read as several streams stepped
//! together.
//!
//! The automaton's next state waits on the load of the one before, so one
//! stream is as slow as that chain (perf: the loop's time sat on that one
//! load, and a table half the size ran no faster). Streams stepped together
//! overlap their loads: a long text (a whole article body) is read as four
//! stretches, a shorter one (a headline, a caption) as two. Each stream but
//! the first starts `overlap` (the longest pattern less one) bytes before
//! its stretch: by the stretch's first byte it is in the state one stream
//! would be in there (a state is the longest text suffix that begins a
//! pattern, never longer than a pattern), and it reports only matches
//! ending inside its stretch, so each match comes once.
//!
//! Measured no faster (10,000 generated articles): the automaton's rows
//! laid out breadth first, stepping over the bytes that leave the start
//! state idle (few bytes do), four streams over each paragraph on its own
//! (the overlaps cost what the streams save).

use super::steps::Steps;

/// Match states with where they were reached (the position just after the
/// byte that led to each), in text order once `match_states` returns:
/// `first` holds them all then, `later` are the other streams' until
/// they join it.
#[derive(Debug, Default)]
pub(super) struct Scanned {
    pub(super) first: Vec<(u32, usize)>,
    later: [Vec<(u32, usize)>; 3],
    /// Four streams' states, a slot per byte read (see `four_streams`),
    /// kept from text to text so they are sized once.
    slots: [Vec<(u32, u32)>; 4],
}

/// How long a text must be to be read as four streams: each stretch then
/// runs well past the bytes its stream reads twice.
const FOUR_STREAMS_PER_OVERLAP: usize = 8;

/// Every match state `steps` passes through over `bytes`, into `out`.
#[inline(never)]
pub(super) fn match_states(steps: &Steps, overlap: usize, bytes: &[u8], out: &mut Scanned) {
    out.first.clear();
    for later in &mut out.later {
        later.clear();
    }
    let len = bytes.len();
    // (Four streams count a stretch's bytes in `u32`: an article body is
    // far shorter.)
    if len >= FOUR_STREAMS_PER_OVERLAP * overlap.max(2) && u32::try_from(len).is_ok() {
        four_streams(steps, overlap, bytes, out);
    } else if len > 2 * overlap + 1 {
        two_streams(steps, overlap, bytes, out);
    } else {
        read_stream(steps, steps.start(), bytes, 0, &mut out.first);
    }
    let Scanned { first, later, .. } = out;
    for stream in later {
        first.append(stream);
    }
}

/// The first half, and the second from `overlap` bytes before the middle.
fn two_streams(steps: &Steps, overlap: usize, bytes: &[u8], out: &mut Scanned) {
    // Both streams as long as each other, give or take a byte.
    let mid = (bytes.len() + overlap).div_ceil(2);
    let from = mid - overlap;
    let (first, second) = (&bytes[..mid], &bytes[from..]);
    let n = first.len().min(second.len());
    let (both_first, both_second) = (&first[..n], &second[..n]);
    let table = steps.parts();
    let (mut a, mut b, mut read) = (steps.start(), steps.start(), 0);
    while read < n {
        (a, b, read) = table.both_to_match(a, b, both_first, both_second, read);
        if table.is_match(a) {
            out.first.push((a, read));
        }
        if table.is_match(b) && from + read > mid {
            out.later[0].push((b, from + read));
        }
    }
    // At most a byte is left, of one stream or the other; the second is
    // past the middle by then (`n` > `overlap`).
    read_stream(steps, a, &first[n..], n, &mut out.first);
    read_stream(steps, b, &second[n..], from + n, &mut out.later[0]);
}

/// Four stretches as long as each other, give or take three bytes, each
/// stream but the first starting `overlap` bytes before its stretch.
///
/// Every step writes its state and position into the stream's next free
/// slot, which stays taken only when the state is a match state: the loop
/// has no branch but its own. (Breaking out at each match, about every
/// seventh step of four streams, cost a mispredicted branch each time.)
fn four_streams(steps: &Steps, overlap: usize, bytes: &[u8], out: &mut Scanned) {
    let len = bytes.len();
    let width = (len + 3 * overlap).div_ceil(4);
    let starts: [usize; 4] = std::array::from_fn(|k| k * (width - overlap));
    let slices: [&[u8]; 4] =
        std::array::from_fn(|k| &bytes[starts[k]..(starts[k] + width).min(len)]);
    // Stream k reports a match only past the start of its stretch.
    let stretch: [usize; 4] = std::array::from_fn(|k| if k == 0 { 0 } else { starts[k] + overlap });
    let n = slices.iter().map(|s| s.len()).min().unwrap_or(0);
    for slots in &mut out.slots {
        if slots.len() < n {
            slots.resize(n, (0, 0));
        }
    }
    let table = steps.parts();
    let [w, x, y, z] = slices.map(|s| &s[..n]);
    let [sw, sx, sy, sz] = &mut out.slots;
    let (sw, sx, sy, sz) = (&mut sw[..n], &mut sx[..n], &mut sy[..n], &mut sz[..n]);
    let (mut a, mut b, mut c, mut d) = (steps.start(), steps.start(), steps.start(), steps.start());
    let mut taken = [0usize; 4];
    for (i, read) in (1..=n as u32).enumerate() {
        a = table.step(a, w[i]);
        b = table.step(b, x[i]);
        c = table.step(c, y[i]);
        d = table.step(d, z[i]);
        // At most one slot a step: `taken[k] <= i < n`.
        sw[taken[0]] = (a, read);
        sx[taken[1]] = (b, read);
        sy[taken[2]] = (c, read);
        sz[taken[3]] = (d, read);
        taken[0] += usize::from(table.is_match(a));
        taken[1] += usize::from(table.is_match(b));
        taken[2] += usize::from(table.is_match(c));
        taken[3] += usize::from(table.is_match(d));
    }
    let states = [a, b, c, d];
    for k in 0..4 {
        let buffer = match k {
            0 => &mut out.first,
            _ => &mut out.later[k - 1],
        };
        let kept = &out.slots[k][..taken[k]];
        buffer.extend(
            kept.iter()
                .map(|&(state, read)| (state, starts[k] + read as usize))
                .filter(|&(_, end)| end > stretch[k]),
        );
        // A few bytes are left of the first three streams (the last is
        // the shortest), all past the starts of their stretches (`n` >
        // `overlap`).
        read_stream(steps, states[k], &slices[k][n..], starts[k] + n, buffer);
    }
}

/// One stream: `steps` from `state` over `bytes`, whose first byte is at
/// `offset` in the text, each match state appended to `hits`.
pub(super) fn read_stream(
    steps: &Steps,
    mut state: u32,
    bytes: &[u8],
    offset: usize,
    hits: &mut Vec<(u32, usize)>,
) {
    let table = steps.parts();
    for (i, &byte) in bytes.iter().enumerate() {
        state = table.step(state, byte);
        if table.is_match(state) {
            hits.push((state, offset + i + 1));
        }
    }
}

#[cfg(test)]
mod tests {
    use aho_corasick::MatchKind;
    use aho_corasick::automaton::Automaton;
    use aho_corasick::nfa::noncontiguous::NFA;
    use proptest::prelude::*;

    use super::*;

    fn automaton(patterns: &[&str]) -> (NFA, Steps) {
        let nfa = NFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(patterns)
            .expect("patterns build");
        let steps = Steps::new(&nfa, patterns.iter().copied(), true).expect("a start state");
        (nfa, steps)
    }

    /// Every match of the streams, in order, is one the single stream
    /// finds, and none is lost or doubled where the stretches meet.
    fn same_as_one_stream(patterns: &[&str], text: &str) {
        let (nfa, steps) = automaton(patterns);
        let overlap = nfa.max_pattern_len() - 1;
        let (mut split, mut whole) = (Scanned::default(), Vec::new());
        match_states(&steps, overlap, text.as_bytes(), &mut split);
        read_stream(&steps, steps.start(), text.as_bytes(), 0, &mut whole);
        assert_eq!(split.first, whole, "{text:?}");
    }

    /// Every pattern occurrence the table's states tell, as `(start, end,
    /// pattern)`, sorted.
    fn occurrences(patterns: &[&str], text: &str) -> Vec<(usize, usize, usize)> {
        let (_, steps) = automaton(patterns);
        let mut hits = Vec::new();
        read_stream(&steps, steps.start(), text.as_bytes(), 0, &mut hits);
        let steps = &steps;
        let mut found: Vec<_> = hits
            .iter()
            .flat_map(|&(state, end)| {
                steps
                    .matches(state)
                    .iter()
                    .map(move |&p| (end - steps.pattern_len(p), end, p as usize))
            })
            .collect();
        found.sort_unstable();
        found
    }

    #[test]
    fn a_match_across_a_seam_is_found_once() {
        let patterns = ["President Moon Jae-in", "Moon", "phone", "talks", "Xi"];
        let filler = "a".repeat(600);
        // Two streams, then four: the phrase slides over every seam.
        for length in [100, 600] {
            for shift in 0..length {
                let mut text = filler[..length].to_string();
                let at = shift.min(length - 1);
                text.insert_str(at, "President Moon Jae-in held phone talks");
                same_as_one_stream(&patterns, &text);
            }
        }
        // A text that is one long match, and short texts read in one stream.
        same_as_one_stream(&patterns, &"Xi".repeat(400));
        same_as_one_stream(&patterns, "Moon and Xi");
        same_as_one_stream(&patterns, "");
    }

    proptest! {
        #[test]
        fn the_streams_find_what_one_finds(
            words in proptest::collection::vec(
                prop_oneof![Just("Moon "), Just("Jae-in "), Just("phone "), Just("talks "), Just("Xi "), Just("xx "), Just("mo"), Just("on")],
                0..300,
            ),
        ) {
            let patterns = ["Moon Jae-in phone", "Moon", "Jae-in", "phone talks", "on", "Xi Xi Xi"];
            same_as_one_stream(&patterns, &words.concat());
        }

        #[test]
        fn the_table_finds_every_occurrence_an_overlapping_search_finds(
            words in proptest::collection::vec(
                prop_oneof![Just("Moon "), Just("MOON"), Just("jae-In "), Just("phone "), Just("Phone"),
                    Just("talks "), Just("Xi "), Just("xí"), Just("’s "), Just("\u{17f}"), Just("on"), Just("z ")],
                0..60,
            ),
        ) {
            let patterns = ["Moon Jae-in", "Moon", "jae-in phone", "phon", "talk", "Xi", "xi’s", "\u{17f}", "n"];
            let text = words.concat();
            let searcher = aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .build(patterns)
                .expect("patterns build");
            let mut expected: Vec<_> = searcher
                .find_overlapping_iter(&text)
                .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
                .collect();
            expected.sort_unstable();
            prop_assert_eq!(occurrences(&patterns, &text), expected);
        }
    }
}
