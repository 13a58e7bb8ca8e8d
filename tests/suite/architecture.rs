//! The arrows ARCHITECTURE.md draws between the parts of `src/`, held to
//! the code: every `crate::` path in a part's files (and every `super::`
//! path that climbs to the crate's root) names a part its row of the
//! table ("What each part may use") allows, no part but the window and
//! `main.rs` names egui or eframe, and a part whose row says "never the
//! clock" or "never I/O" does not read the time of day or touch files,
//! processes or the terminal. The table is read from the document itself,
//! so the two cannot drift apart.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// What a part may do, from its row of ARCHITECTURE.md's table.
#[derive(Clone)]
struct Row {
    /// The parts of the crate it may use; `None` for everything.
    uses: Option<BTreeSet<String>>,
    /// Its last column says "the clock".
    never_the_clock: bool,
    /// Its last column says "I/O".
    never_io: bool,
}

/// The rows of ARCHITECTURE.md's table: its first column names the parts
/// (`` `edit`, `document` ``), its second the parts of the crate they may
/// use (`—` for none, `everything`), its last what they never do.
fn allowed_arrows(architecture: &str) -> BTreeMap<String, Row> {
    let table = architecture
        .split("### What each part may use")
        .nth(1)
        .expect("ARCHITECTURE.md has the table of what each part may use");
    let mut allowed = BTreeMap::new();
    for row in table
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
    {
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        let (Some(parts), Some(uses)) = (cells.get(1), cells.get(2)) else {
            continue;
        };
        let never = cells.get(4).copied().unwrap_or_default();
        let row = Row {
            uses: (!uses.contains("everything")).then(|| quoted(uses).into_iter().collect()),
            never_the_clock: never.contains("the clock"),
            never_io: never.contains("I/O"),
        };
        for part in quoted(parts) {
            allowed.insert(part, row.clone());
        }
    }
    allowed
}

/// The names written between backticks in a cell.
fn quoted(cell: &str) -> Vec<String> {
    cell.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// Every `.rs` file below `dir`.
fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// The part a file of `src/` belongs to: `src/model/ids.rs` → `model`,
/// `src/edit.rs` and `src/edit/one_action.rs` → `edit`.
fn part_of(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).unwrap();
    let first = relative
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    first.trim_end_matches(".rs").to_owned()
}

/// The code of a file without its comments and without its unit tests
/// (from `#[cfg(test)]` on: tests may build what they need from anywhere).
fn code_of(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or_default();
    text.lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The parts of the crate a file's code names: `crate::model::…`, and
/// each name in `crate::{model, storage}`.
fn parts_named(code: &str) -> BTreeSet<String> {
    let mut named = BTreeSet::new();
    for (index, _) in code.match_indices("crate::") {
        // `coalition_desk::crate::` does not occur; `$crate::` is a macro's
        // own path to `cli::out`, which the macro's part names anyway.
        if code[..index].ends_with('$') {
            continue;
        }
        let rest = code[index + "crate::".len()..].trim_start();
        if let Some(group) = rest.strip_prefix('{') {
            let group = group.split('}').next().unwrap_or_default();
            named.extend(top_level_names(group));
        } else {
            named.insert(leading_name(rest));
        }
    }
    named.retain(|name| !name.is_empty());
    named
}

/// How many `super::` climb from `file` to the crate's root:
/// `src/edit.rs` and `src/model/mod.rs` 1, `src/model/ids.rs` 2.
fn depth_of(src: &Path, file: &Path) -> usize {
    let relative = file.strip_prefix(src).unwrap();
    let components = relative.components().count();
    if relative.ends_with("mod.rs") {
        components - 1
    } else {
        components
    }
}

/// The parts of the crate a file's `super::` paths reach from the root,
/// `depth` climbs up (see [`depth_of`]).
fn parts_reached_by_super(code: &str, depth: usize) -> BTreeSet<String> {
    let mut named = BTreeSet::new();
    if depth == 0 {
        return named;
    }
    let climb = "super::".repeat(depth);
    for (index, _) in code.match_indices(&climb) {
        // The start of a chain, not its middle.
        if code[..index].ends_with("super::") {
            continue;
        }
        let rest = &code[index + climb.len()..];
        if rest.starts_with("super::") {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            let group = group.split('}').next().unwrap_or_default();
            named.extend(top_level_names(group));
        } else {
            named.insert(leading_name(rest));
        }
    }
    named.retain(|name| !name.is_empty());
    named
}

/// What reads the time of day (a timer such as `Instant` measures a
/// wait, not the day, and is not the clock).
const THE_CLOCK: [&str; 5] = [
    "SystemTime::now",
    "Local::now",
    "Utc::now",
    "Zoned::now",
    "Timestamp::now",
];

/// What touches files, processes, the network or the terminal.
const IO: [&str; 9] = [
    "std::fs",
    "File::open",
    "File::create",
    "std::process",
    "std::net",
    "std::env",
    "println!",
    "eprintln!",
    "stdin()",
];

/// The first name of each path in `a, b::{c, d}, e`.
fn top_level_names(group: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut depth = 0;
    let mut start = true;
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => start = true,
            c if start && !c.is_whitespace() => {
                names.push(leading_name(&group[i..]));
                start = false;
            }
            _ => {}
        }
    }
    names
}

fn leading_name(path: &str) -> String {
    path.chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// Every arrow in `src/` that the table does not allow, as
/// `file: part → named`.
fn forbidden_arrows(src: &Path, architecture: &str) -> Vec<String> {
    let allowed = allowed_arrows(architecture);
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files.sort();
    let mut forbidden = Vec::new();
    for file in files {
        let part = part_of(src, &file);
        let code = code_of(&std::fs::read_to_string(&file).unwrap());
        let shown = file.strip_prefix(src).unwrap().display().to_string();
        let Some(may_use) = allowed.get(&part) else {
            forbidden.push(format!("{shown}: part `{part}` has no row in the table"));
            continue;
        };
        for (never, what, words) in [
            (may_use.never_the_clock, "the clock", &THE_CLOCK[..]),
            (may_use.never_io, "I/O", &IO[..]),
        ] {
            for word in words.iter().filter(|word| never && code.contains(**word)) {
                forbidden.push(format!("{shown}: {part} → {what} ({word})"));
            }
        }
        let Some(may_use) = &may_use.uses else {
            continue;
        };
        let mut named = parts_named(&code);
        named.extend(parts_reached_by_super(&code, depth_of(src, &file)));
        for named in named {
            if named != part && named != "self" && named != "super" && !may_use.contains(&named) {
                forbidden.push(format!("{shown}: {part} → {named}"));
            }
        }
        for window in ["egui", "eframe", "egui_extras", "egui_plot", "rfd"] {
            if code.contains(&format!("{window}::")) {
                forbidden.push(format!("{shown}: {part} → {window} (only the window may)"));
            }
        }
    }
    forbidden
}

/// Pairs of sibling files of the core (everything but the window, whose
/// `OnTop` and overlays name each other's types by design) that import
/// each other: a part split by purpose uses its pieces one way, or makes
/// one the other's child.
fn siblings_importing_each_other(src: &Path) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let mut uses: BTreeMap<PathBuf, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let Some(name) = file.file_stem().map(|n| n.to_string_lossy().into_owned()) else {
            continue;
        };
        let relative = file.strip_prefix(src).unwrap();
        if ["mod", "lib", "main"].contains(&name.as_str()) || relative.starts_with("ui") {
            continue;
        }
        let code = code_of(&std::fs::read_to_string(file).unwrap());
        // `super::x` names a sibling; `super::super::x` does not.
        let mut named = BTreeSet::new();
        for (index, _) in code.match_indices("super::") {
            let before = &code[..index];
            let rest = &code[index + "super::".len()..];
            if before.ends_with("super::") || rest.starts_with("super::") {
                continue;
            }
            match rest.strip_prefix('{') {
                Some(group) => named.extend(top_level_names(group.split('}').next().unwrap())),
                None => {
                    named.insert(leading_name(rest));
                }
            }
        }
        named.remove(&name);
        uses.insert(file.with_extension(""), named);
    }
    let mut pairs = Vec::new();
    for (file, named) in &uses {
        for other in named {
            let sibling = file.with_file_name(other);
            if file < &sibling
                && uses.get(&sibling).is_some_and(|back| {
                    file.file_name()
                        .is_some_and(|me| back.contains(&*me.to_string_lossy()))
                })
            {
                let shown = file.strip_prefix(src).unwrap().display();
                pairs.push(format!("{shown} ↔ {other}"));
            }
        }
    }
    pairs
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn architecture() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("ARCHITECTURE.md")).unwrap()
}

#[test]
fn every_arrow_in_src_is_one_the_table_allows() {
    let forbidden = forbidden_arrows(&src(), &architecture());
    assert!(
        forbidden.is_empty(),
        "arrows ARCHITECTURE.md forbids:\n{}",
        forbidden.join("\n")
    );
}

#[test]
fn no_two_files_of_the_core_import_each_other() {
    let pairs = siblings_importing_each_other(&src());
    assert!(
        pairs.is_empty(),
        "files that import each other (split by purpose, one uses the other, or make one the child):\n{}",
        pairs.join("\n")
    );
}

#[test]
fn two_files_importing_each_other_are_found() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report");
    std::fs::create_dir(&report).unwrap();
    std::fs::write(
        report.join("summary.rs"),
        "use super::{head::Head, parts};\n",
    )
    .unwrap();
    std::fs::write(report.join("parts.rs"), "use super::summary::Summary;\n").unwrap();
    // One way, and a child naming its parent, are fine.
    std::fs::write(
        report.join("head.rs"),
        "use super::super::model::Register;\n",
    )
    .unwrap();
    std::fs::create_dir(report.join("parts")).unwrap();
    std::fs::write(report.join("parts").join("grid.rs"), "use super::Listed;\n").unwrap();
    assert_eq!(
        siblings_importing_each_other(dir.path()),
        ["report/parts ↔ summary".to_owned()]
    );
}

#[test]
fn every_module_of_the_library_has_a_row_in_the_table() {
    let allowed = allowed_arrows(&architecture());
    let lib = std::fs::read_to_string(src().join("lib.rs")).unwrap();
    let modules: Vec<&str> = lib
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod "))
        .map(|m| m.trim_end_matches(';'))
        .collect();
    assert!(modules.len() > 10, "lib.rs lists the parts: {modules:?}");
    for module in modules {
        assert!(
            allowed.contains_key(module),
            "`{module}` has no row in ARCHITECTURE.md's table"
        );
    }
}

#[test]
fn a_forbidden_arrow_is_found() {
    // The checker itself: a model file naming storage, and one naming
    // egui, are both caught; a unit test module is not read; a `super::`
    // path that climbs to the root is read as a `crate::` one, one that
    // stays within the part is not; the clock and a file are caught where
    // the row says never, and not where it does not.
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("model");
    std::fs::create_dir(&model).unwrap();
    std::fs::write(
        model.join("bad.rs"),
        "use crate::{storage::load, model::Register};\nfn f(ui: &mut egui::Ui) {}\n\
         use super::super::calendar::Ics;\nuse super::ids::Id;\n\
         fn g() { let _ = std::time::SystemTime::now(); }\n\
         #[cfg(test)]\nmod tests { use crate::edit::Edit; }\n",
    )
    .unwrap();
    std::fs::write(
        model.join("mod.rs"),
        "use super::{edit::Edit, model};\nfn h() { std::fs::read(\"x\"); }\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("edit.rs"),
        "use super::model::Register;\nfn now() { chrono::Local::now(); }\n",
    )
    .unwrap();
    let table = "### What each part may use\n\n| part | may use | outside | never |\n\
                 | --- | --- | --- | --- |\n\
                 | `model` | — | | egui, I/O, the clock |\n| `edit` | `model` | | egui |\n";
    assert_eq!(
        forbidden_arrows(dir.path(), table),
        [
            "model/bad.rs: model → the clock (SystemTime::now)".to_owned(),
            "model/bad.rs: model → calendar".to_owned(),
            "model/bad.rs: model → storage".to_owned(),
            "model/bad.rs: model → egui (only the window may)".to_owned(),
            "model/mod.rs: model → I/O (std::fs)".to_owned(),
            "model/mod.rs: model → edit".to_owned(),
        ]
    );
}
