//! The persistent cache of parsed articles (issue 12): where it lives, how
//! its one file per corpus is laid out and checked, and which of a corpus's
//! files can be taken from it on the next open. It owns no loading: the
//! caller stats and reads files; this module says what is still valid and
//! stores what the caller built. See DESIGN.md beside this file for the
//! measurements behind the format.
//!
//! `pipeline::load::read_articles` uses it through `Session` when the
//! process turned it on (`enable`, done by the binary unless `--no-cache`).
//!
//! Flow for a caller:
//!
//! ```text
//! let store = Store::from_env()?;                       // $XDG_CACHE_HOME/hotline
//! let lexicon = lexicon_fingerprint(&[leaders, topics, outlets, boilerplate]);
//! let cached = store.load(&roots, lexicon);            // Ok(None): no cache yet
//! let stats = FileStat::of(path)?  for every file      // stat BEFORE reading
//! let plan = plan(cached, stats);                       // reuse / read / removed
//! ... read plan.to_read(), hash each file's bytes with content_hash ...
//! store.save(&roots, lexicon, &entries)?;              // atomic: temp + rename
//! ```

mod file;
mod plan;
mod session;
mod store;

pub use file::{
    CacheError, FORMAT, HEADER_LEN, Header, Payload, decode, encode, lexicon_fingerprint,
    read_header,
};
pub use plan::{
    Cached, FileKey, FileStat, Plan, Planned, RACY_NS, Status, content_hash, ns_since_epoch, plan,
};
pub use session::{Keyed, Notices, Session, Setting, disable, enable, wait_for_saves};
pub use store::{CacheFileStats, Pending, Store};

/// `LeaderId` has no serde derives of its own (it lives with the leader
/// registry); the cache stores it as the plain index it is. The index is
/// only meaningful for the registry it came from, which the lexicon
/// fingerprint pins.
pub mod leader_id {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use crate::leaders::LeaderId;

    pub fn serialize<S: Serializer>(id: &Option<LeaderId>, s: S) -> Result<S::Ok, S::Error> {
        id.map(|LeaderId(i)| i as u64).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<LeaderId>, D::Error> {
        let raw = Option::<u64>::deserialize(d)?;
        raw.map(|i| {
            usize::try_from(i)
                .map(LeaderId)
                .map_err(|_| serde::de::Error::custom("leader index out of range"))
        })
        .transpose()
    }
}
