//! The README's key table is the program's own: it must not drift.

#[test]
fn readme_key_table_matches_the_key_map() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let begin =
        readme.find("<!-- keys:begin -->\n").expect("begin marker") + "<!-- keys:begin -->\n".len();
    let end = readme.find("<!-- keys:end -->").expect("end marker");
    assert_eq!(
        readme[begin..end].trim_end(),
        hotline::ui::keys::markdown().trim_end(),
        "README.md key table is out of date: paste hotline::ui::keys::markdown()"
    );
}

#[test]
fn readme_names_the_two_setup_commands_and_ci_runs_the_test_one() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    assert!(readme.contains("cargo run --release"));
    assert!(readme.contains("cargo test"));
    let ci = std::fs::read_to_string(".ci/run").unwrap();
    assert!(
        ci.lines().any(|l| l.trim() == "cargo test"),
        ".ci/run must run the README's test command"
    );
}
