//! The persistent cache of parsed articles (issue 12): where it lives, how
//! its one file per corpus is laid out and checked, and which of a corpus's
//! files can be taken from it on the next open. It owns no loading: the
//! caller stats and reads files; this module says what is still valid and
//! stores what the caller built. See DESIGN.md beside this file for the
//! measurements behind the format.
//!
//! `query::kept` keeps the search index's word part beside it
//! (`query::kept::index_for`), named by `WORDS_EXT` so `Store::clear` removes it.
//!
//! `pipeline::kept_group` keeps the grouping beside it too (`GROUPING_EXT`).
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

mod chunks;
mod file;
mod plan;
pub(crate) mod session;
mod store;

pub use file::{CacheError, FORMAT, HEADER_LEN, Header, Payload, decode, encode, read_header};
pub use plan::{Cached, FileKey, FileStat, Plan, Planned, RACY_NS, Status, ns_since_epoch, plan};
pub use session::{Keyed, Notices, Session, Setting, Slot, disable, enable, wait_for_saves};
pub use store::{CacheFileStats, GROUPING_EXT, Pending, Store, WORDS_EXT};
// The hashes live below the lexicon, which fingerprints itself with them.
pub use crate::fingerprint::{content_hash, lexicon_fingerprint};
