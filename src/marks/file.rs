//! The marks file, `$XDG_STATE_HOME/hotline/marks.json`: reading it
//! (missing = no marks; damaged or of another version = a warning, the bad
//! copy kept aside as `marks.json.corrupt`, and fresh marks), and writing
//! it atomically (a temporary file in the same folder, then a rename)
//! after merging with what another hotline process may have written.
//! Never under the corpus folder.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Marks;

/// The file's format version; another one is not read (a warning says so).
pub const VERSION: u32 = 1;

/// A marks file larger than this is not read: no user marks that much.
const MAX_BYTES: u64 = 64 << 20;

/// The file's name inside the state folder.
pub const FILE_NAME: &str = "marks.json";

/// Where the marks live: `xdg::dir(State)/marks.json`, or `None` without
/// a home folder.
pub fn default_path() -> Option<PathBuf> {
    crate::xdg::dir(crate::xdg::Kind::State).map(|d| d.join(FILE_NAME))
}

#[derive(Serialize)]
struct OnDiskRef<'a> {
    version: u32,
    #[serde(flatten)]
    marks: &'a Marks,
}

#[derive(Deserialize)]
struct Header {
    version: u32,
}

/// What reading gave: the marks, and a warning when the file was not
/// usable (it names the file and says why).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Loaded {
    pub marks: Marks,
    pub warning: Option<String>,
}

/// Parse the file's bytes; `Err` says why they are not marks.
pub fn parse(bytes: &[u8]) -> Result<Marks, String> {
    let header: Header = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
    if header.version != VERSION {
        return Err(format!(
            "version {} is not the version this hotline reads ({VERSION})",
            header.version
        ));
    }
    // `flatten` loses `deny_unknown_fields`, so the version is read above
    // and the marks checked on their own here.
    let mut value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
    if let Some(map) = value.as_object_mut() {
        map.remove("version");
    }
    let marks: Marks = serde_json::from_value(value).map_err(|e| e.to_string())?;
    Ok(marks)
}

/// The file's text for `marks`.
pub fn to_json(marks: &Marks) -> Result<String, serde_json::Error> {
    let on_disk = OnDiskRef {
        version: VERSION,
        marks,
    };
    serde_json::to_string_pretty(&on_disk)
}

/// Read the bytes, or `Ok(None)` when there is no file.
fn read_bytes(path: &Path) -> Result<Option<Vec<u8>>, String> {
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("{}: cannot read: {e}", path.display())),
    };
    let mut bytes = Vec::new();
    file.take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(format!(
            "{}: larger than {} MiB, not a marks file",
            path.display(),
            MAX_BYTES >> 20
        ));
    }
    Ok(Some(bytes))
}

/// Read the marks for the browser. A damaged file or one of another
/// version is renamed to `<file>.corrupt` (so the user can look at it and
/// the next save does not overwrite it) and fresh marks are returned with
/// a warning; an unreadable one gives a warning too. Never fails.
pub fn load(path: &Path) -> Loaded {
    match read_bytes(path) {
        Ok(None) => Loaded::default(),
        Err(why) => Loaded {
            marks: Marks::default(),
            warning: Some(why),
        },
        Ok(Some(bytes)) => match parse(&bytes) {
            Ok(marks) => Loaded {
                marks,
                warning: None,
            },
            Err(why) => {
                let aside = aside_path(path);
                let kept = match std::fs::rename(path, &aside) {
                    Ok(()) => format!("kept as {}", aside.display()),
                    Err(e) => format!("could not keep it aside: {e}"),
                };
                Loaded {
                    marks: Marks::default(),
                    warning: Some(format!(
                        "{}: not a marks file ({why}); starting with no marks, {kept}",
                        path.display()
                    )),
                }
            }
        },
    }
}

/// Read the marks without changing anything on disk (`hotline search`):
/// a bad file is a warning and no marks.
pub fn load_read_only(path: &Path) -> Loaded {
    match read_bytes(path) {
        Ok(None) => Loaded::default(),
        Ok(Some(bytes)) => match parse(&bytes) {
            Ok(marks) => Loaded {
                marks,
                warning: None,
            },
            Err(why) => Loaded {
                marks: Marks::default(),
                warning: Some(format!("{}: not a marks file ({why})", path.display())),
            },
        },
        Err(why) => Loaded {
            marks: Marks::default(),
            warning: Some(why),
        },
    }
}

/// `marks.json` → `marks.json.corrupt`.
pub fn aside_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".corrupt");
    path.with_file_name(name)
}

/// Write `mine` to `path`, merged (`Marks::merge`) with whatever the file
/// holds now, `base` being what this process last read or wrote. Returns
/// the marks written. A file that can not be read as marks now is
/// replaced (it was read, or kept aside, when this process started).
pub fn save(path: &Path, base: &Marks, mine: &Marks) -> Result<Marks, String> {
    let disk = match read_bytes(path) {
        Ok(Some(bytes)) => parse(&bytes).unwrap_or_default(),
        Ok(None) | Err(_) => Marks::default(),
    };
    let merged = Marks::merge(&disk, base, mine);
    let json = to_json(&merged).map_err(|e| format!("{}: cannot encode: {e}", path.display()))?;
    write_atomically(path, json.as_bytes())?;
    Ok(merged)
}

fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let dir = path
        .parent()
        .ok_or_else(|| format!("{}: no folder to write in", path.display()))?;
    let fail = |what: &str, e: &dyn std::fmt::Display| format!("{}: {what}: {e}", path.display());
    std::fs::create_dir_all(dir).map_err(|e| fail("cannot create its folder", &e))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".marks-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| fail("cannot write", &e))?;
    tmp.write_all(bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| fail("cannot write", &e))?;
    tmp.persist(path)
        .map_err(|e| fail("cannot replace", &e.error))?;
    Ok(())
}
