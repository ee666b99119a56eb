//! The `Cleaner`: noise patterns with a summary of what each list can
//! match, by first bytes and lengths, so that most lines are compared with
//! no pattern at all.

use std::sync::OnceLock;

use crate::lexicon::boilerplate::Patterns;

/// `Patterns` with a summary of what each list can match, so that most
/// lines are compared with no pattern at all. Made once per load (the
/// summary costs more than cleaning a short article) and shared by every
/// worker.
pub struct Cleaner<'p> {
    pub(super) pats: &'p Patterns,
    pub(super) sum: Summary,
}

impl<'p> Cleaner<'p> {
    pub fn new(pats: &'p Patterns) -> Cleaner<'p> {
        Cleaner {
            pats,
            sum: Summary::new(pats),
        }
    }

    /// The cleaner of the built-in patterns (made once).
    pub fn embedded() -> &'static Cleaner<'static> {
        static EMBEDDED: OnceLock<Cleaner<'static>> = OnceLock::new();
        EMBEDDED.get_or_init(|| Cleaner::new(Patterns::embedded()))
    }
}

/// How the patterns of each list begin (and, for whole words, how long
/// they are). A summary only rules matches out: a line it lets through is
/// still compared pattern by pattern. ASCII case is folded where the match
/// ignores it, and for prefixes throughout (which only lets more through
/// where the match is case-sensitive).
pub(super) struct Summary {
    pub(super) exact: Words,
    /// `prefixes` and `image_prefixes`.
    pub(super) prefixes: Starts,
    pub(super) block_start: Starts,
    pub(super) captions: Starts,
    pub(super) korean_meta: Starts,
    pub(super) labels: Starts,
    /// The first word of a button row is a button.
    pub(super) buttons: Words,
    pub(super) abbreviations: Words,
}

impl Summary {
    pub(super) fn new(pats: &Patterns) -> Summary {
        Summary {
            exact: Words::new(&pats.exact, true),
            prefixes: Starts::new(pats.prefixes.iter().chain(&pats.image_prefixes)),
            block_start: Starts::new(&pats.block_start),
            captions: Starts::new(&pats.caption_prefixes),
            korean_meta: Starts::new(&pats.korean_meta),
            labels: Starts::new(&pats.labels),
            buttons: Words::new(&pats.buttons, true),
            abbreviations: Words::new(&pats.abbreviations, false),
        }
    }
}

/// Whole words, by first byte: a bit per length (lengths from 63 on share
/// one).
pub(super) struct Words {
    pub(super) by_first: [u64; 256],
    /// Whether ASCII case is folded (the words are matched ignoring it).
    pub(super) fold: bool,
}

impl Words {
    pub(super) fn new<'a>(words: impl IntoIterator<Item = &'a String>, fold: bool) -> Words {
        let mut set = Words {
            by_first: [0; 256],
            fold,
        };
        for w in words {
            let w = w.as_bytes();
            set.by_first[set.first(w)] |= Words::len_bit(w);
        }
        set
    }

    /// Whether `word` may be one of the words.
    pub(super) fn may_contain(&self, word: &[u8]) -> bool {
        self.by_first[self.first(word)] & Words::len_bit(word) != 0
    }

    pub(super) fn first(&self, w: &[u8]) -> usize {
        let first = w.first().copied().unwrap_or(0);
        usize::from(if self.fold {
            first.to_ascii_lowercase()
        } else {
            first
        })
    }

    pub(super) fn len_bit(w: &[u8]) -> u64 {
        1 << w.len().min(63)
    }
}

/// Prefixes, by their first two bytes (the first byte alone for a
/// one-byte prefix; an empty prefix lets every line through).
pub(super) struct Starts {
    pub(super) one: ByteSet,
    /// A bit per hashed pair of bytes.
    pub(super) two: [u64; 16],
}

impl Starts {
    pub(super) fn new<'a>(prefixes: impl IntoIterator<Item = &'a String>) -> Starts {
        let mut starts = Starts {
            one: ByteSet::default(),
            two: [0; 16],
        };
        for p in prefixes {
            match *p.as_bytes() {
                [] => starts.one = ByteSet::ALL,
                [a] => starts.one.insert(a.to_ascii_lowercase()),
                [a, b, ..] => {
                    let bit = Starts::pair(a, b);
                    starts.two[bit / 64] |= 1 << (bit % 64);
                }
            }
        }
        starts
    }

    /// Whether one of the prefixes may start `line`, ignoring ASCII case.
    pub(super) fn may_start(&self, line: &str) -> bool {
        match *line.as_bytes() {
            [] => true,
            [a] => self.one.contains(a.to_ascii_lowercase()),
            [a, b, ..] => {
                let bit = Starts::pair(a, b);
                self.one.contains(a.to_ascii_lowercase())
                    || self.two[bit / 64] >> (bit % 64) & 1 != 0
            }
        }
    }

    pub(super) fn pair(a: u8, b: u8) -> usize {
        (usize::from(a.to_ascii_lowercase()) << 2 ^ usize::from(b.to_ascii_lowercase())) & 1023
    }
}

/// A set of bytes.
#[derive(Clone, Copy, Default)]
pub(super) struct ByteSet([u64; 4]);

impl ByteSet {
    const ALL: ByteSet = ByteSet([u64::MAX; 4]);

    pub(super) fn insert(&mut self, c: u8) {
        self.0[usize::from(c >> 6)] |= 1 << (c & 63);
    }

    pub(super) fn contains(&self, c: u8) -> bool {
        self.0[usize::from(c >> 6)] >> (c & 63) & 1 != 0
    }
}
