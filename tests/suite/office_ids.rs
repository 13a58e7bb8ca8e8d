//! Ids two offices cannot both hand out: a copy that names its office gives
//! new records ids carrying the office's code (`LON-17`), old files keep
//! their plain numbers byte for byte, and two offices' copies merge with
//! nothing renumbered.

mod cli;
mod panel;
mod version;
mod workstation;

use std::path::Path;

use chrono::NaiveDate;
use coalition_desk::edit::{self, Edit};
use coalition_desk::model::{
    Attendance, AttendanceStatus, CommitmentId, MeetingId, ParticipantId, Record, Register,
    office_id,
};
use coalition_desk::{merge, new_records, storage};

/// A file written by Coalition Desk before offices, trimmed at record
/// boundaries to keep it short.
const BEFORE_OFFICES: &str = include_str!("office_ids/before_offices.ron");

fn today() -> NaiveDate {
    crate::common::today()
}

fn lon(serial: u64) -> u64 {
    office_id("LON", serial).unwrap()
}

/// `copy` with a participant, a meeting it attends and a commitment it
/// made announced there, each added the way the window adds them.
fn add_records(copy: &mut Register, name: &str) -> (ParticipantId, MeetingId, CommitmentId) {
    let (participant, add) = new_records::participant(copy);
    edit::apply(copy, add);
    let mut named = copy.participant(participant).unwrap().clone();
    named.name = name.into();
    // Two offices adding Iceland apart under one code, or two visits on
    // one day under one reference, would break a rule of `check`, which a
    // merge holds to; the Paris copy's have their own.
    let paris = name.ends_with("(Paris)");
    named.code = if paris { "ISP" } else { "ISL" }.into();
    edit::apply(copy, Edit::Participant(participant, Some(named)));
    let day = if paris {
        today().succ_opt().unwrap()
    } else {
        today()
    };
    let (meeting, add) = new_records::meeting(copy, day);
    edit::apply(copy, add);
    let mut held = copy.meeting(meeting).unwrap().clone();
    held.title = format!("Visit of {name}");
    held.attendance.insert(
        participant,
        Attendance {
            status: AttendanceStatus::Present,
            ..Attendance::default()
        },
    );
    edit::apply(copy, Edit::Meeting(meeting, Some(held)));
    let (commitment, add) = new_records::commitment(copy, Some(participant), today()).unwrap();
    edit::apply(copy, add);
    let mut announced = copy.commitment(commitment).unwrap().clone();
    announced.announced_at = Some(meeting);
    announced.title = format!("Pledge of {name}");
    edit::apply(copy, Edit::Commitment(commitment, Some(announced)));
    (participant, meeting, commitment)
}

fn office_copy(office: &str) -> Register {
    let mut copy = crate::common::register();
    edit::apply(&mut copy, Edit::SetOffice(office.into()));
    copy
}

#[test]
fn a_file_from_before_offices_loads_and_saves_byte_for_byte() {
    let path = Path::new("before_offices.ron");
    let loaded = storage::from_str(BEFORE_OFFICES, path).unwrap();
    assert_eq!(loaded.register.office, "");
    assert!(loaded.register.participants.contains_key(&ParticipantId(1)));
    for threads in [None, Some(2)] {
        let written = storage::to_ron_on_threads(&loaded.register, path, threads).unwrap();
        assert!(
            written == BEFORE_OFFICES,
            "{threads:?} threads changed the file"
        );
    }
}

#[test]
fn a_copy_with_an_office_hands_out_its_ids_and_counts_serials() {
    let mut copy = office_copy("LON");
    let serial = copy.next_id;
    let (participant, meeting, commitment) = add_records(&mut copy, "Iceland");
    assert_eq!(participant, ParticipantId(lon(serial)));
    assert_eq!(meeting, MeetingId(lon(serial + 1)));
    assert_eq!(commitment.text(), format!("LON-{}", serial + 2));
    assert_eq!(meeting.to_string(), format!("meeting LON-{}", serial + 1));
    // The counter moves past the serial, not past the whole number.
    assert_eq!(copy.next_id, serial + 3);

    // Without its code the copy goes back to plain numbers, past every
    // serial given out.
    edit::apply(&mut copy, Edit::SetOffice(String::new()));
    assert_eq!(copy.fresh_id(), serial + 3);
}

#[test]
fn office_ids_survive_saving_and_loading_on_one_thread_and_on_several() {
    let mut copy = office_copy("LON");
    let (participant, meeting, commitment) = add_records(&mut copy, "Iceland");
    let path = Path::new("london.ron");
    let text = storage::to_ron_on_threads(&copy, path, None).unwrap();
    assert!(text.contains("office: \"LON\""), "{text}");
    let written = |id: u64| format!("\"{}\"", coalition_desk::model::id_text(id));
    for id in [participant.0, meeting.0, commitment.0] {
        assert!(text.contains(&format!("{}: (", written(id))), "{text}");
    }
    assert!(text.contains(&format!("participant: {}", written(participant.0))));
    assert!(text.contains(&format!("announced_at: Some({})", written(meeting.0))));
    for threads in [None, Some(2)] {
        let back = storage::from_str_on_threads(&text, path, threads).unwrap();
        assert!(
            back.register == copy,
            "{threads:?} threads read it back differently"
        );
    }

    // A large register with office ids is written the same on several
    // threads, and read back the same.
    let mut large = coalition_desk::generate::register(coalition_desk::generate::GenerateOptions {
        meetings: 20,
        commitments: 1_200,
        seed: 11,
    });
    large.office = "PAR".into();
    let moved: Vec<_> = large.commitments.keys().copied().step_by(2).collect();
    for id in moved {
        let commitment = large.commitments.remove(&id).unwrap();
        let new = CommitmentId(office_id("PAR", id.0).unwrap());
        large.commitments.insert(new, commitment);
    }
    let one = storage::to_ron_on_threads(&large, path, None).unwrap();
    let many = storage::to_ron_on_threads(&large, path, Some(3)).unwrap();
    assert!(one == many, "several threads wrote other bytes");
    let back = storage::from_str_on_threads(&one, path, Some(3)).unwrap();
    assert!(back.register == large);
}

#[test]
fn ids_sort_plain_numbers_first_then_by_office_then_by_serial() {
    let mut register = crate::common::register();
    let template = register.meetings.values().next().unwrap().clone();
    register.meetings.clear();
    let ids = [office_id("PAR", 1).unwrap(), lon(10), 7, lon(2)];
    for id in ids {
        register.meetings.insert(MeetingId(id), template.clone());
    }
    let order: Vec<String> = register.meetings.keys().map(|id| id.text()).collect();
    assert_eq!(order, ["7", "LON-2", "LON-10", "PAR-1"]);
    // The file lists them in the same order.
    let text = storage::to_ron(&register, Path::new("r.ron")).unwrap();
    let at = |key: &str| text.find(&format!("\t\t\t{key}: (")).unwrap();
    assert!(at("7") < at("\"LON-2\""));
    assert!(at("\"LON-2\"") < at("\"LON-10\""));
    assert!(at("\"LON-10\"") < at("\"PAR-1\""));
}

#[test]
fn a_bad_id_in_a_file_is_named_and_the_file_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    for (bad, named) in [
        ("\t\t\t1: (\n", "\t\t\t\"London-1\": (\n"),
        ("participant: 1,", "participant: \"LON1\","),
    ] {
        let path = dir.path().join("register.ron");
        let text = BEFORE_OFFICES.replacen(bad, named, 1);
        assert_ne!(text, BEFORE_OFFICES);
        std::fs::write(&path, &text).unwrap();
        let error = storage::load(&path).unwrap_err().to_string();
        let shown = named.trim().trim_end_matches([':', ' ', '(', ',']);
        let shown = shown.trim_start_matches("participant: ");
        assert!(
            error.contains(&format!("{shown} is not a record id")),
            "{error}"
        );
        assert!(
            error.contains("\"LON-17\""),
            "the message says how to write one: {error}"
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    }
}

/// A plain number whose top bits spell an office's code (here LON's
/// serial 17 written as a bare number) was read as that office's id: the
/// next save wrote `"LON-17"` and moved the file to version 2 on its own.
/// A plain number above the largest serial is refused instead.
#[test]
fn a_plain_number_too_large_for_an_id_is_refused_not_read_as_an_office_id() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("register.ron");
    for large in [lon(17), coalition_desk::model::MAX_SERIAL + 1] {
        let text = BEFORE_OFFICES.replacen("participant: 1,", &format!("participant: {large},"), 1);
        assert_ne!(text, BEFORE_OFFICES);
        std::fs::write(&path, &text).unwrap();
        let error = storage::load(&path).unwrap_err().to_string();
        assert!(
            error.contains(&format!(
                "{large} is too large for a record id: a plain number is at most 68719476735"
            )),
            "{error}"
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    }
    assert_eq!(coalition_desk::model::parse_id(&lon(17).to_string()), None);
    assert_eq!(
        coalition_desk::model::parse_id("68719476735"),
        Some(68_719_476_735)
    );
}

#[test]
fn check_reports_an_office_code_that_cannot_be_used() {
    let mut register = crate::common::register();
    register.office = "london".into();
    let problems: Vec<String> = register
        .validate(today())
        .into_iter()
        .map(|p| p.message)
        .collect();
    assert!(
        problems.contains(
            &"The office code \"london\" cannot be used: it has 6 characters, and a code has 2 \
              to 5 (e.g. LON or PAR2)"
                .to_string()
        ),
        "{problems:?}"
    );
    register.office = "LON".into();
    assert!(register.validate(today()).is_empty());
}

#[test]
fn two_offices_adding_apart_never_clash_and_merge_with_nothing_renumbered() {
    let base = crate::common::register();
    let mut london = office_copy("LON");
    let mut paris = office_copy("PAR");
    let ours = add_records(&mut london, "Iceland");
    let theirs = add_records(&mut paris, "Iceland (Paris)");
    let ours_ids = [ours.0.0, ours.1.0, ours.2.0];
    let theirs_ids = [theirs.0.0, theirs.1.0, theirs.2.0];
    assert!(ours_ids.iter().all(|id| !theirs_ids.contains(id)));
    // Same serials, different offices.
    assert_eq!(ours.0.text().replace("LON", "PAR"), theirs.0.text());

    let now = today().and_hms_opt(10, 0, 0).unwrap();
    let merged = merge::merge(&base, &london, &paris, "LON", "PAR", now);
    assert_eq!(merged.summary.renumbered, 0);
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    let out = &merged.register;
    assert_eq!(out.office, "LON", "the merged copy keeps ours' office");
    for (participant, meeting, commitment) in [ours, theirs] {
        assert!(out.participant(participant).is_some());
        let attended = &out.meeting(meeting).unwrap().attendance;
        assert!(attended.contains_key(&participant));
        assert_eq!(
            out.commitment(commitment).unwrap().announced_at,
            Some(meeting)
        );
    }
    // The next record of either office is past both sides' serials.
    assert_eq!(out.fresh_id(), lon(london.next_id.max(paris.next_id)));
}

#[test]
fn plain_numbers_added_in_both_copies_are_renumbered_into_the_merging_office() {
    let base = crate::common::register();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let (ours_added, ..) = add_records(&mut ours, "Iceland");
    let (theirs_added, ..) = add_records(&mut theirs, "Iceland (Paris)");
    assert_eq!(ours_added, theirs_added, "both hand out the same number");
    ours.office = "LON".into();

    let now = today().and_hms_opt(10, 0, 0).unwrap();
    let merged = merge::merge(&base, &ours, &theirs, "LON", "PAR", now);
    assert_eq!(merged.summary.renumbered, 3);
    let out = &merged.register;
    let renumbered = out
        .participants
        .keys()
        .find(|id| id.text().starts_with("LON-"))
        .copied()
        .expect("theirs' participant moved to a LON id");
    assert!(
        out.participant(theirs_added).is_some(),
        "ours keeps its number"
    );
    // Theirs' meeting and commitment moved too, and follow the participant.
    let meeting = out
        .meetings
        .iter()
        .find(|(id, _)| id.text().starts_with("LON-"))
        .map(|(_, meeting)| meeting)
        .unwrap();
    assert!(meeting.attendance.contains_key(&renumbered));
    assert!(
        out.commitments
            .iter()
            .any(|(id, c)| id.text().starts_with("LON-") && c.participant == renumbered)
    );
}

#[test]
fn a_conflict_over_an_offices_participant_names_its_attendance() {
    let mut base = office_copy("LON");
    let (participant, meeting, _) = add_records(&mut base, "Iceland");
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    for (copy, status) in [
        (&mut ours, AttendanceStatus::Apologies),
        (&mut theirs, AttendanceStatus::Observer),
    ] {
        let mut changed = copy.meeting(meeting).unwrap().clone();
        changed.attendance.get_mut(&participant).unwrap().status = status;
        edit::apply(copy, Edit::Meeting(meeting, Some(changed)));
    }
    let now = today().and_hms_opt(10, 0, 0).unwrap();
    let merged = merge::merge(&base, &ours, &theirs, "LON", "PAR", now);
    let conflict = &merged.conflicts[0];
    assert_eq!(conflict.record, Some(Record::Meeting(meeting)));
    assert_eq!(
        conflict.field,
        format!("attendance[{}]", participant.text())
    );
    let problems = merged.register.conflict_problems();
    assert!(
        problems[0].message.contains("the attendance of Iceland"),
        "{}",
        problems[0].message
    );
}

#[test]
fn the_command_line_finds_a_meeting_by_its_office_id() {
    let mut copy = office_copy("LON");
    let (_, meeting, _) = add_records(&mut copy, "Iceland");
    let typed = meeting.text().to_lowercase();
    assert_eq!(
        coalition_desk::cli::find_meeting(&copy, &typed).unwrap(),
        meeting
    );
    let missing = coalition_desk::cli::find_meeting(&copy, "LON-999999").unwrap_err();
    assert!(
        missing
            .to_string()
            .starts_with("There is no meeting LON-999999 in the register; close matches:"),
        "{missing}"
    );
}

#[test]
fn the_commitments_csv_carries_office_ids_both_ways() {
    let mut copy = office_copy("LON");
    let (_, meeting, commitment) = add_records(&mut copy, "Iceland");
    let csv = coalition_desk::tracking::export_commitments(&copy, today()).unwrap();
    let text = String::from_utf8(csv).unwrap();
    let row = text
        .lines()
        .find(|line| line.starts_with(&commitment.text()))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(row.contains(&format!(",{},", meeting.text())), "{row}");
    let retitled = text.replace("Pledge of Iceland", "Renamed commitment");
    let preview =
        coalition_desk::tracking::import_commitments(&copy, retitled.as_bytes(), today()).unwrap();
    assert!(preview.rejected.is_empty(), "{:?}", preview.rejected);
    let row = preview
        .accepted
        .iter()
        .find(|row| row.id == commitment)
        .unwrap();
    assert!(!row.is_new);
    assert_eq!(row.commitment.title, "Renamed commitment");
}
