//! Embeds every `.txt` file under `assets/articles/` as the default corpus,
//! so adding an article there needs no code change.

use std::{env, fs, path::Path};

fn main() {
    let dir = Path::new("assets/articles");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("assets/articles exists")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let mut code = String::from("pub const EMBEDDED_ARTICLES: &[(&str, &[u8])] = &[\n");
    for name in &names {
        println!("cargo:rerun-if-changed=assets/articles/{name}");
        code += &format!(
            "    ({name:?}, include_bytes!({:?})),\n",
            format!("{manifest}/assets/articles/{name}")
        );
    }
    code += "];\n";
    let out =
        Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded_articles.rs");
    fs::write(out, code).expect("OUT_DIR is writable");
}
