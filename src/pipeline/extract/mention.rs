//! A phrase naming a leader, as the name matchers (English and Korean)
//! find it and before it is resolved to one leader: a leaf both import.

use crate::lexicon::leaders::LeaderId;

/// What a matched phrase names, before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Alias(LeaderId),
    /// Index into `NameMatcher::surnames`.
    Surname(usize),
    /// A country's leader by office; `elect` for "president-elect".
    Role {
        country: usize,
        elect: bool,
    },
}

/// A phrase naming a leader, with its byte span in the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawMention {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}
