//! The marks as data and as a file: article keys that follow the text, the
//! merge two processes rely on, and the file's conventions (versioned,
//! atomic, a missing file is no marks, a bad one is kept aside with a
//! warning, an unwritable folder is an error naming it). Every path is a
//! temporary folder given as a parameter; no environment variable is read.

use hotline::marks::file::{self, Loaded};
use hotline::marks::{ArticleKey, Lens, Marks};
use hotline::model::{Article, Body};
use hotline::query::Status;

fn article(id: &str, title: &str, body: &str) -> Article {
    Article {
        id: id.into(),
        path: format!("clips/{id}.txt"),
        title: title.into(),
        paragraphs: {
            let mut paragraphs = Body::default();
            paragraphs.push(body, &[(0, hotline::model::offset(body.len()))]);
            paragraphs
        },
        ..Article::default()
    }
}

fn key(n: u64) -> ArticleKey {
    ArticleKey(n)
}

#[test]
fn the_key_follows_the_text_not_the_file_name() {
    let a = article("a", "Lee, Xi talk", "They spoke for 30 minutes.");
    let renamed = article("moved/b", "Lee, Xi talk", "They spoke for 30 minutes.");
    let edited = article("a", "Lee, Xi talk", "They spoke for 32 minutes.");
    assert_eq!(ArticleKey::of(&a), ArticleKey::of(&renamed));
    assert_ne!(ArticleKey::of(&a), ArticleKey::of(&edited));
    // Title and body are kept apart: moving words across does not collide.
    let shifted = article("a", "Lee, Xi talkThey", " spoke for 30 minutes.");
    assert_ne!(ArticleKey::of(&a), ArticleKey::of(&shifted));
}

#[test]
fn the_key_is_the_hash_of_title_and_paragraphs_joined_by_nul() {
    // What marks files written by earlier versions hold: the key must not
    // drift, or every mark would be lost.
    let mut a = article("a", "Lee, Xi talk", "They spoke.");
    a.paragraphs.push_plain(&"Long. ".repeat(200));
    let joined = format!("Lee, Xi talk\0They spoke.\0{}", "Long. ".repeat(200));
    assert_eq!(
        ArticleKey::of(&a),
        ArticleKey(hotline::cache::content_hash(joined.as_bytes()))
    );
    let bare = article("b", "", "");
    assert_eq!(
        ArticleKey::of(&bare),
        ArticleKey(hotline::cache::content_hash(b"\0"))
    );
}

#[test]
fn keys_are_written_as_16_hex_digits_and_read_back() {
    let k = key(0xd468_9abd_9a63_b843);
    assert_eq!(k.to_string(), "d4689abd9a63b843");
    assert_eq!(ArticleKey::try_from("d4689abd9a63b843".to_string()), Ok(k));
    assert!(ArticleKey::try_from("xyz".to_string()).is_err());
    assert!(ArticleKey::try_from("d4689abd9a63b84g".to_string()).is_err());
}

#[test]
fn notes_are_one_clean_line_and_empty_clears() {
    let mut m = Marks::default();
    m.set_note("2025-06-10-lee-xi", "  follow up\u{1b}[31m on APEC\n ");
    assert_eq!(m.notes["2025-06-10-lee-xi"], "follow up[31m on APEC");
    m.set_note("2025-06-10-lee-xi", "   ");
    assert!(m.notes.is_empty());
    m.set_note("c", &"x".repeat(10_000));
    assert_eq!(m.notes["c"].chars().count(), hotline::marks::NOTE_MAX_CHARS);
}

#[test]
fn the_merge_applies_this_process_changes_onto_the_file() {
    // Both started from `base`; the other process then wrote `disk`.
    let mut base = Marks::default();
    base.bookmarks.extend([key(1), key(2)]);
    base.read.insert(key(1));
    base.notes.insert("c1".into(), "old".into());
    base.notes.insert("c2".into(), "keep".into());

    let mut disk = base.clone();
    disk.bookmarks.insert(key(3)); // theirs, added
    disk.read.insert(key(4));
    disk.notes.insert("c1".into(), "theirs".into());
    disk.notes.insert("c3".into(), "their new".into());

    let mut mine = base.clone();
    mine.bookmarks.remove(&key(2)); // removed here: must stay removed
    mine.bookmarks.insert(key(5));
    mine.read.remove(&key(1)); // unread again here
    mine.notes.insert("c1".into(), "mine".into()); // both wrote: saved last wins
    mine.notes.remove("c2"); // cleared here

    let merged = Marks::merge(&disk, &base, &mine);
    assert_eq!(
        merged.bookmarks.iter().copied().collect::<Vec<_>>(),
        [key(1), key(3), key(5)]
    );
    assert_eq!(merged.read.iter().copied().collect::<Vec<_>>(), [key(4)]);
    assert_eq!(merged.notes.get("c1").map(String::as_str), Some("mine"));
    assert_eq!(merged.notes.get("c2"), None);
    assert_eq!(
        merged.notes.get("c3").map(String::as_str),
        Some("their new")
    );
    // Nothing changed here: the file wins whole.
    assert_eq!(Marks::merge(&disk, &base, &base), disk);
}

#[test]
fn the_lens_answers_is_for_each_article() {
    let tl = hotline::ui::fixture::sample();
    let lens = Lens::new(&tl);
    let mut m = Marks::default();
    assert!(lens.has(&m, 0, Status::Unread) && !lens.has(&m, 0, Status::Read));
    m.read.insert(lens.keys[0]);
    m.bookmarks.insert(lens.keys[1]);
    assert!(lens.has(&m, 0, Status::Read) && !lens.has(&m, 0, Status::Unread));
    assert!(lens.has(&m, 1, Status::Bookmarked));
    assert!(!lens.has(&m, 0, Status::Noted));
    let call = lens.calls[0].clone().expect("article 0 is in a call");
    m.notes.insert(call, "n".into());
    assert!(lens.has(&m, 0, Status::Noted));
    assert!(
        !lens.has(&m, 999, Status::Unread),
        "an unknown article has no marks"
    );
}

fn sample_marks() -> Marks {
    let mut m = Marks::default();
    m.read.extend([key(0xd468_9abd_9a63_b843), key(7)]);
    m.bookmarks.insert(key(7));
    m.notes
        .insert("2025-06-10-lee-xi".into(), "ask Yonhap about 32 min".into());
    m
}

/// The file's format, as written: versioned, keys in hex, notes by call.
#[test]
fn marks_file_format() {
    insta::assert_snapshot!(
        "marks_file_format",
        file::to_json(&sample_marks()).expect("json")
    );
}

#[test]
fn saved_marks_read_back_and_a_missing_file_is_no_marks() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("state/hotline/marks.json");
    assert_eq!(file::load(&path), Loaded::default());
    let written = file::save(&path, &Marks::default(), &sample_marks()).expect("saved");
    assert_eq!(written, sample_marks());
    assert_eq!(file::load(&path).marks, sample_marks());
    assert_eq!(file::load(&path).warning, None);
    // Atomic: only the file itself is left in the folder.
    let names: Vec<String> = std::fs::read_dir(path.parent().expect("folder"))
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["marks.json"]);
}

#[test]
fn two_processes_saving_keep_both_sets_of_marks() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("marks.json");
    let start = Marks::default();
    let mut first = start.clone();
    first.bookmarks.insert(key(1));
    let mut second = start.clone();
    second.bookmarks.insert(key(2));
    second.read.insert(key(9));
    let after_first = file::save(&path, &start, &first).expect("first saves");
    file::save(&path, &start, &second).expect("second saves");
    let on_disk = file::load(&path).marks;
    assert_eq!(
        on_disk.bookmarks.iter().copied().collect::<Vec<_>>(),
        [key(1), key(2)]
    );
    assert!(on_disk.read.contains(&key(9)));
    // The first then removes its bookmark: the second's stays.
    file::save(&path, &after_first, &start).expect("first saves again");
    let on_disk = file::load(&path).marks;
    assert_eq!(
        on_disk.bookmarks.iter().copied().collect::<Vec<_>>(),
        [key(2)]
    );
}

#[test]
fn a_damaged_file_is_kept_aside_with_a_warning_and_marks_start_fresh() {
    for (what, bytes) in [
        ("not json", b"{\"version\": 1, \"read\": [".to_vec()),
        ("bad key", b"{\"version\": 1, \"read\": [\"zz\"]}".to_vec()),
        ("newer version", b"{\"version\": 99, \"read\": []}".to_vec()),
        ("no version", b"{\"read\": []}".to_vec()),
        ("unknown field", b"{\"version\": 1, \"stars\": []}".to_vec()),
        ("binary", vec![0xff, 0x00, 0x1b, 0x5b]),
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("marks.json");
        std::fs::write(&path, &bytes).expect("write");
        let loaded = file::load(&path);
        assert_eq!(loaded.marks, Marks::default(), "{what}");
        let warning = loaded.warning.expect(what);
        assert!(
            warning.contains(&path.display().to_string()),
            "{what}: {warning}"
        );
        assert!(warning.contains("marks.json.corrupt"), "{what}: {warning}");
        assert!(!path.exists(), "{what}: moved aside");
        assert_eq!(
            std::fs::read(file::aside_path(&path)).expect("kept"),
            bytes,
            "{what}"
        );
        // The next save writes a good file again.
        file::save(&path, &Marks::default(), &sample_marks()).expect("saves");
        assert_eq!(
            file::load(&path),
            Loaded {
                marks: sample_marks(),
                warning: None
            }
        );
    }
}

#[test]
fn the_read_only_load_leaves_a_bad_file_where_it_is() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("marks.json");
    std::fs::write(&path, "garbage").expect("write");
    let loaded = file::load_read_only(&path);
    assert!(
        loaded
            .warning
            .is_some_and(|w| w.contains("not a marks file"))
    );
    assert_eq!(
        std::fs::read_to_string(&path).expect("still there"),
        "garbage"
    );
}

#[test]
fn an_unwritable_folder_is_an_error_naming_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    // A file where the folder should be: no permission tricks needed, so
    // the test holds when run as root too.
    let blocker = dir.path().join("state");
    std::fs::write(&blocker, "a file").expect("write");
    let path = blocker.join("hotline/marks.json");
    let err = file::save(&path, &Marks::default(), &sample_marks()).expect_err("cannot write");
    assert!(err.contains(&path.display().to_string()), "{err}");
    assert_eq!(file::load(&path).marks, Marks::default());
}

/// `hotline search` with `is:` reads the browser's marks file from
/// `XDG_STATE_HOME` and never changes it, even when it is damaged.
#[test]
fn search_on_the_cli_reads_the_same_marks_read_only() {
    let dir = tempfile::tempdir().expect("temp dir");
    let state = dir.path().join("state/hotline");
    std::fs::create_dir_all(&state).expect("state folder");
    let tl = hotline::load(&hotline::Inputs::Embedded, &hotline::Lexicon::embedded());
    let bookmarked = &tl.articles[0];
    let mut marks = Marks::default();
    marks.bookmarks.insert(ArticleKey::of(bookmarked));
    marks.read.insert(ArticleKey::of(bookmarked));
    let path = state.join(file::FILE_NAME);
    std::fs::write(&path, file::to_json(&marks).expect("json")).expect("write");
    let search = |query: &str| {
        let out = assert_cmd::Command::cargo_bin("hotline")
            .expect("binary")
            .args(["search", query])
            .env("HOME", dir.path().join("home"))
            .env("XDG_CACHE_HOME", dir.path().join("cache"))
            .env("XDG_STATE_HOME", dir.path().join("state"))
            .env("XDG_CONFIG_HOME", dir.path().join("config"))
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (hits, _) = search("is:bookmarked");
    let ids: Vec<&str> = hits.lines().filter_map(|l| l.split('\t').nth(1)).collect();
    assert_eq!(ids, [bookmarked.id.as_str()]);
    let (hits, _) = search("!is:read");
    assert_eq!(hits.lines().count(), tl.articles.len() - 1);
    assert_eq!(
        file::load(&path).marks,
        marks,
        "searching left the file as it was"
    );
    std::fs::write(&path, "{ damaged").expect("write");
    let (hits, warning) = search("is:unread");
    assert_eq!(
        hits.lines().count(),
        tl.articles.len(),
        "no marks: all unread"
    );
    assert!(warning.contains("not a marks file"), "{warning}");
    assert_eq!(std::fs::read_to_string(&path).expect("left"), "{ damaged");
    assert!(!file::aside_path(&path).exists());
}
