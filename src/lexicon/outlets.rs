//! The outlet table (`assets/outlets.toml`): canonical names, the spellings
//! that credit them, the domains of their staff's addresses, and whether
//! an entry is a news outlet or a government office.

use std::collections::HashMap;

use serde::Deserialize;

pub const EMBEDDED_OUTLETS: &str = include_str!("../../assets/outlets.toml");

/// A news outlet, or a government office whose readouts are pages of
/// their own (their credits count in fewer places: see `source`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    #[default]
    News,
    Government,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct OutletEntry {
    name: String,
    #[serde(default)]
    variants: Vec<String>,
    #[serde(default)]
    domains: Vec<String>,
    #[serde(default)]
    kind: Kind,
}

#[derive(Debug, Clone, Deserialize)]
struct OutletFile {
    outlet: Vec<OutletEntry>,
}

/// One outlet as a credit resolves to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outlet {
    pub name: String,
    pub kind: Kind,
}

/// Outlet credits and staff domains → outlets.
#[derive(Debug, Clone, Default)]
pub struct Outlets {
    outlets: Vec<Outlet>,
    by_key: HashMap<String, usize>,
    by_domain: HashMap<String, usize>,
    /// The longest spelling, in bytes: a longer line cannot be a bare
    /// name, so it is never lowercased and looked up.
    longest: usize,
    /// The keys by first byte and length: most lines looked up are no
    /// spelling, and fail this before any hashing.
    summary: KeySummary,
}

/// Key lengths by first byte, a bit per length (lengths from 63 on share
/// the top bit), as `clean` keeps its word lists.
#[derive(Debug, Clone)]
struct KeySummary {
    by_first: Box<[u64; 256]>,
}

impl Default for KeySummary {
    fn default() -> KeySummary {
        KeySummary {
            by_first: Box::new([0; 256]),
        }
    }
}

impl KeySummary {
    fn len_bit(key: &str) -> u64 {
        1 << key.len().min(63)
    }

    fn add(&mut self, key: &str) {
        if let Some(&b) = key.as_bytes().first() {
            self.by_first[usize::from(b)] |= KeySummary::len_bit(key);
        }
    }

    /// Whether some key has `key`'s first byte and length.
    fn may_hold(&self, key: &str) -> bool {
        key.as_bytes()
            .first()
            .is_some_and(|&b| self.by_first[usize::from(b)] & KeySummary::len_bit(key) != 0)
    }
}

/// Room for the key of an ASCII credit built without allocating; longer
/// credits (never a spelling in the embedded table) take `key`.
const KEY_BUF: usize = 128;

impl Outlets {
    pub fn embedded() -> Outlets {
        // Compiled-in data covered by a test: failing is a build defect.
        Outlets::parse(EMBEDDED_OUTLETS).expect("assets/outlets.toml is valid")
    }

    pub fn parse(text: &str) -> anyhow::Result<Outlets> {
        let file: OutletFile = toml::from_str(text)?;
        let mut table = Outlets::default();
        for entry in file.outlet {
            let index = table.outlets.len();
            for spelling in std::iter::once(&entry.name).chain(&entry.variants) {
                let k = key(spelling);
                if k.is_empty() {
                    anyhow::bail!("outlet {:?}: an empty spelling", entry.name);
                }
                table.longest = table.longest.max(spelling.trim().len());
                table.summary.add(&k);
                table.by_key.insert(k, index);
            }
            for domain in &entry.domains {
                let d = domain.trim().trim_matches('.').to_ascii_lowercase();
                if !d.contains('.') || d.contains(['@', ' ', '/']) {
                    anyhow::bail!("outlet {:?}: {domain:?} is not a domain", entry.name);
                }
                table.by_domain.insert(d, index);
            }
            table.outlets.push(Outlet {
                name: entry.name,
                kind: entry.kind,
            });
        }
        Ok(table)
    }

    /// The outlet a whole credit names ("KBS World Radio News." → KBS).
    /// An ASCII credit's key is built on the stack, and most credits fail
    /// on length or the key's first byte before any hashing.
    pub fn lookup(&self, credit: &str) -> Option<&Outlet> {
        if !self.may_name(credit) {
            return None;
        }
        let mut buf = [0u8; KEY_BUF];
        let &i = match ascii_key(credit, &mut buf) {
            Some(k) if !self.summary.may_hold(k) => return None,
            Some(k) => self.by_key.get(k)?,
            None => self.by_key.get(&key(credit))?,
        };
        self.outlets.get(i)
    }

    /// Whether `credit` is short enough to be a spelling: "The " and
    /// closing punctuation may come on top of the longest.
    pub fn may_name(&self, credit: &str) -> bool {
        credit.len() <= self.longest_name()
    }

    /// The longest credit, in bytes, that can name an outlet.
    pub fn longest_name(&self) -> usize {
        self.longest + 8
    }

    /// The canonical name of a credit, if it names a known outlet.
    pub fn canonical(&self, credit: &str) -> Option<&str> {
        self.lookup(credit).map(|o| o.name.as_str())
    }

    /// The outlet of a staff address's domain, or of a parent domain
    /// ("en.yna.co.kr" → Yonhap via "yna.co.kr").
    pub fn by_domain(&self, domain: &str) -> Option<&Outlet> {
        if self.by_domain.is_empty() || domain.len() > 253 {
            return None;
        }
        let domain = domain.trim_matches('.').to_ascii_lowercase();
        let mut rest = domain.as_str();
        while rest.contains('.') {
            if let Some(&i) = self.by_domain.get(rest) {
                return self.outlets.get(i);
            }
            rest = rest.split_once('.').map_or("", |(_, r)| r);
        }
        None
    }
}

/// Case, curly quotes, a leading "The" and trailing punctuation do not
/// distinguish credits.
pub(crate) fn key(s: &str) -> String {
    let s = s.trim().trim_end_matches(['.', ',', ';', ':']).trim();
    let lower = s.to_lowercase().replace('’', "'");
    let lower = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    match lower.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => lower,
    }
}

/// Whitespace as `char::is_whitespace` has it in ASCII (with the vertical
/// tab, which `u8::is_ascii_whitespace` leaves out).
fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ')
}

/// `key` of an ASCII credit, written into `buf`: `None` for other text or
/// a key longer than `buf`, which `key` then builds.
pub(crate) fn ascii_key<'b>(s: &str, buf: &'b mut [u8; KEY_BUF]) -> Option<&'b str> {
    if !s.is_ascii() {
        return None;
    }
    let b = s.as_bytes();
    let (mut start, mut end) = (0, b.len());
    while start < end && is_space(b[start]) {
        start += 1;
    }
    while end > start && is_space(b[end - 1]) {
        end -= 1;
    }
    while end > start && matches!(b[end - 1], b'.' | b',' | b';' | b':') {
        end -= 1;
    }
    while end > start && is_space(b[end - 1]) {
        end -= 1;
    }
    let mut n = 0;
    let mut gap = false;
    for &c in &b[start..end] {
        if is_space(c) {
            gap = n > 0;
            continue;
        }
        if gap {
            *buf.get_mut(n)? = b' ';
            n += 1;
            gap = false;
        }
        *buf.get_mut(n)? = c.to_ascii_lowercase();
        n += 1;
    }
    let k = std::str::from_utf8(buf.get(..n)?).ok()?;
    Some(k.strip_prefix("the ").unwrap_or(k))
}
