//! Replacing the lexicon at run time: `--outlets`, `--boilerplate` and
//! `--lexicon DIR` change what is read, and a broken file is an error
//! naming the file and the line.

mod support;

use std::fs;
use std::path::Path;
use support::home::Isolated;

use assert_cmd::Command;

fn hotline() -> Command {
    let mut cmd = Command::cargo_bin("hotline").expect("the binary is built");
    cmd.isolated();
    cmd
}

/// One article credited to Yonhap, with a line of page furniture the
/// built-in patterns do not know.
fn corpus(dir: &Path) {
    fs::write(
        dir.join("yoon_biden.txt"),
        " date 2022-05-12 Yoon and Biden discuss summit by phone\n\n\
         SEOUL, May 12 (Yonhap) -- President Yoon Suk Yeol held a phone call with U.S. President \
         Joe Biden on Thursday, discussing North Korea's ballistic missile launches.\n\n\
         Tap here for our quarterly digest\n\n\
         The two leaders spoke for about 25 minutes, the presidential office said.\n\n\
         (Yonhap)\n",
    )
    .unwrap();
}

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

const OUTLETS: &str = "[[outlet]]\nname = \"Wire One\"\nvariants = [\"Yonhap\"]\n";

#[test]
fn an_outlets_file_renames_the_source() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    let before = stdout(hotline().arg("list").arg(dir.path()));
    assert!(before.contains("Yonhap"), "{before}");
    let file = dir.path().join("mine.toml");
    fs::write(&file, OUTLETS).unwrap();
    let args = [dir.path().join("yoon_biden.txt")];
    let after = stdout(
        hotline()
            .arg("list")
            .arg("--outlets")
            .arg(&file)
            .args(&args),
    );
    assert!(after.contains("Wire One"), "{after}");
    assert!(!after.contains("Yonhap"), "{after}");
}

#[test]
fn a_boilerplate_file_drops_its_lines() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    let line = "Tap here for our quarterly digest";
    let before = stdout(hotline().args(["show", "yoon_biden"]).arg(dir.path()));
    assert!(before.contains(line), "{before}");
    let file = dir.path().join("noise.toml");
    fs::write(&file, format!("exact = [\"{line}\"]\n")).unwrap();
    let args = [dir.path().join("yoon_biden.txt")];
    let after = stdout(
        hotline()
            .args(["show", "yoon_biden"])
            .arg("--boilerplate")
            .arg(&file)
            .args(&args),
    );
    assert!(!after.contains(line), "{after}");
    assert!(after.contains("The two leaders spoke"), "{after}");
}

#[test]
fn a_lexicon_folder_replaces_the_files_it_holds() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    let lexicon = tempfile::tempdir().unwrap();
    fs::write(lexicon.path().join("outlets.toml"), OUTLETS).unwrap();
    let out = stdout(
        hotline()
            .arg("list")
            .arg("--lexicon")
            .arg(lexicon.path())
            .arg(dir.path()),
    );
    assert!(out.contains("Wire One"), "{out}");
    // The other three files stay the built-in ones: the call is still found.
    assert!(out.contains("Yoon Suk Yeol ↔ Joe Biden"), "{out}");
}

#[test]
fn a_broken_file_is_an_error_naming_it_and_the_line() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    let lexicon = tempfile::tempdir().unwrap();
    let bad = lexicon.path().join("boilerplate.toml");
    fs::write(&bad, "max_line_bytes = 200\nexact = [\"Subscribe\"\n").unwrap();
    for flag in ["--boilerplate", "--lexicon"] {
        let target = if flag == "--lexicon" {
            lexicon.path()
        } else {
            bad.as_path()
        };
        let out = hotline()
            .arg("list")
            .arg(flag)
            .arg(target)
            .arg(dir.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{flag}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains("boilerplate file"), "{flag}: {err}");
        assert!(err.contains("boilerplate.toml"), "{flag}: {err}");
        assert!(err.contains("line 2"), "{flag}: {err}");
        assert!(out.stdout.is_empty(), "{flag}");
    }
    let outlets = lexicon.path().join("outlets.toml");
    fs::write(&outlets, "[[outlet]]\nname = \"A\"\nkind = \"blog\"\n").unwrap();
    let out = hotline()
        .arg("list")
        .arg("--outlets")
        .arg(&outlets)
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("outlets file"), "{err}");
    assert!(err.contains("outlets.toml"), "{err}");
    assert!(err.contains("line 3"), "{err}");
}

#[test]
fn a_lexicon_folder_with_none_of_the_files_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = hotline()
        .arg("list")
        .arg("--lexicon")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("holds none of"), "{err}");
}
