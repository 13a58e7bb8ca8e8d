//! `merge` as git's merge driver, set up with the two lines the README
//! gives, in a real repository in a temporary folder: two branches edit
//! the register apart and `git merge` brings them together record by
//! record, or reports the file conflicted with both values kept in it.
//! Skipped, saying so, only where git is not installed.

use std::path::PathBuf;
use std::process::{Command, Output};

use coalition_desk::document::{Document, Origin};
use coalition_desk::model::{CommitmentId, Register};
use coalition_desk::new_records;
use coalition_desk::storage;

use crate::common::{date, today};

const FILE: &str = "register.ron";

/// A git repository with the register committed on `main` and the driver
/// configured as the README says.
struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    /// `None`, with the reason printed, when git is not installed.
    fn new() -> Option<Repo> {
        if Command::new("git").arg("--version").output().is_err() {
            println!("skipped: git is not installed, so its merge driver cannot be tried");
            return None;
        }
        let repo = Repo {
            dir: tempfile::tempdir().unwrap(),
        };
        repo.git(&["init", "-q", "-b", "main"]);
        repo.git(&["config", "user.name", "London secretariat"]);
        repo.git(&["config", "user.email", "secretariat@example.org"]);
        let (attributes, driver) = readme_lines();
        std::fs::write(repo.path(".gitattributes"), format!("{attributes}\n")).unwrap();
        repo.git(&["config", "merge.coalition-desk.driver", &driver]);
        repo.save(&crate::common::register());
        repo.git(&["add", ".gitattributes", FILE]);
        repo.git(&["commit", "-q", "-m", "The register as both offices have it"]);
        Some(repo)
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Runs git in the repository, apart from the machine's and the user's
    /// own git settings (a test changes no global configuration).
    fn run(&self, args: &[&str]) -> Output {
        Command::new("git")
            .args(args)
            .current_dir(self.dir.path())
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_EDITOR", "true")
            .env_remove("RUST_LOG")
            .output()
            .unwrap()
    }

    /// Runs git and insists that it succeeds; its standard output.
    fn git(&self, args: &[&str]) -> String {
        let output = self.run(args);
        assert!(
            output.status.success(),
            "git {args:?} failed:\n{}{}",
            text(&output.stdout),
            text(&output.stderr)
        );
        text(&output.stdout)
    }

    /// Writes the register as the app would, without a backup beside it.
    fn save(&self, register: &Register) {
        let path = self.path(FILE);
        std::fs::write(&path, storage::to_ron(register, &path).unwrap()).unwrap();
    }

    fn load(&self) -> Register {
        storage::load(&self.path(FILE)).unwrap().register
    }

    /// Edits the register on `branch` (made from `main` when new) and
    /// commits the change.
    fn commit_on(&self, branch: &str, new: bool, edit: impl FnOnce(&mut Register)) {
        if new {
            self.git(&["checkout", "-q", "-b", branch, "main"]);
        } else {
            self.git(&["checkout", "-q", branch]);
        }
        let mut register = self.load();
        edit(&mut register);
        self.save(&register);
        self.git(&["commit", "-q", "-am", &format!("Edited on {branch}")]);
    }

    /// `check` on the register in the work tree: its exit code and output.
    fn check(&self) -> (Option<i32>, String) {
        let output = Command::new(env!("CARGO_BIN_EXE_coalition-desk"))
            .arg("check")
            .arg(self.path(FILE))
            .output()
            .unwrap();
        (output.status.code(), text(&output.stdout))
    }
}

/// The `.gitattributes` line and the driver the README tells the officer
/// to configure, with `coalition-desk` replaced by the built program.
fn readme_lines() -> (String, String) {
    let readme = include_str!("../../README.md");
    let attributes = readme
        .lines()
        .map(str::trim)
        .find(|line| line.starts_with("*.ron") && line.contains("merge=coalition-desk"))
        .expect("the README gives the .gitattributes line");
    let config = readme
        .lines()
        .map(str::trim)
        .find(|line| line.starts_with("git config merge.coalition-desk.driver \""))
        .expect("the README gives the git config line");
    let quoted = &config[config.find('"').unwrap() + 1..config.rfind('"').unwrap()];
    assert_eq!(
        quoted,
        "coalition-desk merge %O %A %B -o %A --shown-as %P --force-base"
    );
    let program = env!("CARGO_BIN_EXE_coalition-desk");
    let driver = quoted.replacen("coalition-desk", &format!("'{program}'"), 1);
    (attributes.to_string(), driver)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Appends an office's wording to a commitment's title.
fn retitle(register: &mut Register, id: u64, wording: &str) {
    let commitment = register.commitments.get_mut(&CommitmentId(id)).unwrap();
    commitment.title = format!("{} ({wording})", commitment.title);
}

/// Adds a commitment the way the app's New button does, then names it.
fn add_commitment(register: &mut Register, title: &str) {
    let mut doc = Document::new(register.clone(), Origin::Untitled);
    let (id, edit) = new_records::commitment(doc.register(), None, today()).unwrap();
    doc.apply(edit).unwrap();
    *register = doc.register().clone();
    register.commitments.get_mut(&id).unwrap().title = title.into();
}

fn titled<'a>(register: &'a Register, title: &str) -> Vec<&'a CommitmentId> {
    register
        .commitments
        .iter()
        .filter(|(_, c)| c.title == title)
        .map(|(id, _)| id)
        .collect()
}

/// What is not committed or is conflicted, as `git status --porcelain`
/// lists it: junk the driver left in the work tree would show here.
fn status(repo: &Repo) -> String {
    repo.git(&["status", "--porcelain"])
}

#[test]
fn branches_that_edit_apart_merge_cleanly_through_the_driver() {
    let Some(repo) = Repo::new() else { return };
    repo.commit_on("paris", true, |register| {
        retitle(register, 21, "Paris");
        register.commitments.get_mut(&CommitmentId(22)).unwrap().due = Some(date(2026, 3, 31));
        add_commitment(register, "Bridging equipment (Paris)");
    });
    repo.commit_on("main", false, |register| {
        retitle(register, 20, "London");
        register
            .commitments
            .get_mut(&CommitmentId(22))
            .unwrap()
            .conditions = "Once the factory is built".into();
        add_commitment(register, "Counter-battery radars (London)");
    });

    let output = repo.run(&["merge", "-m", "Paris's copy merged", "paris"]);
    assert!(
        output.status.success(),
        "{}{}",
        text(&output.stdout),
        text(&output.stderr)
    );
    // Merged and committed, and nothing left beside it (no OURS.bak).
    assert_eq!(status(&repo), "");
    assert_eq!(
        repo.git(&["log", "-1", "--format=%s"]).trim(),
        "Paris's copy merged"
    );

    let merged = repo.load();
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    let title = |id| merged.commitment(CommitmentId(id)).unwrap().title.clone();
    assert_eq!(title(20), "Air defence missiles (London)");
    assert_eq!(title(21), "Demining teams (Paris)");
    let both = merged.commitment(CommitmentId(22)).unwrap();
    assert_eq!(both.due, Some(date(2026, 3, 31)));
    assert_eq!(both.conditions, "Once the factory is built");
    // Both offices' new commitments got the same number in their copies;
    // a line-by-line merge cannot keep both, the driver renumbers one.
    let london = titled(&merged, "Counter-battery radars (London)");
    let paris = titled(&merged, "Bridging equipment (Paris)");
    assert_eq!((london.len(), paris.len()), (1, 1));
    assert_ne!(london, paris);

    let (code, said) = repo.check();
    assert_eq!(code, Some(0), "{said}");
}

#[test]
fn the_same_field_changed_on_both_branches_leaves_the_file_conflicted_with_both_values() {
    let Some(repo) = Repo::new() else { return };
    repo.commit_on("paris", true, |register| retitle(register, 20, "Paris"));
    repo.commit_on("main", false, |register| retitle(register, 20, "London"));

    let output = repo.run(&["merge", "-m", "Paris's copy merged", "paris"]);
    assert!(!output.status.success(), "{}", text(&output.stdout));
    // What the driver prints names the register, not git's temporary copy.
    let printed = format!("{}{}", text(&output.stdout), text(&output.stderr));
    assert!(printed.contains(&format!("{FILE}: Merged: ")), "{printed}");
    assert!(!printed.contains(".merge_file_"), "{printed}");
    assert_eq!(
        repo.git(&["diff", "--name-only", "--diff-filter=U"]),
        format!("{FILE}\n")
    );
    assert_eq!(status(&repo), format!("UU {FILE}\n"));

    // No conflict markers: the file is a register, ours applied and
    // theirs kept in its conflicts.
    let text_of_file = std::fs::read_to_string(repo.path(FILE)).unwrap();
    assert!(!text_of_file.contains("<<<<<<<"));
    let merged = repo.load();
    assert_eq!(
        merged.commitment(CommitmentId(20)).unwrap().title,
        "Air defence missiles (London)"
    );
    assert_eq!(merged.conflicts.len(), 1, "{:?}", merged.conflicts);
    let conflict = &merged.conflicts[0];
    assert_eq!(conflict.field, "title");
    assert_eq!(
        conflict.theirs.as_deref(),
        Some("\"Air defence missiles (Paris)\"")
    );

    let (code, said) = repo.check();
    assert_eq!(code, Some(1), "{said}");
    assert!(
        said.contains(
            "The commitment “Air defence missiles (London)” of United Kingdom \
             was changed in both copies"
        ),
        "{said}"
    );
    assert!(said.contains("\"Air defence missiles (Paris)\""), "{said}");
    // The copies are git's temporary files: the sides are named as
    // branches, not by those files' names.
    assert_eq!(
        (
            conflict.ours_office.as_str(),
            conflict.theirs_office.as_str()
        ),
        ("this branch", "the merged branch")
    );
    assert!(!said.contains(".merge_file_"), "{said}");
}

#[test]
fn merging_again_after_both_branches_went_on_from_a_merge_is_clean() {
    // git hands the driver the last common copy (the first merge), which
    // holds the mark both branches hold: nothing is refused, nothing
    // duplicated.
    let Some(repo) = Repo::new() else { return };
    repo.commit_on("paris", true, |register| {
        add_commitment(register, "Bridging equipment (Paris)");
    });
    repo.commit_on("main", false, |register| retitle(register, 20, "London"));
    repo.git(&["merge", "-q", "-m", "Paris's copy merged", "paris"]);
    repo.git(&["checkout", "-q", "paris"]);
    repo.git(&["merge", "-q", "--ff-only", "main"]);
    repo.commit_on("paris", false, |register| {
        let id = *titled(register, "Bridging equipment (Paris)")[0];
        register.commitments.get_mut(&id).unwrap().title = "Bridging equipment (revised)".into();
    });
    repo.commit_on("main", false, |register| retitle(register, 21, "London"));

    let output = repo.run(&["merge", "-m", "Paris's copy merged again", "paris"]);
    assert!(
        output.status.success(),
        "{}{}",
        text(&output.stdout),
        text(&output.stderr)
    );
    assert_eq!(status(&repo), "");
    let merged = repo.load();
    assert_eq!(titled(&merged, "Bridging equipment (revised)").len(), 1);
    assert!(titled(&merged, "Bridging equipment (Paris)").is_empty());
    assert_eq!(merged.merges.len(), 2, "{:?}", merged.merges);
    let (code, said) = repo.check();
    assert_eq!(code, Some(0), "{said}");
}
