//! What the merge cannot settle alone: ours applied, theirs kept beside
//! it, named by `check`, refused by every document, and written to and
//! read from the file like the rest of the register.

use coalition_desk::model::*;

use super::{DEMINING, MISSILES, commitment, merged, now};
use crate::common::{FRA, MINISTERS, date, register, today};

#[test]
fn the_same_field_changed_differently_keeps_ours_and_theirs_beside_it() {
    let base = register();
    let mut ours = base.clone();
    commitment(&mut ours, MISSILES).due = Some(date(2026, 3, 31));
    let mut theirs = base.clone();
    commitment(&mut theirs, MISSILES).due = Some(date(2026, 6, 30));

    let result = merged(&base, &ours, &theirs);
    assert_eq!(
        result.register.commitment(MISSILES).unwrap().due,
        Some(date(2026, 3, 31))
    );
    let conflict = Conflict {
        record: Some(Record::Commitment(MISSILES)),
        field: "due".into(),
        ours: Some("Some(\"2026-03-31\")".into()),
        theirs: Some("Some(\"2026-06-30\")".into()),
        ours_office: "LON".into(),
        theirs_office: "PAR".into(),
        merged: now(),
        name: String::new(),
        compared: false,
        broken_rule: String::new(),
    };
    assert_eq!(result.conflicts, vec![conflict.clone()]);
    assert_eq!(result.register.conflicts, vec![conflict]);
    assert_eq!(
        result.summary.to_string(),
        "Merged: nothing to take from the other copy; 1 conflict to resolve"
    );
}

#[test]
fn a_conflict_is_a_problem_for_check_and_refuses_documents_that_include_the_record() {
    let base = register();
    let mut ours = base.clone();
    commitment(&mut ours, MISSILES).title = "Air defence missiles (ASRAAM)".into();
    let mut theirs = base.clone();
    commitment(&mut theirs, MISSILES).title = "Missiles for air defence".into();
    let register = merged(&base, &ours, &theirs).register;

    assert!(
        base.validate(today()).is_empty(),
        "{:?}",
        base.validate(today())
    );
    let problems = register.validate(today());
    assert_eq!(
        problems
            .iter()
            .map(|p| p.message.as_str())
            .collect::<Vec<_>>(),
        vec![
            "The commitment “Air defence missiles (ASRAAM)” of United Kingdom was changed in \
             both copies (merged 2025-05-02 10:15): the title is \"Air defence missiles \
             (ASRAAM)\" in LON's copy, which is applied, and \"Missiles for air defence\" in \
             PAR's; choose one"
        ]
    );
    assert_eq!(problems[0].record, Some(Record::Commitment(MISSILES)));
    assert_eq!(
        register.marking_refusals(&[Record::Commitment(MISSILES)]),
        vec![
            "The commitment “Air defence missiles (ASRAAM)” of United Kingdom is in conflict \
             between two copies of the register (the title), so what the document would say is \
             not settled; resolve the conflict first"
        ]
    );
    assert!(
        register
            .marking_refusals(&[Record::Commitment(DEMINING)])
            .is_empty()
    );
    let summary = coalition_desk::report::meeting_summary(
        &register,
        MINISTERS,
        &coalition_desk::report::SummaryOptions::default(),
        today(),
    )
    .unwrap();
    // The meeting's summary prints the missiles commitment announced there.
    assert!(
        summary
            .refusals
            .iter()
            .any(|r| r.contains("is in conflict")),
        "{:?}",
        summary.refusals
    );
}

#[test]
fn deleted_on_one_side_and_changed_on_the_other_is_a_conflict_that_loses_nothing() {
    let base = register();
    let mut ours = base.clone();
    ours.commitments.remove(&MISSILES);
    commitment(&mut ours, DEMINING).title = "Demining teams (Kharkiv)".into();
    let mut theirs = base.clone();
    commitment(&mut theirs, MISSILES).title = "Missiles for air defence".into();
    theirs.commitments.remove(&DEMINING);

    let result = merged(&base, &ours, &theirs);
    // Ours is applied both ways: deleted stays deleted, changed stays.
    assert_eq!(result.register.commitment(MISSILES), None);
    assert_eq!(
        result.register.commitment(DEMINING).unwrap().title,
        "Demining teams (Kharkiv)"
    );
    let [missiles, demining] = result.conflicts.as_slice() else {
        panic!("two conflicts: {:?}", result.conflicts)
    };
    assert_eq!(missiles.record, Some(Record::Commitment(MISSILES)));
    assert_eq!((missiles.field.as_str(), &missiles.ours), ("", &None));
    let kept: Commitment = ron::from_str(missiles.theirs.as_deref().unwrap()).unwrap();
    assert_eq!(kept, *theirs.commitment(MISSILES).unwrap());
    assert_eq!(demining.record, Some(Record::Commitment(DEMINING)));
    assert_eq!(demining.theirs, None);
    let problems: Vec<String> = result
        .register
        .validate(today())
        .into_iter()
        .map(|p| p.message)
        .collect();
    assert_eq!(
        problems[0],
        "The commitment “Missiles for air defence” of United Kingdom was deleted in LON's copy \
         but changed in PAR's (merged 2025-05-02 10:15); it stays deleted until you choose, and PAR's version \
         is kept among the register's conflicts"
    );
    assert_eq!(
        problems[1],
        "The commitment “Demining teams (Kharkiv)” of France was changed in LON's copy but \
         deleted in PAR's (merged 2025-05-02 10:15); it is kept until you choose whether to \
         delete it"
    );
}

#[test]
fn the_same_attendance_row_changed_differently_is_a_conflict_named_by_participant() {
    let base = register();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    for (side, status) in [
        (&mut ours, AttendanceStatus::Represented),
        (&mut theirs, AttendanceStatus::Apologies),
    ] {
        let meeting = side.meetings.get_mut(&MINISTERS).unwrap();
        meeting.attendance.get_mut(&FRA).unwrap().status = status;
    }
    let result = merged(&base, &ours, &theirs);
    assert_eq!(result.conflicts.len(), 1);
    assert_eq!(result.conflicts[0].field, "attendance[3]");
    let problems = result.register.validate(today());
    assert!(
        problems[0]
            .message
            .contains(": the attendance of France is Some((status:Represented"),
        "{}",
        problems[0].message
    );
}

#[test]
fn a_merged_register_with_conflicts_survives_saving_and_loading() {
    let base = register();
    let mut ours = base.clone();
    commitment(&mut ours, MISSILES).title = "Ours".into();
    ours.commitments.remove(&DEMINING);
    let mut theirs = base.clone();
    commitment(&mut theirs, MISSILES).title = "Theirs".into();
    commitment(&mut theirs, DEMINING).title = "Theirs too".into();
    let register = merged(&base, &ours, &theirs).register;
    assert_eq!(register.conflicts.len(), 2);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("merged.ron");
    coalition_desk::storage::save(&path, &register, None).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("record: Some(Commitment(20)),"), "{text}");
    assert!(text.contains("merged: \"2025-05-02T10:15:00\","), "{text}");
    assert_eq!(
        coalition_desk::storage::load(&path).unwrap().register,
        register
    );
    // A register without conflicts writes no conflicts list at all.
    coalition_desk::storage::save(&path, &base, None).unwrap();
    assert!(
        !std::fs::read_to_string(&path)
            .unwrap()
            .contains("conflicts")
    );
}

#[test]
fn a_large_register_with_conflicts_is_written_and_read_on_several_threads_alike() {
    let base = coalition_desk::generate::register(coalition_desk::generate::GenerateOptions {
        meetings: 25,
        commitments: 6_000,
        seed: 3,
    });
    let first = *base.commitments.keys().next().unwrap();
    let mut ours = base.clone();
    commitment(&mut ours, first).title = "Ours".into();
    let mut theirs = base.clone();
    commitment(&mut theirs, first).title = "Theirs".into();
    let register = merged(&base, &ours, &theirs).register;
    assert_eq!(register.conflicts.len(), 1);
    let path = std::path::Path::new("register.ron");
    let one = coalition_desk::storage::to_ron_on_threads(&register, path, None).unwrap();
    let many = coalition_desk::storage::to_ron_on_threads(&register, path, Some(4)).unwrap();
    assert!(one == many, "several threads wrote other bytes");
    // Read on several threads, not by the one-thread fallback.
    let back = coalition_desk::storage::parallel::parse_on(&one, 4).expect("read on threads");
    assert!(back.register == register);
}

#[test]
fn the_window_s_problem_list_follows_a_merged_register_s_conflicts_through_edits() {
    use coalition_desk::document::{Document, Origin, ProblemCache};
    use coalition_desk::edit::Edit;
    let base = register();
    let mut ours = base.clone();
    commitment(&mut ours, MISSILES).title = "Ours".into();
    let mut theirs = base.clone();
    commitment(&mut theirs, MISSILES).title = "Theirs".into();
    let mut document = Document::new(merged(&base, &ours, &theirs).register, Origin::Untitled);
    let mut cache = ProblemCache::default();
    assert_eq!(cache.problems(&document, today()).len(), 1);
    // Deleting the record in conflict leaves the conflict to settle,
    // named now as a record no longer in the register.
    document.apply(Edit::Commitment(MISSILES, None)).unwrap();
    let problems = cache.problems(&document, today()).to_vec();
    assert_eq!(problems, document.register().validate(today()));
    assert!(
        problems[0]
            .message
            .starts_with("A commitment that is not in the register was changed")
    );
}

#[test]
fn a_mistyped_conflict_in_a_hand_edited_file_is_named_by_its_place_in_the_list() {
    let text = r#"CoalitionRegister(
    format: "coalition-desk",
    version: 1,
    register: (
        conflicts: [
            (record: Some(Meeting(4)), field: "title"),
            (record: Some(Meeting(4)), ours_ofice: "LON"),
        ],
    ),
)"#;
    let error = coalition_desk::storage::from_str(text, std::path::Path::new("c.ron")).unwrap_err();
    assert_eq!(
        error.message(),
        "The register file could not be read: unknown field `ours_ofice` in conflict 2 of the \
         register — did you mean `ours_office`?"
    );
}

#[test]
fn the_register_s_own_settings_changed_differently_are_a_conflict_of_the_register() {
    let base = register();
    let mut ours = base.clone();
    ours.name = "Coalition of the Willing".into();
    let mut theirs = base.clone();
    theirs.name = "Coalition des volontaires".into();
    let result = merged(&base, &ours, &theirs);
    assert_eq!(result.register.name, "Coalition of the Willing");
    assert_eq!(result.conflicts[0].record, None);
    assert_eq!(
        result.register.validate(today())[0].message,
        "The register was changed in both copies (merged 2025-05-02 10:15): the name is \
         \"Coalition of the Willing\" in LON's copy, which is applied, and \"Coalition des \
         volontaires\" in PAR's; choose one"
    );
}

/// One office lowers a commitment to OFFICIAL while the other writes
/// sensitive text into it: merged cleanly, that text would print under
/// OFFICIAL. The marking is a conflict instead, ours kept, and the record
/// prints nowhere until a person decides.
#[test]
fn a_marking_lowered_on_one_side_and_content_added_on_the_other_is_a_conflict() {
    let mut base = register();
    commitment(&mut base, MISSILES).marking = "OFFICIAL-SENSITIVE".into();
    let mut lowered = base.clone();
    commitment(&mut lowered, MISSILES).marking = "OFFICIAL".into();
    let mut added = base.clone();
    commitment(&mut added, MISSILES).description = "Delivered through the sensitive route".into();

    for (ours, theirs, kept) in [
        (&lowered, &added, "OFFICIAL"),
        (&added, &lowered, "OFFICIAL-SENSITIVE"),
    ] {
        let result = merged(&base, ours, theirs);
        let marking: Vec<&Conflict> = result
            .conflicts
            .iter()
            .filter(|c| c.record == Some(Record::Commitment(MISSILES)) && c.field == "marking")
            .collect();
        assert_eq!(marking.len(), 1, "{:?}", result.conflicts);
        let merged_one = result.register.commitment(MISSILES).unwrap();
        assert_eq!(merged_one.marking, kept, "ours kept");
        assert_eq!(
            merged_one.description, "Delivered through the sensitive route",
            "the content is not lost"
        );
    }

    // A marking changed on one side alone, or content alone, merges clean.
    let result = merged(&base, &lowered, &base);
    assert!(result.conflicts.is_empty(), "{:?}", result.conflicts);
    let result = merged(&base, &base, &added);
    assert!(result.conflicts.is_empty(), "{:?}", result.conflicts);
    // Both offices chose the same new marking: they agreed on it.
    let mut both = added.clone();
    commitment(&mut both, MISSILES).marking = "OFFICIAL".into();
    let result = merged(&base, &lowered, &both);
    assert!(result.conflicts.is_empty(), "{:?}", result.conflicts);
}

/// A meeting's restricted notes and a participant's points to raise carry
/// markings of their own. One office lowers that marking while the other
/// writes into the text it covers: merged cleanly, the new text would
/// print under the lowered marking. It is a conflict on that marking,
/// ours kept, whichever side lowered it.
#[test]
fn a_part_marking_lowered_on_one_side_and_its_text_changed_on_the_other_is_a_conflict() {
    let mut base = register();
    let ministers = base.meetings.get_mut(&MINISTERS).unwrap();
    ministers.restricted_notes = "Discretion until the ceasefire".into();
    ministers.restricted_marking = Some("OFFICIAL-SENSITIVE".into());
    let france = base.participants.get_mut(&FRA).unwrap();
    france.points_to_raise = "Ask for the delivery schedule".into();
    france.points_marking = Some("OFFICIAL-SENSITIVE".into());

    let mut lowered = base.clone();
    let ministers = lowered.meetings.get_mut(&MINISTERS).unwrap();
    ministers.restricted_marking = Some("OFFICIAL".into());
    let france = lowered.participants.get_mut(&FRA).unwrap();
    france.points_marking = Some("OFFICIAL".into());
    let mut written = base.clone();
    let ministers = written.meetings.get_mut(&MINISTERS).unwrap();
    ministers.restricted_notes = "The frigate sails on 3 June".into();
    let france = written.participants.get_mut(&FRA).unwrap();
    france.points_to_raise = "Ask where the frigate sails from".into();

    for (ours, theirs, kept) in [
        (&lowered, &written, "OFFICIAL"),
        (&written, &lowered, "OFFICIAL-SENSITIVE"),
    ] {
        let result = merged(&base, ours, theirs);
        let fields: Vec<(Option<Record>, &str)> = result
            .conflicts
            .iter()
            .map(|c| (c.record, c.field.as_str()))
            .collect();
        assert_eq!(
            fields,
            [
                (Some(Record::Participant(FRA)), "points_marking"),
                (Some(Record::Meeting(MINISTERS)), "restricted_marking"),
            ],
            "{:?}",
            result.conflicts
        );
        let meeting = result.register.meeting(MINISTERS).unwrap();
        assert_eq!(
            meeting.restricted_marking.as_deref(),
            Some(kept),
            "ours kept"
        );
        assert_eq!(meeting.restricted_notes, "The frigate sails on 3 June");
        let france = result.register.participant(FRA).unwrap();
        assert_eq!(france.points_marking.as_deref(), Some(kept), "ours kept");
        assert_eq!(france.points_to_raise, "Ask where the frigate sails from");
    }

    // The marking alone, or the text alone, changed merges clean.
    let result = merged(&base, &lowered, &base);
    assert!(result.conflicts.is_empty(), "{:?}", result.conflicts);
    let result = merged(&base, &base, &written);
    assert!(result.conflicts.is_empty(), "{:?}", result.conflicts);
}
