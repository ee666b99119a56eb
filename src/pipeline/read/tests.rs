//! Reading tests: decoding, walking, limits, links, ids.

use std::fs::{self, File};

use super::*;
use std::io::Write;

#[test]
fn decode_plain_and_bom() {
    assert_eq!(decode(b"hello\n").unwrap(), ("hello\n".to_string(), vec![]));
    assert_eq!(decode(b"\xef\xbb\xbfhello").unwrap().0, "hello");
}

#[test]
fn decode_line_endings() {
    assert_eq!(decode(b"a\r\nb\rc\n").unwrap().0, "a\nb\nc\n");
    assert_eq!(decode(b"a\r\r\nb").unwrap().0, "a\n\nb");
}

#[test]
fn decode_invalid_utf8_is_lossy_with_one_warning() {
    let (text, warnings) = decode(b"caf\xe9 and \xff\xfe!").unwrap();
    assert!(text.starts_with("caf\u{fffd} and "));
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].contains("UTF-8"), "{warnings:?}");
}

#[test]
fn decode_rejects_binary_empty_and_huge() {
    assert!(decode(b"text\0more").unwrap_err().contains("binary"));
    assert!(decode(b"").unwrap_err().contains("empty"));
    assert!(decode(b" \n\t\r\n").unwrap_err().contains("empty"));
    assert!(decode(b"\xef\xbb\xbf").unwrap_err().contains("empty"));
    let huge = vec![b'a'; MAX_FILE_BYTES as usize + 1];
    assert!(decode(&huge).unwrap_err().contains("larger"));
}

#[test]
fn decode_utf16_with_bom() {
    let le: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain("대통령\r\nXi".encode_utf16().flat_map(|u| u.to_le_bytes()))
        .collect();
    assert_eq!(decode(&le).unwrap(), ("대통령\nXi".to_string(), vec![]));
    let be: Vec<u8> = [0xfe, 0xff]
        .into_iter()
        .chain("Moon".encode_utf16().flat_map(|u| u.to_be_bytes()))
        .collect();
    assert_eq!(decode(&be).unwrap().0, "Moon");
    // A lone surrogate and an odd trailing byte: lossy, one warning.
    let (text, warnings) = decode(&[0xff, 0xfe, b'a', 0, 0x00, 0xd8, b'b']).unwrap();
    assert_eq!(text, "a\u{fffd}");
    assert_eq!(warnings.len(), 1);
}

#[test]
fn embedded_corpus_loads() {
    let docs = embedded();
    assert_eq!(docs.len(), EMBEDDED_ARTICLES.len());
    assert!(docs.len() >= 5);
    assert_eq!(docs[0].id, "000_d4689abd9a63b843");
    assert_eq!(docs[0].file, "000_d4689abd9a63b843.txt");
    assert_eq!(docs[0].path, "embedded:000_d4689abd9a63b843.txt");
    assert!(
        docs.iter()
            .all(|d| d.warnings.is_empty() && !d.text.contains('\r'))
    );
}

fn write(path: &Path, bytes: &[u8]) {
    let mut f = File::create(path).unwrap();
    f.write_all(bytes).unwrap();
}

fn ids(docs: &[RawDoc]) -> Vec<&str> {
    docs.iter().map(|d| d.id.as_str()).collect()
}

#[test]
fn directories_recursive_sorted_txt_only() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    fs::create_dir_all(root.join("b/deeper")).unwrap();
    fs::create_dir_all(root.join(".hidden")).unwrap();
    write(&root.join("z.txt"), b"z");
    write(&root.join("a.TXT"), b"a");
    write(&root.join("photo.png"), b"\x89PNG");
    write(&root.join("b/m.txt"), b"m");
    write(&root.join("b/deeper/k.txt"), b"k");
    write(&root.join(".hidden/h.txt"), b"h");
    let (docs, warnings) = read_paths(&[root.to_path_buf()]);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(ids(&docs), ["a", "z", "m", "k"]);
    assert_eq!(docs[2].path, root.join("b/m.txt").display().to_string());
    assert_eq!(docs[1].file, "z.txt");
    // Deterministic.
    assert_eq!(read_paths(&[root.to_path_buf()]).0, docs);
}

#[test]
fn explicit_file_any_extension() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("article.md");
    write(&p, b"body");
    let (docs, warnings) = read_paths(std::slice::from_ref(&p));
    assert!(warnings.is_empty());
    assert_eq!(ids(&docs), ["article"]);
    assert_eq!(docs[0].path, p.display().to_string());
}

#[test]
fn bad_files_warn_once_and_loading_goes_on() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(&root.join("01_good.txt"), b"\xef\xbb\xbfgood\r\ntext");
    write(&root.join("02_binary.txt"), b"PK\x03\x04\0\0");
    write(&root.join("03_empty.txt"), b"  \n ");
    write(&root.join("04_latin1.txt"), b"Gr\xfc\xdfe");
    let big = File::create(root.join("05_big.txt")).unwrap();
    big.set_len(MAX_FILE_BYTES + 1).unwrap();
    let missing = root.join("nope.txt");
    let (docs, warnings) = read_paths(&[root.to_path_buf(), missing.clone()]);
    assert_eq!(ids(&docs), ["01_good", "04_latin1"]);
    assert_eq!(docs[0].text, "good\ntext");
    assert_eq!(docs[1].warnings.len(), 1);
    let named: Vec<(&str, &str)> = warnings
        .iter()
        .map(|w| (w.file.as_str(), w.message.as_str()))
        .collect();
    assert_eq!(warnings.len(), 4, "{named:?}");
    let file_of = |name: &str| root.join(name).display().to_string();
    assert_eq!(warnings[0].file, file_of("02_binary.txt"));
    assert!(warnings[0].message.contains("binary"));
    assert_eq!(warnings[1].file, file_of("03_empty.txt"));
    assert_eq!(warnings[2].file, file_of("05_big.txt"));
    assert!(warnings[2].message.contains("larger"));
    assert_eq!(warnings[3].file, missing.display().to_string());
}

#[cfg(unix)]
#[test]
fn symlinks_broken_and_looping() {
    use std::os::unix::fs::symlink;
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    fs::create_dir(root.join("sub")).unwrap();
    write(&root.join("sub/a.txt"), b"a");
    symlink(root, root.join("sub/loop")).unwrap();
    symlink(root.join("gone.txt"), root.join("sub/broken.txt")).unwrap();
    symlink(root.join("sub/a.txt"), root.join("sub/alias.txt")).unwrap();
    // A hard link is the same file too.
    fs::hard_link(root.join("sub/a.txt"), root.join("sub/b.txt")).unwrap();
    let (docs, warnings) = read_paths(&[root.to_path_buf()]);
    assert_eq!(ids(&docs), ["a"]);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].file.ends_with("broken.txt"));
    assert!(warnings[0].message.contains("broken"));
    // Named directly, too.
    let (_, warnings) = read_paths(&[root.join("sub/broken.txt")]);
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].message.contains("broken"));
}

#[cfg(unix)]
#[test]
fn unreadable_file_and_fifo_warn() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let locked = tmp.path().join("locked.txt");
    write(&locked, b"secret");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    let (docs, warnings) = read_paths(std::slice::from_ref(&locked));
    // Root can read anything; then the file simply loads.
    if docs.is_empty() {
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].message.contains("permission"));
    }
    let fifo = tmp.path().join("pipe.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        let (docs, warnings) = read_paths(&[fifo]);
        assert!(docs.is_empty());
        assert!(warnings[0].message.contains("regular"));
    }
}

#[test]
fn duplicate_ids_get_stable_suffixes() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    for dir in ["x", "y", "z"] {
        fs::create_dir(root.join(dir)).unwrap();
        write(&root.join(dir).join("same.txt"), dir.as_bytes());
    }
    write(&root.join("x/same~2.txt"), b"taken");
    let (docs, _) = read_paths(&[root.to_path_buf()]);
    assert_eq!(ids(&docs), ["same", "same~2", "same~3", "same~4"]);
    assert_eq!(docs[2].text, "y");
    assert_eq!(docs[2].warnings.len(), 1);
    assert!(docs[2].warnings[0].contains("same~3"));
}

#[test]
fn same_file_twice_loads_once() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("a.txt");
    write(&p, b"a");
    let (docs, warnings) = read_paths(&[p.clone(), tmp.path().to_path_buf()]);
    assert_eq!(ids(&docs), ["a"]);
    assert!(warnings.is_empty());
}

/// Many files go through the parallel path; the result is what reading
/// them one after another gives: order, duplicates, warnings, ids.
#[test]
fn parallel_read_matches_one_by_one() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    for dir in ["a", "b"] {
        fs::create_dir(root.join(dir)).unwrap();
        for i in 0..60 {
            let text = format!("{dir} article {i}\n");
            write(&root.join(dir).join(format!("{i:03}.txt")), text.as_bytes());
        }
    }
    write(&root.join("a/empty.txt"), b"");
    write(&root.join("b/nul.txt"), b"a\0b");
    write(&root.join("b/bad.txt"), b"caf\xe9");
    let twice = root.join("a/007.txt");
    let paths = [root.to_path_buf(), twice.clone(), root.join("missing.txt")];
    let (docs, warnings) = read_paths(&paths);

    // The same by hand, one file at a time.
    let mut expected_docs = Vec::new();
    let mut expected_warnings = Vec::new();
    let mut seen = HashSet::new();
    for item in list_paths(&paths) {
        match item {
            Found::Problem(w) => expected_warnings.push(w),
            Found::Other(_) => {}
            Found::File(path) => {
                if !seen.insert(fs::canonicalize(&path).unwrap()) {
                    continue;
                }
                match read_file(&path).1 {
                    Ok(doc) => expected_docs.push(doc),
                    Err(m) => expected_warnings.push(warning(&path, m)),
                }
            }
        }
    }
    make_ids_unique(&mut expected_docs, |d| (&mut d.id, &mut d.warnings));
    assert_eq!(docs.len(), 121);
    assert_eq!(docs, expected_docs);
    assert_eq!(warnings, expected_warnings);
    assert_eq!(warnings.len(), 3, "{warnings:?}");
    assert!(docs.iter().any(|d| d.id == "000~2"));
}

/// `doc_from_bytes` keeps the path as `to_string_lossy` gives it: the
/// same text `display` shows (and warnings name), bad bytes included.
#[cfg(unix)]
#[test]
fn a_documents_path_reads_as_display_shows_it() {
    use std::os::unix::ffi::OsStrExt;
    for raw in [
        &b"/tmp/a.txt"[..],
        b"/tmp/\xff\xfeb.txt",
        b"caf\xc3\xa9/x\x80y.md",
    ] {
        let path = Path::new(std::ffi::OsStr::from_bytes(raw));
        assert_eq!(path.to_string_lossy(), path.display().to_string());
    }
}
