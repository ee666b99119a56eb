//! The outlet table (`assets/outlets.toml`): canonical names, the spellings
//! that credit them, the domains of their staff's addresses, and whether
//! an entry is a news outlet or a government office.

use std::collections::HashMap;

use serde::Deserialize;

pub const EMBEDDED_OUTLETS: &str = include_str!("../../../assets/outlets.toml");

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
}

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
    pub fn lookup(&self, credit: &str) -> Option<&Outlet> {
        // "The " and closing punctuation may come on top of the longest.
        if credit.len() > self.longest + 8 {
            return None;
        }
        let &i = self.by_key.get(&key(credit))?;
        self.outlets.get(i)
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
pub(super) fn key(s: &str) -> String {
    let s = s.trim().trim_end_matches(['.', ',', ';', ':']).trim();
    let lower = s.to_lowercase().replace('’', "'");
    let lower = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    match lower.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => lower,
    }
}
