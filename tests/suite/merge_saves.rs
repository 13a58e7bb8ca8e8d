//! Issue 19, item 11: a common copy that is not the last one the two
//! copies had in common, with no merge between to leave a mark. Every save
//! of a changed register marks it (its saving session and how many of the
//! session's saves it holds), and `merge` refuses a BASE holding a save
//! either copy lacks (a later copy of one side) or lacking one both hold
//! (an older copy), exit 2, nothing written, naming the save. The
//! reproduction: London sends its copy to Paris, both go on, and the
//! merge is given Paris's new copy (or London's own) as BASE. Before saves
//! were marked each of these exited 0 and dropped Paris's edit ("nothing
//! to take from the other copy") or took back London's.

use std::path::Path;
use std::process::Output;

use chrono::{NaiveDate, NaiveDateTime};
use coalition_desk::document::{Document, Origin};
use coalition_desk::edit;
use coalition_desk::merge::{self, NotLastCommon, Side, check_saves};
use coalition_desk::model::{CommitmentId, Register, SavingSession};
use coalition_desk::storage;
use coalition_desk::ui::app::Startup;

use crate::merge_base::{desk, text};

const LONDON: &str = "1111aaaa2222bbbb";
const PARIS: &str = "3333cccc4444dddd";
const LONDON_EDIT: &str = "Air defence missiles (London)";
const PARIS_EDIT: &str = "Demining teams (Paris)";

fn at(day: u32, hour: u32, minute: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2025, 5, day)
        .unwrap()
        .and_hms_opt(hour, minute, 0)
        .unwrap()
}

/// One office with its copy open, as the window keeps it: each change
/// goes through an edit, each save marks the register first.
struct Office {
    document: Document,
    session: &'static str,
}

impl Office {
    fn open(register: &Register, session: &'static str) -> Office {
        Office {
            document: Document::new(register.clone(), Origin::Untitled),
            session,
        }
    }

    fn change_and_save(
        &mut self,
        path: &Path,
        when: NaiveDateTime,
        change: impl FnOnce(&mut Register),
    ) -> Register {
        let mut wanted = self.document.register().clone();
        change(&mut wanted);
        let edit = edit::replace_register(self.document.register(), wanted);
        self.document.apply(edit).unwrap();
        let session = self.session;
        self.document
            .mark_next_save(|| SavingSession::new(session.to_string()), when);
        storage::save(path, self.document.register(), None).unwrap();
        self.document.register().clone()
    }
}

fn retitle(id: u64, title: &'static str) -> impl FnOnce(&mut Register) {
    move |register| {
        register
            .commitments
            .get_mut(&CommitmentId(id))
            .unwrap()
            .title = title.into()
    }
}

/// `v0.ron` the common start; London edits and saves `a1.ron`, which it
/// sends to Paris; London goes on to `a3.ron`, Paris to `b3.ron`.
fn history(dir: &Path) -> [Register; 4] {
    let v0 = crate::common::register();
    storage::save(&dir.join("v0.ron"), &v0, None).unwrap();
    let mut london = Office::open(&v0, LONDON);
    let a1 = london.change_and_save(&dir.join("a1.ron"), at(2, 10, 15), |r| {
        r.short_name = "CoW".into()
    });
    let mut paris = Office::open(&a1, PARIS);
    let a3 = london.change_and_save(&dir.join("a3.ron"), at(5, 9, 0), retitle(20, LONDON_EDIT));
    let b3 = paris.change_and_save(&dir.join("b3.ron"), at(6, 16, 40), retitle(21, PARIS_EDIT));
    [v0, a1, a3, b3]
}

fn merged(dir: &Path, base: &str, extra: &[&str]) -> Output {
    let mut args = vec!["merge", base, "a3.ron", "b3.ron", "-o", "out.ron"];
    args.extend_from_slice(extra);
    desk(dir, &args)
}

fn assert_refused(dir: &Path, output: &Output, starts: &str) -> String {
    let said = text(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{said}");
    assert!(said.starts_with(starts), "{said}");
    assert!(said.contains("nothing was written"), "{said}");
    assert!(said.contains("add --force-base"), "{said}");
    assert!(!dir.join("out.ron").exists(), "nothing written");
    said
}

#[test]
fn each_save_of_a_changed_register_is_marked_once_and_counted_per_session() {
    let dir = tempfile::tempdir().unwrap();
    let [v0, a1, a3, b3] = history(dir.path());
    assert!(v0.saves.is_empty());
    let marks = |r: &Register| -> Vec<(String, u32, NaiveDateTime)> {
        r.saves
            .iter()
            .map(|m| (m.session.clone(), m.saves, m.saved))
            .collect()
    };
    assert_eq!(marks(&a1), [(LONDON.to_string(), 1, at(2, 10, 15))]);
    assert_eq!(marks(&a3), [(LONDON.to_string(), 2, at(5, 9, 0))]);
    assert_eq!(
        marks(&b3),
        [
            (LONDON.to_string(), 1, at(2, 10, 15)),
            (PARIS.to_string(), 1, at(6, 16, 40))
        ]
    );
    // The file says so, and is version 8.
    let text = std::fs::read_to_string(dir.path().join("b3.ron")).unwrap();
    assert!(text.contains("version: 8,"), "{}", &text[..200]);
    assert_eq!(
        storage::load(&dir.path().join("b3.ron")).unwrap().register,
        b3
    );

    // A save of an unchanged register marks nothing new; an undo back to
    // a state already marked is that state again.
    let mut office = Office::open(&a3, LONDON);
    office
        .document
        .mark_next_save(|| SavingSession::new("ffff".into()), at(7, 1, 0));
    assert_eq!(office.document.register().saves, a3.saves);
    let later = office.change_and_save(&dir.path().join("a4.ron"), at(7, 2, 0), |r| {
        r.name.push('!')
    });
    assert_eq!(later.saves[0].saves, 1, "a new session for a new document");
    let second = office.change_and_save(&dir.path().join("a5.ron"), at(7, 3, 0), |r| {
        r.name.push('?')
    });
    assert_eq!(second.saves[0].saves, 2);
    assert!(office.document.undo());
    office
        .document
        .mark_next_save(|| SavingSession::new("ffff".into()), at(7, 4, 0));
    assert_eq!(
        office.document.register().saves[0].saves,
        3,
        "the state undone to was changed since the last mark: a save of its own"
    );
}

#[test]
fn the_other_offices_new_copy_given_as_base_is_refused_naming_the_save() {
    let dir = tempfile::tempdir().unwrap();
    let [_, a1, a3, b3] = history(dir.path());
    let before = std::fs::read(dir.path().join("a3.ron")).unwrap();
    let said = assert_refused(
        dir.path(),
        &merged(dir.path(), "b3.ron", &[]),
        "The common copy is not the last copy the two copies had in common: it holds the save of \
         2025-05-06 16:40:00 (save 1 of session 3333cccc), which a3.ron does not come from, so \
         it was made after the two copies parted",
    );
    assert!(
        said.contains(
            "the last copy both come from is the one the save of 2025-05-02 10:15:00 (save 1 of \
             session 1111aaaa) made"
        ),
        "{said}"
    );
    assert_eq!(std::fs::read(dir.path().join("a3.ron")).unwrap(), before);
    // The same in the library, which the window uses.
    assert_eq!(
        check_saves(&b3, &a3, &b3).map_err(|e| *e),
        Err(NotLastCommon::Later {
            save: b3.saves[1].clone(),
            missing_from: Side::Ours,
            expected: Some(a1.saves[0].clone()),
        })
    );
    // Forced, it merges from it, and Paris's edit is lost, as before.
    let forced = merged(dir.path(), "b3.ron", &["--force-base"]);
    assert_eq!(forced.status.code(), Some(0), "{}", text(&forced.stderr));
    let out = storage::load(&dir.path().join("out.ron")).unwrap().register;
    assert_ne!(out.commitments[&CommitmentId(21)].title, PARIS_EDIT);
}

#[test]
fn this_offices_own_copy_given_as_base_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let [_, _, a3, b3] = history(dir.path());
    assert_refused(
        dir.path(),
        &merged(dir.path(), "a3.ron", &[]),
        "The common copy is not the last copy the two copies had in common: it holds the save of \
         2025-05-05 09:00:00 (save 2 of session 1111aaaa), which b3.ron does not come from, so \
         it was made after the two copies parted",
    );
    assert!(matches!(
        check_saves(&a3, &a3, &b3).map_err(|e| *e),
        Err(NotLastCommon::Later {
            missing_from: Side::Theirs,
            ..
        })
    ));
}

#[test]
fn a_copy_older_than_the_one_exchanged_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let [v0, a1, a3, b3] = history(dir.path());
    assert_refused(
        dir.path(),
        &merged(dir.path(), "v0.ron", &[]),
        "The common copy is older than the last copy the two copies had in common: both come \
         from the save of 2025-05-02 10:15:00 (save 1 of session 1111aaaa), which the common \
         copy does not hold",
    );
    assert_eq!(
        check_saves(&v0, &a3, &b3).map_err(|e| *e),
        Err(NotLastCommon::Older {
            save: a1.saves[0].clone(),
            expected: Some(a1.saves[0].clone()),
        })
    );
}

#[test]
fn the_copy_exchanged_merges_both_edits_and_the_result_comes_from_every_save() {
    let dir = tempfile::tempdir().unwrap();
    let [_, a1, a3, b3] = history(dir.path());
    assert_eq!(check_saves(&a1, &a3, &b3), Ok(()));
    let output = merged(dir.path(), "a1.ron", &[]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let out = storage::load(&dir.path().join("out.ron")).unwrap().register;
    assert_eq!(out.commitments[&CommitmentId(20)].title, LONDON_EDIT);
    assert_eq!(out.commitments[&CommitmentId(21)].title, PARIS_EDIT);
    // London's second save, Paris's first, and the merge's own save.
    let counts: Vec<(&str, u32)> = out
        .saves
        .iter()
        .filter(|m| m.session == LONDON || m.session == PARIS)
        .map(|m| (m.session.as_str(), m.saves))
        .collect();
    assert_eq!(counts, [(LONDON, 2), (PARIS, 1)]);
    assert_eq!(out.saves.len(), 3, "{:?}", out.saves);
    // The next exchange: Paris takes the result on; it is their common
    // copy, and the copies it came from are older.
    assert_eq!(check_saves(&out, &out, &out), Ok(()));
    assert!(check_saves(&a1, &out, &out).is_err());
    // Copies whose saves were never marked merge as before.
    let plain = crate::common::register();
    assert_eq!(check_saves(&plain, &plain, &plain), Ok(()));
    assert_eq!(
        merge::check_saves(&plain, &a3, &plain),
        Ok(()),
        "nothing both hold: an unmarked common copy is the last"
    );
}

#[test]
fn the_window_marks_a_save_only_when_the_register_changed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("coalition.ron");
    let mut harness = crate::app_harness::harness(Startup::Sample);
    assert!(crate::app_harness::save_to(&mut harness, &path));
    let untouched = storage::load(&path).unwrap().register;
    assert!(
        untouched.saves.is_empty(),
        "the sample as it is: no save of a change"
    );
    let before = std::fs::read(&path).unwrap();
    assert!(crate::app_harness::save(&mut harness));
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "nothing changed, nothing marked"
    );

    crate::app_harness::click(&mut harness, "New participant");
    crate::ui_merge::type_into(&mut harness, "Name", "Ruritania");
    assert!(crate::app_harness::save(&mut harness));
    let first = storage::load(&path).unwrap().register;
    assert_eq!(first.saves.len(), 1);
    assert_eq!(first.saves[0].saves, 1);
    crate::ui_merge::type_into(&mut harness, "Name", "Ruritania and Grand Fenwick");
    assert!(crate::app_harness::save(&mut harness));
    let second = storage::load(&path).unwrap().register;
    assert_eq!(second.saves.len(), 1);
    assert_eq!(second.saves[0].session, first.saves[0].session);
    assert_eq!(second.saves[0].saves, 2);
    assert_eq!(second.saves[0].session.len(), 16);
}

#[test]
fn an_impossible_save_time_is_refused_with_its_place_and_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let [_, _, _, b3] = history(dir.path());
    let path = dir.path().join("b3.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    let when = b3.saves[1].saved.format("%Y-%m-%dT%H:%M:%S").to_string();
    assert!(text.contains(&when), "{when}");
    let broken = text.replace(&when, "2025-13-06T16:40:00");
    std::fs::write(&path, &broken).unwrap();
    let output = desk(dir.path(), &["check", "b3.ron"]);
    let said = text_of(&output.stderr, &output.stdout);
    assert_eq!(output.status.code(), Some(1), "{said}");
    assert!(
        said.contains(
            "2025-13-06T16:40:00 is not a date and time (2025-13-06 is not a date: months run \
             from 01 to 12)"
        ),
        "{said}"
    );
    assert!(said.starts_with("b3.ron:"), "the file and its line: {said}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), broken, "untouched");
}

fn text_of(stderr: &[u8], stdout: &[u8]) -> String {
    format!("{}{}", text(stderr), text(stdout))
}
