//! `hotline --print-config`: the whole default config, commented, written
//! from the key table, the theme's roles and the built-in leaders file, so
//! it can never list an action or a colour that is not there. Read back,
//! it is exactly the defaults (a test holds it to that).

use std::fmt::Write as _;
use std::path::Path;

use crate::ui::keymap::{self, action_name, context_name, key_config_name};
use crate::ui::keys::{BINDINGS, Context};
use crate::ui::theme::{Palette, Role};

/// A TOML string, quoted and escaped.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// `DarkGray` → `dark-gray`; `#12ab34` and `5` as they are.
fn colour_name(c: ratatui::style::Color) -> String {
    match c {
        ratatui::style::Color::Rgb(..) => c.to_string().to_lowercase(),
        _ => keymap::kebab(&c.to_string()),
    }
}

/// The default config file, with `path` (where hotline looks for it) in
/// the header. `home` is the built-in leaders file's home country.
pub fn default_config(path: Option<&Path>, home: &str) -> String {
    let mut out = String::new();
    let where_ = path.map_or_else(
        || "$XDG_CONFIG_HOME/hotline/config.toml".to_string(),
        |p| p.display().to_string(),
    );
    let _ = writeln!(out, "# hotline configuration, read from {where_}");
    out.push_str(
        "# (or --config FILE; --no-config ignores it). Everything below is the\n\
         # default: keep only what you change.\n\n\
         # Files or folders opened when hotline is given no PATHS, instead of the\n\
         # built-in corpus. `~` is your home; a relative path starts at this file's folder.\n\
         paths = []\n\n\
         # The country whose leaders define the eras: a code the leaders file lists.\n",
    );
    let _ = writeln!(out, "# home_country = {}\n", quoted(home));
    out.push_str(
        "# Colours: a name (black, red, green, yellow, blue, magenta, cyan, gray,\n\
         # dark-gray, light-red, ..., white, reset), #rrggbb, or 0-255.\n\
         # NO_COLOR in the environment still turns every colour off.\n\
         [theme]\n",
    );
    let palette = Palette::default();
    for role in Role::ALL {
        let _ = writeln!(out, "# {}", role.describe());
        let _ = writeln!(
            out,
            "{} = {}",
            role.name(),
            quoted(&colour_name(palette.get(role)))
        );
    }
    out.push_str(
        "\n# Keys, one table per context: action = [\"key\", ...]; [] unbinds the action.\n\
         # A key taken from another action of the same context must be rebound there too.\n\
         # Keys: j, G, ?, Up, Down, Left, Right, PgUp, PgDn, Home, End, Enter, Esc, Tab,\n\
         # Shift-Tab, Backspace, Del, Space, Ctrl-d, Alt-x, F1-F24. A context's keys come\n\
         # before those of the contexts behind it (list, then browse, views, global).\n",
    );
    for ctx in Context::ALL {
        let rows: Vec<_> = BINDINGS
            .iter()
            .filter(|b| b.context == ctx && !b.keys.is_empty())
            .collect();
        if rows.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n# {}", ctx.title());
        let _ = writeln!(out, "[keys.{}]", context_name(ctx));
        for b in rows {
            let keys: Vec<String> = b.keys.iter().map(|k| quoted(&key_config_name(k))).collect();
            let _ = writeln!(out, "# {}", b.help);
            let _ = writeln!(out, "{} = [{}]", action_name(&b.action), keys.join(", "));
        }
    }
    out
}
