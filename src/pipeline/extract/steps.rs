//! The shared pass's automaton laid out for its byte loop: one flat table
//! of next states, rows for states and a column per byte class, match
//! states first. A step is a class lookup and one load, a match test one
//! comparison; the loop that reads every byte of every article
//! (`streams::match_states`) spends its time on little else.
//!
//! Built from an Aho-Corasick automaton's trie, breadth first, each
//! state's row from its own transitions and its failure state's row: that
//! automaton's DFA, state for state.

use aho_corasick::Anchored;
use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::nfa::noncontiguous::NFA;

/// A DFA over byte classes. State ids are row offsets into `next`.
#[derive(Debug, Clone)]
pub(super) struct Steps {
    /// `next[state + class[byte]]`: the state after reading `byte`.
    next: Vec<u32>,
    class: [u8; 256],
    /// States below this are match states.
    matches_end: u32,
    start: u32,
    stride: usize,
    /// Each match state's patterns, by row: `patterns[ranges[row]]`.
    ranges: Vec<(u32, u32)>,
    patterns: Vec<u32>,
    /// Each pattern's length in bytes.
    lengths: Vec<u32>,
}

impl Steps {
    /// The DFA of `automaton` (unanchored, no empty pattern), whose
    /// patterns are `patterns`, matched with ASCII case folded or not as
    /// `fold_case` says. None when the automaton can not start.
    pub(super) fn new<'p>(
        automaton: &NFA,
        patterns: impl Iterator<Item = &'p str>,
        fold_case: bool,
    ) -> Option<Steps> {
        let (class, representatives) = byte_classes(patterns, fold_case);
        let stride = representatives.len();
        let start = automaton.start_state(Anchored::No).ok()?;
        // The trie's states breadth first, each row built from the trie's
        // own transitions and the row of the state it falls back to (its
        // failure state, nearer the start, so its row is done): what the
        // automaton's unanchored step would give, found without walking
        // the chain of failures for every state and byte.
        let mut states = Vec::new();
        // Each row's failure row (the start's own: unused).
        let mut fail_of: Vec<u32> = vec![0];
        // Each automaton state's row (`u32::MAX`: none yet), by its id,
        // which numbers the automaton's states from 0.
        let mut row_of: Vec<u32> = Vec::new();
        let mut row = |state: StateID, states: &mut Vec<StateID>| -> Option<(u32, bool)> {
            let id = state.as_usize();
            if id >= row_of.len() {
                row_of.resize(id + 1, u32::MAX);
            }
            let new = row_of[id] == u32::MAX;
            if new {
                row_of[id] = u32::try_from(states.len()).ok()?;
                states.push(state);
            }
            Some((row_of[id], new))
        };
        row(start, &mut states)?;
        let mut rows: Vec<u32> = Vec::new();
        let mut at = 0;
        while let Some(&state) = states.get(at) {
            let fail = fail_of.get(at).map_or(0, |&f| f as usize);
            for (k, &byte) in representatives.iter().enumerate() {
                // Anchored, a step follows the trie alone: a child, or
                // dead. (From the start, whose missing steps loop back to
                // it, never dead.)
                let child = automaton.next_state(Anchored::Yes, state, byte);
                let fallback = || rows.get(fail * stride + k).copied();
                let next = if automaton.is_dead(child) {
                    fallback()?
                } else {
                    let (next, new) = row(child, &mut states)?;
                    if new {
                        // A child of the start falls back to the start.
                        fail_of.push(if at == 0 { 0 } else { fallback()? });
                    }
                    next
                };
                rows.push(next);
            }
            at += 1;
        }
        // Match states first, so one comparison tells a match.
        let mut order: Vec<usize> = (0..states.len()).collect();
        order.sort_by_key(|&i| !automaton.is_match(states[i]));
        let mut offset_of = vec![0u32; states.len()];
        for (new, &old) in order.iter().enumerate() {
            offset_of[old] = u32::try_from(new * stride).ok()?;
        }
        let mut next = Vec::with_capacity(rows.len());
        for &old in &order {
            next.extend(
                rows[old * stride..(old + 1) * stride]
                    .iter()
                    .map(|&r| offset_of[r as usize]),
            );
        }
        let matches = states.iter().filter(|&&s| automaton.is_match(s)).count();
        // What keeps every step's index within `next`, so that
        // `Parts::step` never panics on an automaton's own states.
        let whole_rows = |offset: u32| offset as usize + stride <= next.len();
        let within = next.iter().all(|&offset| whole_rows(offset))
            && whole_rows(offset_of[0])
            && class.iter().all(|&c| usize::from(c) < stride);
        if !within {
            return None;
        }
        // Each match state's list, flat: the automaton's own lists cost a
        // walk per pattern read.
        let mut ranges = Vec::with_capacity(matches);
        let mut patterns = Vec::new();
        for &old in &order[..matches] {
            let state = states[old];
            let from = u32::try_from(patterns.len()).ok()?;
            for i in 0..automaton.match_len(state) {
                patterns.push(automaton.match_pattern(state, i).as_u32());
            }
            ranges.push((from, u32::try_from(patterns.len()).ok()?));
        }
        let lengths = (0..automaton.patterns_len())
            .map(|p| {
                let id = aho_corasick::PatternID::new(p).ok()?;
                u32::try_from(automaton.pattern_len(id)).ok()
            })
            .collect::<Option<Vec<u32>>>()?;
        Some(Steps {
            next,
            class,
            matches_end: u32::try_from(matches * stride).ok()?,
            start: offset_of[0],
            stride,
            ranges,
            patterns,
            lengths,
        })
    }

    pub(super) fn start(&self) -> u32 {
        self.start
    }

    /// The parts a byte loop keeps at hand, as locals the compiler can
    /// hold in registers.
    #[inline(always)]
    pub(super) fn parts(&self) -> Parts<'_> {
        Parts {
            next: &self.next,
            class: &self.class,
            matches_end: self.matches_end,
        }
    }

    /// The patterns (by index) that match state `state` ends; none for a
    /// state that is no match state.
    pub(super) fn matches(&self, state: u32) -> &[u32] {
        self.ranges
            .get(state as usize / self.stride)
            .and_then(|&(from, to)| self.patterns.get(from as usize..to as usize))
            .unwrap_or(&[])
    }

    /// How many bytes pattern `pattern` is.
    pub(super) fn pattern_len(&self, pattern: u32) -> usize {
        self.lengths
            .get(pattern as usize)
            .map_or(0, |&n| n as usize)
    }
}

/// `Steps` for a byte loop.
#[derive(Clone, Copy)]
pub(super) struct Parts<'s> {
    next: &'s [u32],
    class: &'s [u8; 256],
    matches_end: u32,
}

impl Parts<'_> {
    /// The state after `state` reads `byte`.
    #[inline(always)]
    pub(super) fn step(self, state: u32, byte: u8) -> u32 {
        // Checked, though `Steps::new` keeps this table's own states in
        // range: the compare sits beside the load the loop waits on, and
        // an unchecked load measured no faster (1.00× by wall time).
        self.next[state as usize + usize::from(self.class[usize::from(byte)])]
    }

    /// Two streams stepped together, `a` over `first` and `b` over
    /// `second`, from byte `i` until either reaches a match state or the
    /// shorter runs out: the two states and how many bytes each has read.
    #[inline(always)]
    pub(super) fn both_to_match(
        self,
        mut a: u32,
        mut b: u32,
        first: &[u8],
        second: &[u8],
        mut i: usize,
    ) -> (u32, u32, usize) {
        let n = first.len().min(second.len());
        let (first, second) = (&first[..n], &second[..n]);
        while i < n {
            a = self.step(a, first[i]);
            b = self.step(b, second[i]);
            i += 1;
            // Match states number lowest: one test for both.
            if self.is_match(a.min(b)) {
                break;
            }
        }
        (a, b, i)
    }

    #[inline(always)]
    pub(super) fn is_match(self, state: u32) -> bool {
        state < self.matches_end
    }
}

/// Bytes that no pattern tells apart share a class: every byte no pattern
/// holds is one (from any state it leads back to the start), and each
/// byte a pattern holds is its own, with its other ASCII case when case
/// is folded. The classes, and one byte of each.
fn byte_classes<'p>(
    patterns: impl Iterator<Item = &'p str>,
    fold_case: bool,
) -> ([u8; 256], Vec<u8>) {
    let fold = |b: u8| if fold_case { b.to_ascii_lowercase() } else { b };
    let mut used = [false; 256];
    for p in patterns {
        for b in p.bytes() {
            used[usize::from(fold(b))] = true;
        }
    }
    let mut class = [0u8; 256];
    // Class 0: the bytes no pattern holds (byte 0 stands for them unless
    // a pattern holds it; then the class is never reached).
    let mut representatives = vec![
        (0..=255u8)
            .find(|&b| !used[usize::from(fold(b))])
            .unwrap_or(0),
    ];
    for b in 0..=255u8 {
        if !used[usize::from(b)] || fold(b) != b {
            continue;
        }
        let Ok(id) = u8::try_from(representatives.len()) else {
            // Patterns holding every byte: each byte its own class.
            return (std::array::from_fn(|b| b as u8), (0..=255).collect());
        };
        class[usize::from(b)] = id;
        representatives.push(b);
    }
    for b in 0..=255u8 {
        if fold(b) != b && used[usize::from(fold(b))] {
            class[usize::from(b)] = class[usize::from(fold(b))];
        }
    }
    (class, representatives)
}
