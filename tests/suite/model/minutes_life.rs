//! The life of a meeting's record: every allowed and refused move, the
//! lock on an approved record's content, and revisions that keep what
//! changed.

use coalition_desk::document::{Document, Origin};
use coalition_desk::edit::{self, Edit, EditRefused};
use coalition_desk::model::*;

use super::fixture::*;

fn circulate(due: chrono::NaiveDate) -> MinutesMove {
    MinutesMove::Circulate {
        to: vec![FRA, GBR],
        comments_due: due,
    }
}

fn approve_at_may() -> MinutesMove {
    MinutesMove::Approve {
        at: Some(MAY),
        by: "The defence ministers".into(),
    }
}

/// Makes `step` on the April record through the document, as the window does.
fn step(document: &mut Document, step: MinutesMove, on: chrono::NaiveDate) -> Result<(), String> {
    let edit = edit::move_minutes(document.register(), APRIL, step, on, today())
        .map_err(|e| e.to_string())?;
    document.apply(edit).map_err(|e| e.to_string())
}

fn april(document: &Document) -> &Meeting {
    document.register().meeting(APRIL).unwrap()
}

fn approved_document() -> Document {
    let mut document = Document::new(fixture_may_held(), Origin::Untitled);
    step(
        &mut document,
        circulate(date(2025, 4, 25)),
        date(2025, 4, 14),
    )
    .unwrap();
    step(&mut document, approve_at_may(), date(2025, 5, 10)).unwrap();
    document
}

#[test]
fn a_record_goes_from_draft_through_circulation_to_approval_with_a_dated_history() {
    let mut document = Document::new(fixture_may_held(), Origin::Untitled);
    assert_eq!(april(&document).minutes.state(), MinutesState::Draft);
    step(
        &mut document,
        circulate(date(2025, 4, 25)),
        date(2025, 4, 14),
    )
    .unwrap();
    let circulation = april(&document).minutes.circulation().unwrap().clone();
    assert_eq!(circulation.circulated_to, vec![GBR, FRA]);
    assert_eq!(circulation.comments_due, Some(date(2025, 4, 25)));
    step(&mut document, approve_at_may(), date(2025, 5, 10)).unwrap();
    let record = &april(&document).minutes;
    assert_eq!(record.state(), MinutesState::Approved);
    let approval = record.approval().unwrap();
    assert_eq!(
        (
            approval.date,
            approval.approved_at,
            approval.approved_by.as_str()
        ),
        (date(2025, 5, 10), Some(MAY), "The defence ministers")
    );
    let states: Vec<_> = record.history.iter().map(|s| (s.date, s.state)).collect();
    assert_eq!(
        states,
        vec![
            (date(2025, 4, 14), MinutesState::Circulated),
            (date(2025, 5, 10), MinutesState::Approved)
        ]
    );
    // Undo takes the approval back like any edit.
    assert!(document.undo());
    assert_eq!(april(&document).minutes.state(), MinutesState::Circulated);
}

#[test]
fn a_draft_can_be_approved_without_circulation_and_a_circulated_one_redrafted() {
    let mut document = Document::new(fixture_may_held(), Origin::Untitled);
    step(
        &mut document,
        circulate(date(2025, 4, 25)),
        date(2025, 4, 14),
    )
    .unwrap();
    step(
        &mut document,
        MinutesMove::Redraft {
            reason: "France asked for its delegation list to be corrected".into(),
        },
        date(2025, 4, 20),
    )
    .unwrap();
    assert_eq!(april(&document).minutes.state(), MinutesState::Draft);
    step(&mut document, approve_at_may(), date(2025, 5, 10)).unwrap();
    assert_eq!(april(&document).minutes.state(), MinutesState::Approved);
}

#[test]
fn refused_moves_say_why_and_change_nothing() {
    let mut register = fixture();
    let refuse = |register: &Register, id, step, on| {
        edit::move_minutes(register, id, step, on, today())
            .unwrap_err()
            .to_string()
    };
    // A planned session has no record to circulate yet.
    assert_eq!(
        refuse(
            &register,
            MAY,
            circulate(date(2025, 5, 20)),
            date(2025, 5, 12)
        ),
        "Only the record of a held meeting can be circulated or approved; this meeting is Planned"
    );
    assert_eq!(
        refuse(
            &register,
            APRIL,
            MinutesMove::Circulate {
                to: vec![],
                comments_due: date(2025, 4, 25)
            },
            date(2025, 4, 14)
        ),
        "Choose at least one delegation to circulate the record to"
    );
    assert_eq!(
        refuse(
            &register,
            APRIL,
            circulate(date(2025, 4, 12)),
            date(2025, 4, 14)
        ),
        "Comments cannot be due on 2025-04-12, before the record is circulated on 2025-04-14"
    );
    assert_eq!(
        refuse(
            &register,
            APRIL,
            circulate(date(2025, 4, 25)),
            date(2025, 4, 9)
        ),
        "The record cannot be circulated on 2025-04-09, before the meeting on 2025-04-10"
    );
    assert_eq!(
        refuse(
            &register,
            APRIL,
            MinutesMove::Revise {
                reason: "Typo".into()
            },
            date(2025, 4, 14)
        ),
        "Only an approved record can be revised; this one is Draft"
    );
    assert_eq!(
        refuse(
            &register,
            APRIL,
            MinutesMove::Redraft {
                reason: "Why not".into()
            },
            date(2025, 4, 14)
        ),
        "Only a circulated record can be taken back for redrafting; this one is Draft"
    );
    // Approved at a meeting held before the one it records.
    let mut earlier = register.meeting(MAY).unwrap().clone();
    earlier.date = date(2025, 3, 1);
    register.meetings.insert(MeetingId(99), earlier);
    assert_eq!(
        refuse(
            &register,
            APRIL,
            MinutesMove::Approve {
                at: Some(MeetingId(99)),
                by: String::new()
            },
            date(2025, 5, 10)
        ),
        "The record cannot be approved at a meeting held before it (Defence ministers (2025-03-01))"
    );
    assert_eq!(
        refuse(
            &register,
            APRIL,
            MinutesMove::Approve {
                at: Some(MeetingId(404)),
                by: String::new()
            },
            date(2025, 5, 10)
        ),
        "The record cannot be approved at meeting #404: that meeting is not in the register"
    );

    let document = approved_document();
    let register = document.register();
    assert_eq!(
        refuse(register, APRIL, approve_at_may(), date(2025, 5, 11)),
        "The record is already approved"
    );
    assert_eq!(
        refuse(
            register,
            APRIL,
            circulate(date(2025, 6, 1)),
            date(2025, 5, 11)
        ),
        "The record is approved: it cannot be circulated; open a revision first (Revise…)"
    );
    assert_eq!(
        refuse(
            register,
            APRIL,
            MinutesMove::Revise {
                reason: "  ".into()
            },
            date(2025, 5, 11)
        ),
        "A revision needs a reason"
    );
    assert_eq!(
        refuse(
            register,
            APRIL,
            MinutesMove::Revise {
                reason: "Typo".into()
            },
            date(2025, 5, 1)
        ),
        "The step cannot be dated 2025-05-01, before the record's last step (2025-05-10)"
    );
}

#[test]
fn an_edit_that_changes_an_approved_record_is_refused_and_changes_nothing() {
    let mut document = approved_document();
    let before = document.register().clone();
    let undo_label = document.undo_label().map(String::from);
    let mut changed = april(&document).clone();
    changed.decisions.push(Decision {
        text: "Meet again in June".into(),
        marking: None,
    });
    let refused = document
        .apply(Edit::Meeting(APRIL, Some(changed)))
        .unwrap_err();
    assert_eq!(
        refused.to_string(),
        "The record of Defence ministers (2025-04-10) is approved, so its decision 1 cannot be \
         changed in place: open a revision first (Revise…)"
    );
    assert_eq!(document.register(), &before);
    assert_eq!(document.undo_label().map(String::from), undo_label);

    // Deleting the meeting, or a participant its attendance names, is
    // refused as a whole: the batch leaves every record as it was.
    let delete = edit::delete_with_references(&before, Record::Meeting(APRIL));
    assert!(matches!(
        document.apply(delete),
        Err(EditRefused::ApprovedDeleted(_))
    ));
    let delete = edit::delete_with_references(&before, Record::Participant(NATO));
    assert_eq!(
        document.apply(delete).unwrap_err().to_string(),
        "The record of Defence ministers (2025-04-10) is approved, so its attendance of NATO \
         cannot be changed in place: open a revision first (Revise…)"
    );
    assert_eq!(document.register(), &before);

    // Rewriting the record's life by hand (back to a draft) is refused too.
    let mut rewound = april(&document).clone();
    rewound.minutes.history.clear();
    assert!(matches!(
        document.apply(Edit::Meeting(APRIL, Some(rewound))),
        Err(EditRefused::LifeRewritten(_))
    ));
}

#[test]
fn follow_up_stays_editable_after_approval() {
    let mut document = approved_document();
    let mut done = april(&document).clone();
    done.actions[0].done = true;
    document.apply(Edit::Meeting(APRIL, Some(done))).unwrap();
    assert!(april(&document).actions[0].done);
    // Another meeting's record is not locked by this one.
    let mut may = document.register().meeting(MAY).unwrap().clone();
    may.location = "Paris".into();
    document.apply(Edit::Meeting(MAY, Some(may))).unwrap();
}

#[test]
fn a_revision_keeps_what_changed_when_and_why_and_is_approved_again() {
    let mut document = approved_document();
    step(
        &mut document,
        MinutesMove::Revise {
            reason: "NATO's delegation was omitted".into(),
        },
        date(2025, 6, 2),
    )
    .unwrap();
    assert_eq!(april(&document).minutes.revision(), 1);
    assert_eq!(april(&document).minutes.state(), MinutesState::Draft);
    // Two edits of one field keep the first "before" and the last "after".
    for location in ["Lancaster House", "Lancaster House, London"] {
        let mut changed = april(&document).clone();
        changed.location = location.into();
        document.apply(Edit::Meeting(APRIL, Some(changed))).unwrap();
    }
    let mut changed = april(&document).clone();
    changed.attendance.get_mut(&NATO).unwrap().delegates = vec![LIAISON];
    document.apply(Edit::Meeting(APRIL, Some(changed))).unwrap();
    let revision = april(&document).minutes.revisions[0].clone();
    assert_eq!(
        (revision.number, revision.date, revision.reason.as_str()),
        (1, date(2025, 6, 2), "NATO's delegation was omitted")
    );
    assert_eq!(
        revision.changes,
        vec![
            FieldChange {
                field: "Location".into(),
                before: String::new(),
                after: "Lancaster House, London".into(),
            },
            FieldChange {
                field: "Attendance of NATO".into(),
                before: "Present".into(),
                after: "Present; A. Liaison".into(),
            },
        ]
    );
    // A field changed back drops out of the list.
    let mut back = april(&document).clone();
    back.location = String::new();
    document.apply(Edit::Meeting(APRIL, Some(back))).unwrap();
    assert_eq!(april(&document).minutes.revisions[0].changes.len(), 1);

    // Approved again by written procedure: circulated, and agreed when
    // the comment period ended without objection.
    step(
        &mut document,
        circulate(date(2025, 6, 10)),
        date(2025, 6, 3),
    )
    .unwrap();
    let written = MinutesMove::Approve {
        at: None,
        by: "The defence ministers".into(),
    };
    step(&mut document, written, date(2025, 6, 10)).unwrap();
    assert!(april(&document).minutes.is_locked());
    assert_eq!(april(&document).minutes.revision(), 1);
}

#[test]
fn an_old_file_without_a_record_reads_as_a_draft_and_an_untouched_draft_is_not_written() {
    let meeting: Meeting = ron::from_str(r#"(title: "Old", date: "2024-01-01")"#).unwrap();
    assert_eq!(meeting.minutes.state(), MinutesState::Draft);
    assert!(!ron::to_string(&meeting).unwrap().contains("record"));
}

#[test]
fn deleting_what_a_record_s_life_names_asks_first_and_keeps_the_history_as_written() {
    let document = approved_document();
    let register = document.register();
    let said = |target| -> Vec<String> {
        register
            .references_to(target)
            .into_iter()
            .map(|r| r.description)
            .collect()
    };
    assert!(said(Record::Participant(FRA)).contains(
        &"the record's circulation list of meeting Defence ministers (2025-04-10)".into()
    ));
    assert_eq!(
        said(Record::Meeting(MAY)),
        vec!["the record's approval of meeting Defence ministers (2025-04-10)".to_string()]
    );
}

/// Only approvals that can have happened: at a later meeting that was held,
/// on its day, or by written procedure once the comment period has ended;
/// never on a day that has not come. Each refusal changes nothing.
#[test]
fn an_approval_that_could_not_have_happened_is_refused() {
    let planned = fixture();
    let held = fixture_may_held();
    let refuse = |register: &Register, step, on| {
        edit::move_minutes(register, APRIL, step, on, today())
            .unwrap_err()
            .to_string()
    };
    let at = |meeting| MinutesMove::Approve {
        at: Some(meeting),
        by: String::new(),
    };
    let written = || MinutesMove::Approve {
        at: None,
        by: String::new(),
    };
    // At a session planned for a later day.
    assert_eq!(
        refuse(&planned, at(MAY), date(2025, 4, 20)),
        "The record cannot be approved at Defence ministers (2025-05-10): that meeting is \
         Planned, and only a held meeting approves a record"
    );
    // At a held session, on another day than it was held.
    assert_eq!(
        refuse(&held, at(MAY), date(2025, 5, 12)),
        "The record cannot be approved at Defence ministers (2025-05-10) on 2025-05-12: that \
         meeting was held on 2025-05-10, so date the approval 2025-05-10, or approve it by \
         written procedure"
    );
    // At the meeting it records.
    assert_eq!(
        refuse(&held, at(APRIL), date(2025, 4, 10)),
        "The record cannot be approved at the meeting it records: choose a later meeting, or \
         approve it by written procedure"
    );
    // On a day that has not come (today is 2025-07-01).
    assert_eq!(
        refuse(&held, at(MAY), date(2025, 7, 2)),
        "The record cannot be approved on 2025-07-02: that is after today (2025-07-01); a \
         step is recorded once it has happened"
    );
    assert_eq!(
        refuse(&held, circulate(date(2025, 7, 20)), date(2025, 7, 2)),
        "The record cannot be circulated on 2025-07-02: that is after today (2025-07-01); a \
         step is recorded once it has happened"
    );
    // By written procedure: only once circulated, and once comments were due.
    assert_eq!(
        refuse(&held, written(), date(2025, 5, 10)),
        "The record is Draft: by written procedure a record is approved only once it has been \
         circulated for comment, so circulate it first or approve it at a later meeting"
    );
    let mut document = Document::new(held.clone(), Origin::Untitled);
    step(
        &mut document,
        circulate(date(2025, 4, 25)),
        date(2025, 4, 14),
    )
    .unwrap();
    assert_eq!(
        refuse(document.register(), written(), date(2025, 4, 24)),
        "By written procedure the record is approved when its comment period ends on \
         2025-04-25, not on 2025-04-24: date the approval 2025-04-25 or later"
    );
    let before = document.register().clone();
    assert_eq!(
        step(&mut document, at(MAY), date(2025, 5, 11)).map_err(|_| ()),
        Err(())
    );
    assert_eq!(document.register(), &before, "a refusal changes nothing");
    step(&mut document, written(), date(2025, 4, 25)).unwrap();
    let approval = april(&document).minutes.approval().unwrap().clone();
    assert_eq!(
        (approval.date, approval.approved_at),
        (date(2025, 4, 25), None)
    );
}
