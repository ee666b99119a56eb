//! Hashes of bytes for telling "the same" from "changed": a file's
//! content (the cache's per-file check) and the four data files together
//! (the lexicon's fingerprint, which keys the cache). A leaf: xxh3 only.

use xxhash_rust::xxh3::{Xxh3, xxh3_64};

/// The hash the cache compares file contents by (xxh3, 64 bits).
pub fn content_hash(bytes: &[u8]) -> u64 {
    xxh3_64(bytes)
}

/// A fingerprint of the files that steer extraction (leaders, topics,
/// outlets, boilerplate), by content: where they were loaded from does
/// not matter. Each file is length-prefixed so moving bytes from one file
/// to the next changes the fingerprint.
pub fn lexicon_fingerprint(files: &[&[u8]]) -> u64 {
    let mut h = Xxh3::new();
    h.update(&(files.len() as u64).to_le_bytes());
    for f in files {
        h.update(&(f.len() as u64).to_le_bytes());
        h.update(f);
    }
    h.digest()
}
