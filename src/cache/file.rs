//! The bytes of one cache file: a fixed header that says what wrote it and
//! how to check it, then the entries in independently checked chunks that
//! both cores decode at once. Decoding trusts nothing: every field is
//! checked in turn and any mismatch is a typed `CacheError`, so a caller
//! rebuilds instead of crashing or serving stale articles.
//!
//! ```text
//! offset size  field
//!      0    8  magic "HLCACHE\0"
//!      8    4  byte-order mark 0x01020304, native order
//!     12    4  format number (FORMAT), native order
//!     16    1  pointer width in bytes; then 3 zero bytes
//!     20   16  hotline version (CARGO_PKG_VERSION), zero-padded
//!     36    8  lexicon fingerprint
//!     44    8  created, ns since the Unix epoch
//!     52    8  written, ns since the Unix epoch (the "racy" reference)
//!     60    8  number of entries
//!     68    8  payload length in bytes
//!     76    8  xxh3 of bytes 0..76 followed by the table and its length
//!     84    …  payload: the chunks back to back, each postcard of its
//!              (FileKey, Article) entries one after another; then the
//!              table, postcard of (roots, [(chunk length, entries, xxh3
//!              of the chunk)]); then the table's length (8, native order)
//! ```
//!
//! Numbers are in native order on purpose: the byte-order mark and pointer
//! width make a file from another kind of machine an error, not a puzzle.
//! The table sits last so a save streams the chunks out without knowing
//! their sizes first.

use std::io::{Seek, Write};

use xxhash_rust::xxh3::Xxh3;

use super::chunks::{self, ChunkError, ReadAt};
use super::plan::FileKey;
use crate::model::Article;

/// Bump on any change to the header, the payload schema or the meaning of
/// what extraction stores in an `Article`.
/// 2: the payload in independently checked chunks, decoded on every core.
/// 3: an article's paragraphs as one `model::Body` (one text buffer and
/// flat bound lists) instead of a `String` and a `Vec` per paragraph.
pub const FORMAT: u32 = 3;
const MAGIC: [u8; 8] = *b"HLCACHE\0";
const BOM: u32 = 0x0102_0304;
const VERSION: &str = env!("CARGO_PKG_VERSION");
const VERSION_LEN: usize = 16;
const CHECKSUM_AT: usize = 76;
/// Bytes before the payload.
pub const HEADER_LEN: usize = 84;

const _: () = assert!(VERSION.len() <= VERSION_LEN);

/// Why a cache file was not used. Every variant means "rebuild"; the
/// message is one line for the notice.
#[derive(Debug)]
pub enum CacheError {
    /// No cache directory could be found ($XDG_CACHE_HOME and $HOME unset).
    NoCacheDir,
    /// The cache directory lies inside a corpus folder: never written there.
    InsideCorpus(std::path::PathBuf),
    Io(std::io::Error),
    Empty,
    Truncated {
        expected: u64,
        found: u64,
    },
    WrongMagic,
    /// Written on a machine of the other byte order.
    WrongByteOrder,
    WrongFormat {
        found: u32,
    },
    /// Written on a machine with another pointer width.
    WrongPlatform {
        pointer_width: u8,
    },
    /// Written by another hotline version.
    WrongVersion {
        found: String,
    },
    /// The checksum does not match: bits flipped or the file was cut and
    /// padded.
    Checksum,
    /// The leader, topic, outlet or boilerplate files changed since the
    /// cache was written: every article must be extracted again.
    LexiconChanged,
    /// Checks passed but the payload does not decode (or has bytes left
    /// over): a bug or a deliberate forgery, never trusted either way.
    Corrupt(String),
}

impl std::fmt::Display for CacheError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CacheError::NoCacheDir => {
                write!(f, "no cache directory ($XDG_CACHE_HOME and $HOME unset)")
            }
            CacheError::InsideCorpus(dir) => {
                write!(f, "cache directory {} is inside the corpus", dir.display())
            }
            CacheError::Io(e) => write!(f, "cache file unreadable: {e}"),
            CacheError::Empty => write!(f, "cache file is empty"),
            CacheError::Truncated { expected, found } => {
                write!(f, "cache file truncated ({found} of {expected} bytes)")
            }
            CacheError::WrongMagic => write!(f, "not a hotline cache file"),
            CacheError::WrongByteOrder => {
                write!(f, "cache file is from a machine of the other byte order")
            }
            CacheError::WrongFormat { found } => {
                write!(f, "cache file format {found}, this hotline reads {FORMAT}")
            }
            CacheError::WrongPlatform { pointer_width } => {
                write!(
                    f,
                    "cache file is from a {}-bit machine",
                    u32::from(*pointer_width) * 8
                )
            }
            CacheError::WrongVersion { found } => {
                write!(
                    f,
                    "cache file written by hotline {found}, this is {VERSION}"
                )
            }
            CacheError::Checksum => write!(f, "cache file checksum mismatch"),
            CacheError::LexiconChanged => write!(f, "lexicon changed since the cache was written"),
            CacheError::Corrupt(why) => write!(f, "cache file corrupt: {why}"),
        }
    }
}

impl std::error::Error for CacheError {}

impl From<std::io::Error> for CacheError {
    fn from(e: std::io::Error) -> Self {
        CacheError::Io(e)
    }
}

impl From<ChunkError> for CacheError {
    fn from(e: ChunkError) -> Self {
        match e {
            ChunkError::Checksum => CacheError::Checksum,
            ChunkError::Corrupt(why) => CacheError::Corrupt(why),
            ChunkError::Io(e) => CacheError::Io(e),
        }
    }
}

/// What the header says, once its structure checked out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    pub format: u32,
    pub version: String,
    pub lexicon: u64,
    pub created_ns: i64,
    pub written_ns: i64,
    pub entries: u64,
    pub payload_len: u64,
}

/// A decoded payload: the corpus roots it was written for and one entry
/// per file.
#[derive(Debug)]
pub struct Payload {
    pub roots: Vec<String>,
    pub entries: Vec<(FileKey, Article)>,
}

/// The bytes of a cache file for these entries.
pub fn encode(
    roots: &[String],
    lexicon: u64,
    created_ns: i64,
    written_ns: i64,
    entries: &[(&FileKey, &Article)],
) -> Result<Vec<u8>, CacheError> {
    let mut out = std::io::Cursor::new(Vec::new());
    encode_into(&mut out, roots, lexicon, created_ns, written_ns, entries)?;
    Ok(out.into_inner())
}

/// `encode`, written to `out` as it is made: the chunks stream out one at
/// a time, then the table, then the header (which names the payload's
/// length and ends the checksum) over the space left for it.
pub fn encode_into<W: Write + Seek>(
    mut out: W,
    roots: &[String],
    lexicon: u64,
    created_ns: i64,
    written_ns: i64,
    entries: &[(&FileKey, &Article)],
) -> Result<(), CacheError> {
    out.write_all(&[0u8; HEADER_LEN])?;
    let (chunks, chunk_bytes) = {
        let mut counted = Counted {
            inner: std::io::BufWriter::with_capacity(1 << 16, &mut out),
            len: 0,
        };
        let chunks = chunks::write_chunks(&mut counted, entries)?;
        counted.inner.flush()?;
        (chunks, counted.len)
    };
    let table = chunks::Table {
        roots: roots.to_vec(),
        chunks,
    };
    let mut tail = postcard::to_stdvec(&table).map_err(|e| CacheError::Corrupt(e.to_string()))?;
    let table_len = tail.len() as u64;
    tail.extend_from_slice(&table_len.to_ne_bytes());
    out.write_all(&tail)?;
    let payload_len = chunk_bytes + tail.len() as u64;
    let mut version = [0u8; VERSION_LEN];
    version[..VERSION.len()].copy_from_slice(VERSION.as_bytes());
    let mut head = [0u8; HEADER_LEN];
    head[0..8].copy_from_slice(&MAGIC);
    head[8..12].copy_from_slice(&BOM.to_ne_bytes());
    head[12..16].copy_from_slice(&FORMAT.to_ne_bytes());
    head[16] = std::mem::size_of::<usize>() as u8;
    head[20..36].copy_from_slice(&version);
    head[36..44].copy_from_slice(&lexicon.to_ne_bytes());
    head[44..52].copy_from_slice(&created_ns.to_ne_bytes());
    head[52..60].copy_from_slice(&written_ns.to_ne_bytes());
    head[60..68].copy_from_slice(&(entries.len() as u64).to_ne_bytes());
    head[68..76].copy_from_slice(&payload_len.to_ne_bytes());
    let sum = checksum(&head[..CHECKSUM_AT], &tail);
    head[CHECKSUM_AT..HEADER_LEN].copy_from_slice(&sum.to_ne_bytes());
    out.seek(std::io::SeekFrom::Start(0))?;
    out.write_all(&head)?;
    out.flush()?;
    Ok(())
}

/// A writer that counts what passes through it.
struct Counted<W> {
    inner: W,
    len: u64,
}

impl<W: Write> Write for Counted<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.len += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Check the header alone (magic, byte order, format, platform, version):
/// enough for `cache stats` and cheap, since the payload is not touched.
pub fn read_header(bytes: &[u8]) -> Result<Header, CacheError> {
    if bytes.is_empty() {
        return Err(CacheError::Empty);
    }
    if bytes.len() < 8 || bytes[0..8] != MAGIC {
        return Err(if MAGIC.starts_with(bytes) {
            truncated(HEADER_LEN as u64, bytes)
        } else {
            CacheError::WrongMagic
        });
    }
    if bytes.len() < HEADER_LEN {
        return Err(truncated(HEADER_LEN as u64, bytes));
    }
    let bom = u32_at(bytes, 8);
    if bom != BOM {
        return Err(if bom == BOM.swap_bytes() {
            CacheError::WrongByteOrder
        } else {
            CacheError::Corrupt("bad byte-order mark".into())
        });
    }
    let format = u32_at(bytes, 12);
    if format != FORMAT {
        return Err(CacheError::WrongFormat { found: format });
    }
    if usize::from(bytes[16]) != std::mem::size_of::<usize>() {
        return Err(CacheError::WrongPlatform {
            pointer_width: bytes[16],
        });
    }
    let raw = &bytes[20..36];
    let end = raw.iter().position(|&b| b == 0).unwrap_or(raw.len());
    let version = String::from_utf8_lossy(&raw[..end]).into_owned();
    if version != VERSION || raw[end..].iter().any(|&b| b != 0) {
        return Err(CacheError::WrongVersion { found: version });
    }
    Ok(Header {
        format,
        version,
        lexicon: u64_at(bytes, 36),
        created_ns: u64_at(bytes, 44) as i64,
        written_ns: u64_at(bytes, 52) as i64,
        entries: u64_at(bytes, 60),
        payload_len: u64_at(bytes, 68),
    })
}

/// Check and decode a whole cache file written for `lexicon`.
pub fn decode(bytes: &[u8], lexicon: u64) -> Result<(Header, Payload), CacheError> {
    decode_at(bytes, bytes.len() as u64, lexicon)
}

/// Check and decode the cache file `file`, `file_len` bytes long: the
/// chunks are read and decoded on every core, one chunk per worker at a
/// time, so the file's bytes are never all in memory beside the articles
/// decoded from them.
pub fn decode_file(
    file: &std::fs::File,
    file_len: u64,
    lexicon: u64,
) -> Result<(Header, Payload), CacheError> {
    decode_at(file, file_len, lexicon)
}

fn decode_at<S: ReadAt + ?Sized>(
    source: &S,
    file_len: u64,
    lexicon: u64,
) -> Result<(Header, Payload), CacheError> {
    let mut head = vec![0u8; file_len.min(HEADER_LEN as u64) as usize];
    source.read_exact_at(&mut head, 0)?;
    let header = read_header(&head)?;
    let present = file_len.saturating_sub(HEADER_LEN as u64);
    if header.payload_len > present {
        return Err(CacheError::Truncated {
            expected: (HEADER_LEN as u64).saturating_add(header.payload_len),
            found: file_len,
        });
    }
    if header.payload_len < present {
        return Err(CacheError::Corrupt("bytes after the payload".into()));
    }
    // The table's length is the last 8 bytes; one that does not fit can
    // only be damage, which the checksum would have said.
    let len_at = file_len.checked_sub(8).filter(|&a| a >= HEADER_LEN as u64);
    let Some(len_at) = len_at else {
        return Err(CacheError::Checksum);
    };
    let mut word = [0u8; 8];
    source.read_exact_at(&mut word, len_at)?;
    let table_len = u64::from_ne_bytes(word);
    let Some(table_at) = len_at
        .checked_sub(table_len)
        .filter(|&a| a >= HEADER_LEN as u64)
    else {
        return Err(CacheError::Checksum);
    };
    let mut tail = vec![0u8; (file_len - table_at) as usize];
    source.read_exact_at(&mut tail, table_at)?;
    if checksum(&head[..CHECKSUM_AT], &tail) != u64_at(&head, CHECKSUM_AT) {
        return Err(CacheError::Checksum);
    }
    if header.lexicon != lexicon {
        return Err(CacheError::LexiconChanged);
    }
    let table = &tail[..tail.len() - 8];
    let table: chunks::Table = match postcard::take_from_bytes(table) {
        Ok((t, [])) => t,
        Ok(_) => return Err(CacheError::Corrupt("bytes after the table".into())),
        Err(e) => return Err(CacheError::Corrupt(e.to_string())),
    };
    let bytes = table
        .chunks
        .iter()
        .try_fold(0u64, |sum, c| sum.checked_add(c.len));
    let count = table
        .chunks
        .iter()
        .try_fold(0u64, |sum, c| sum.checked_add(c.entries));
    if bytes != Some(table_at - HEADER_LEN as u64) {
        return Err(CacheError::Corrupt("chunk lengths do not add up".into()));
    }
    if count != Some(header.entries) {
        return Err(CacheError::Corrupt("entry count mismatch".into()));
    }
    let entries = chunks::read_chunks(source, HEADER_LEN as u64, &table.chunks)?;
    Ok((
        header,
        Payload {
            roots: table.roots,
            entries,
        },
    ))
}

fn checksum(head: &[u8], payload: &[u8]) -> u64 {
    let mut h = Xxh3::new();
    h.update(head);
    h.update(payload);
    h.digest()
}

fn truncated(expected: u64, bytes: &[u8]) -> CacheError {
    CacheError::Truncated {
        expected,
        found: bytes.len() as u64,
    }
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    let mut b = [0u8; 4];
    b.copy_from_slice(&bytes[at..at + 4]);
    u32::from_ne_bytes(b)
}

fn u64_at(bytes: &[u8], at: usize) -> u64 {
    let mut b = [0u8; 8];
    b.copy_from_slice(&bytes[at..at + 8]);
    u64::from_ne_bytes(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_cache_round_trips_with_its_header() {
        let roots = vec!["/corpus".to_string()];
        let bytes = encode(&roots, 7, 10, 20, &[]).expect("encode");
        let (header, payload) = decode(&bytes, 7).expect("decode");
        assert_eq!(header.version, VERSION);
        assert_eq!(
            (header.created_ns, header.written_ns, header.entries),
            (10, 20, 0)
        );
        assert_eq!(payload.roots, roots);
        assert!(matches!(decode(&bytes, 8), Err(CacheError::LexiconChanged)));
    }

    #[test]
    fn a_huge_claimed_length_is_truncated_not_an_overflow() {
        let mut bytes = encode(&[], 7, 0, 0, &[]).expect("encode");
        bytes[68..76].copy_from_slice(&u64::MAX.to_ne_bytes());
        assert!(matches!(
            decode(&bytes, 7),
            Err(CacheError::Truncated {
                expected: u64::MAX,
                ..
            })
        ));
    }

    #[test]
    fn a_cut_magic_is_truncated_and_a_foreign_one_is_not_ours() {
        assert!(matches!(
            read_header(b"HLC"),
            Err(CacheError::Truncated { .. })
        ));
        assert!(matches!(
            read_header(b"PK\x03\x04"),
            Err(CacheError::WrongMagic)
        ));
    }

    #[test]
    fn entries_larger_than_a_chunk_and_across_chunks_decode_whole() {
        use super::chunks::CHUNK_TARGET;
        let key = |i: usize| FileKey {
            key: format!("/corpus/{i}.txt"),
            size: i as u64,
            mtime_ns: 1,
            hash: 2,
        };
        let article = |i: usize, len: usize| Article {
            id: i.to_string(),
            title: "x".repeat(len),
            ..Article::default()
        };
        // Many small entries over several chunks, and one of 2.5 chunks.
        let mut owned: Vec<(FileKey, Article)> =
            (0..9000).map(|i| (key(i), article(i, 700))).collect();
        owned.insert(4500, (key(99999), article(99999, CHUNK_TARGET * 5 / 2)));
        let refs: Vec<(&FileKey, &Article)> = owned.iter().map(|(k, a)| (k, a)).collect();
        let bytes = encode(&["/corpus".to_string()], 7, 1, 2, &refs).expect("encode");
        assert!(bytes.len() > 5 * CHUNK_TARGET);
        let (header, payload) = decode(&bytes, 7).expect("decode");
        assert_eq!(header.entries, owned.len() as u64);
        assert!(payload.entries == owned, "every entry back, in order");
        for at in [
            HEADER_LEN + 3,
            HEADER_LEN + 3 * CHUNK_TARGET,
            bytes.len() - 20,
        ] {
            let mut flipped = bytes.clone();
            flipped[at] ^= 0x10;
            assert!(
                matches!(decode(&flipped, 7), Err(CacheError::Checksum)),
                "flip at {at}"
            );
        }
        let mut table_len = bytes.clone();
        let last = table_len.len() - 1;
        table_len[last] ^= 0x01;
        assert!(matches!(decode(&table_len, 7), Err(CacheError::Checksum)));
    }
}
