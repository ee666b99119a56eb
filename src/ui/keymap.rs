//! The key bindings in force: the default table (`keys::BINDINGS`) with the
//! config file's rebindings applied. Owns the names a config file uses for
//! contexts, actions and keys, all derived from the values themselves (an
//! action's name is its `Debug` form in kebab-case), so an action added to
//! the table is bindable without a second list to keep in step.

use std::sync::{Arc, LazyLock};

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::keys::{BINDINGS, Binding, Context, Key, contexts, normalize};

/// One binding in force.
#[derive(Debug, Clone)]
pub struct Entry {
    pub context: Context,
    /// Empty for "any other character", or for an action the config unbound.
    pub keys: Vec<Key>,
    pub action: Action,
    pub help: &'static str,
    /// The hint-line text, its key part rewritten when the keys were.
    pub hint: String,
    /// The config file changed this binding.
    pub rebound: bool,
    /// The typing row of a line editor: not a binding a config can change.
    typing: bool,
}

/// One `action = ["key", …]` line of a config file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rebind {
    pub context: Context,
    pub action: String,
    pub keys: Vec<Key>,
    /// Where it was written, for the error message.
    pub line: usize,
}

/// A rebinding that cannot be applied, with the config line it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeymapError {
    pub line: usize,
    pub message: String,
}

/// The key table in force.
#[derive(Debug, Clone)]
pub struct Keymap {
    entries: Vec<Entry>,
}

static DEFAULTS: LazyLock<Arc<Keymap>> = LazyLock::new(|| {
    Arc::new(Keymap {
        entries: BINDINGS.iter().map(entry_of).collect(),
    })
});

fn entry_of(b: &Binding) -> Entry {
    Entry {
        context: b.context,
        keys: b.keys.to_vec(),
        action: b.action.clone(),
        help: b.help,
        hint: b.hint.to_string(),
        rebound: false,
        typing: b.keys.is_empty(),
    }
}

/// `SomeName(Inner)` → `some-name-inner`: the config file's spelling of a
/// `Debug` form.
pub fn kebab(debug: &str) -> String {
    let mut out = String::new();
    let mut prev_lower = false;
    for c in debug.chars() {
        if c.is_ascii_alphanumeric() {
            if c.is_ascii_uppercase() && prev_lower {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
            prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        } else {
            if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
            prev_lower = false;
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The config name of an action: `Move(Down)` → `move-down`.
pub fn action_name(action: &Action) -> String {
    kebab(&format!("{action:?}"))
}

/// The config name of a context: `TextSearch` → `text-search`.
pub fn context_name(context: Context) -> String {
    kebab(&format!("{context:?}"))
}

pub fn context_named(name: &str) -> Option<Context> {
    Context::ALL.into_iter().find(|&c| context_name(c) == name)
}

/// Named keys: the config spelling first, then the ones also accepted.
const NAMED: &[(&str, KeyCode)] = &[
    ("Up", KeyCode::Up),
    ("Down", KeyCode::Down),
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
    ("PgUp", KeyCode::PageUp),
    ("PgDn", KeyCode::PageDown),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
    ("Enter", KeyCode::Enter),
    ("Esc", KeyCode::Esc),
    ("Tab", KeyCode::Tab),
    ("Shift-Tab", KeyCode::BackTab),
    ("Backspace", KeyCode::Backspace),
    ("Del", KeyCode::Delete),
    ("Insert", KeyCode::Insert),
    ("Space", KeyCode::Char(' ')),
    ("↑", KeyCode::Up),
    ("↓", KeyCode::Down),
    ("←", KeyCode::Left),
    ("→", KeyCode::Right),
    ("PageUp", KeyCode::PageUp),
    ("PageDown", KeyCode::PageDown),
    ("Escape", KeyCode::Esc),
    ("Return", KeyCode::Enter),
    ("BackTab", KeyCode::BackTab),
    ("Delete", KeyCode::Delete),
];

/// A key as a config file writes it: `j`, `G`, `Down`, `PgDn`, `Space`,
/// `Ctrl-d`, `Alt-x`, `F5`; names are matched without regard to case, a
/// single character exactly. `None` for anything else.
pub fn parse_key(text: &str) -> Option<Key> {
    if let Some(&(_, code)) = NAMED.iter().find(|(n, _)| n.eq_ignore_ascii_case(text)) {
        return Some(Key {
            code,
            mods: KeyModifiers::NONE,
        });
    }
    let mut chars = text.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return (!c.is_control()).then_some(Key {
            code: KeyCode::Char(c),
            mods: KeyModifiers::NONE,
        });
    }
    for (prefix, mods) in [
        ("ctrl-", KeyModifiers::CONTROL),
        ("alt-", KeyModifiers::ALT),
    ] {
        let head = text.get(..prefix.len());
        if head.is_some_and(|h| h.eq_ignore_ascii_case(prefix)) {
            let inner = parse_key(&text[prefix.len()..])?;
            if !inner.mods.is_empty() || inner.code == KeyCode::BackTab {
                return None;
            }
            // `normalize` folds Ctrl-letters to lower case; so must we.
            let code = match inner.code {
                KeyCode::Char(c) if mods == KeyModifiers::CONTROL => {
                    KeyCode::Char(c.to_ascii_lowercase())
                }
                other => other,
            };
            return Some(Key { code, mods });
        }
    }
    let number = text
        .strip_prefix(['F', 'f'])
        .and_then(|n| n.parse::<u8>().ok());
    number.filter(|n| (1..=24).contains(n)).map(|n| Key {
        code: KeyCode::F(n),
        mods: KeyModifiers::NONE,
    })
}

/// How a config file writes `key` (ASCII names, so the file is easy to
/// type): `parse_key` reads it back to the same key.
pub fn key_config_name(key: &Key) -> String {
    let base = match key.code {
        KeyCode::F(n) => format!("F{n}"),
        code => match NAMED.iter().find(|(_, c)| *c == code) {
            Some((name, _)) => (*name).to_string(),
            None => Key {
                code,
                mods: KeyModifiers::NONE,
            }
            .label(),
        },
    };
    if key.mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{base}")
    } else if key.mods.contains(KeyModifiers::ALT) {
        format!("Alt-{base}")
    } else {
        base
    }
}

/// A plain character in a context active while typing would stop it being
/// typed.
fn typed_in(context: Context) -> bool {
    matches!(
        context,
        Context::Global
            | Context::Filter
            | Context::Command
            | Context::TextSearch
            | Context::Note
            | Context::Line
    )
}

impl Keymap {
    /// The table as compiled in.
    pub fn defaults() -> Arc<Keymap> {
        DEFAULTS.clone()
    }

    /// The defaults with `rebinds` applied: each replaces the keys of its
    /// action in its context (`[]` unbinds it). A key left bound twice in
    /// one context, an unknown action, or a plain character where text is
    /// typed, is an error naming the line.
    pub fn with(rebinds: &[Rebind]) -> Result<Keymap, KeymapError> {
        let mut entries: Vec<Entry> = DEFAULTS.entries.clone();
        let mut line_of: Vec<Option<usize>> = vec![None; entries.len()];
        for r in rebinds {
            let err = |message: String| KeymapError {
                line: r.line,
                message,
            };
            let name = |e: &Entry| action_name(&e.action);
            let mut rows = (0..entries.len())
                .filter(|&i| entries[i].context == r.context && !entries[i].typing)
                .filter(|&i| name(&entries[i]) == r.action);
            let Some(first) = rows.next() else {
                return Err(err(unknown_action(r)));
            };
            let rest: Vec<usize> = rows.collect();
            let ctx = context_name(r.context);
            for (i, k) in r.keys.iter().enumerate() {
                if r.keys[..i].contains(k) {
                    let label = key_config_name(k);
                    return Err(err(format!("`{label}` is bound twice in {ctx}")));
                }
                if typed_in(r.context) && matches!(k.code, KeyCode::Char(_)) && k.mods.is_empty() {
                    return Err(err(format!(
                        "`{}` in {ctx} would stop it being typed; use a Ctrl- or Alt- key",
                        key_config_name(k)
                    )));
                }
            }
            let entry = &mut entries[first];
            // The printed default config says every binding: as it was.
            if entry.keys == r.keys && rest.is_empty() {
                continue;
            }
            entry.hint = rewrite_hint(&entry.hint, &r.keys);
            entry.keys = r.keys.clone();
            entry.rebound = true;
            line_of[first] = Some(r.line);
            for i in rest {
                entries[i].keys.clear();
                entries[i].hint.clear();
                entries[i].rebound = true;
            }
        }
        check_no_key_twice(&entries, &line_of)?;
        Ok(Keymap { entries })
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The binding for `key` where `primary` has focus.
    pub fn lookup(&self, primary: Context, key: Key) -> Option<&Entry> {
        contexts(primary).iter().find_map(|&ctx| {
            self.entries
                .iter()
                .find(|e| e.context == ctx && e.keys.contains(&key))
        })
    }

    /// The action for a key press, including plain typing in a line editor.
    pub fn action_for(&self, primary: Context, event: KeyEvent) -> Option<Action> {
        let key = normalize(event);
        if let Some(entry) = self.lookup(primary, key) {
            return Some(entry.action.clone());
        }
        super::keys::typed(primary, key)
    }

    /// The short hints shown for `primary`, in table order.
    pub fn hints(&self, primary: Context) -> Vec<&str> {
        contexts(primary)
            .iter()
            .flat_map(|&ctx| {
                self.entries
                    .iter()
                    .filter(move |e| e.context == ctx && !e.hint.is_empty())
                    .map(|e| e.hint.as_str())
            })
            .collect()
    }

    /// Did a config file change anything.
    pub fn is_default(&self) -> bool {
        !self.entries.iter().any(|e| e.rebound)
    }
}

/// How an entry's keys are written: "j ↓", "text" for typing, "(none)"
/// for an action the config unbound.
pub fn keys_label(entry: &Entry) -> String {
    if entry.typing {
        return "text".into();
    }
    if entry.keys.is_empty() {
        return "(none)".into();
    }
    let labels: Vec<String> = entry.keys.iter().map(Key::label).collect();
    labels.join(" ")
}

/// The hint with its leading key labels ("j/k", "[ ]", "Esc/q") replaced by
/// `keys`'; no hint when the action has no keys left.
fn rewrite_hint(hint: &str, keys: &[Key]) -> String {
    if hint.is_empty() || keys.is_empty() {
        return String::new();
    }
    let is_label = |word: &str| {
        BINDINGS
            .iter()
            .flat_map(|b| b.keys)
            .any(|k| k.label() == word)
    };
    let words: Vec<&str> = hint.split(' ').collect();
    let keys_part = words
        .iter()
        .take_while(|w| is_label(w) || w.split('/').all(is_label))
        .count();
    let rest = words[keys_part..].join(" ");
    let labels: Vec<String> = keys.iter().map(Key::label).collect();
    format!("{} {rest}", labels.join("/"))
        .trim_end()
        .to_string()
}

fn check_no_key_twice(entries: &[Entry], line_of: &[Option<usize>]) -> Result<(), KeymapError> {
    for (i, a) in entries.iter().enumerate() {
        for (j, b) in entries.iter().enumerate().skip(i + 1) {
            if a.context != b.context {
                continue;
            }
            let Some(key) = a.keys.iter().find(|k| b.keys.contains(k)) else {
                continue;
            };
            let line = line_of[j].or(line_of[i]).unwrap_or(0);
            let (mine, other) = if line_of[j].is_some() { (b, a) } else { (a, b) };
            let ctx = context_name(a.context);
            let label = key_config_name(key);
            if let (Some(first), Some(_)) = (line_of[i], line_of[j]) {
                return Err(KeymapError {
                    line,
                    message: format!(
                        "`{label}` is bound twice in {ctx}: to {} (line {first}) and to {}",
                        action_name(&a.action),
                        action_name(&b.action),
                    ),
                });
            }
            return Err(KeymapError {
                line,
                message: format!(
                    "`{}` is bound twice in {}: to {} and to {} (rebind or unbind {} too)",
                    key_config_name(key),
                    context_name(a.context),
                    action_name(&mine.action),
                    action_name(&other.action),
                    action_name(&other.action),
                ),
            });
        }
    }
    Ok(())
}

/// Why `r.action` is not bindable in its context, with the closest name.
fn unknown_action(r: &Rebind) -> String {
    let ctx = context_name(r.context);
    let elsewhere: Vec<String> = Context::ALL
        .into_iter()
        .filter(|&c| {
            BINDINGS
                .iter()
                .any(|b| b.context == c && !b.keys.is_empty() && action_name(&b.action) == r.action)
        })
        .map(context_name)
        .collect();
    if !elsewhere.is_empty() {
        return format!(
            "`{}` is not an action of {ctx} (it is one of: {})",
            r.action,
            elsewhere.join(", ")
        );
    }
    let names = BINDINGS
        .iter()
        .filter(|b| b.context == r.context && !b.keys.is_empty())
        .map(|b| action_name(&b.action));
    match closest(&r.action, names) {
        Some(near) => format!("unknown action `{}` (did you mean {near}?)", r.action),
        None => format!("unknown action `{}` in {ctx}", r.action),
    }
}

/// The candidate nearest to `word` by edit distance, if it is near enough
/// to be a typo of it.
pub fn closest(word: &str, candidates: impl Iterator<Item = String>) -> Option<String> {
    candidates
        .map(|c| (edit_distance(word, &c), c))
        .filter(|(d, c)| *d <= 3.max(c.len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let here = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(here + 1);
            prev = here;
        }
    }
    row[b.len()]
}

#[cfg(test)]
#[path = "keymap_tests.rs"]
mod tests;
