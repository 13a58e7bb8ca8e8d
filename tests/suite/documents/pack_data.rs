//! The meeting pack as data, compared in full on the small register.

use coalition_desk::model::{AttendanceStatus, MeetingState};
use coalition_desk::report::{
    ActionDue, CommitmentDue, Delegate, DocumentOptions, InvitedDelegation, PackAgendaItem,
    ParticipantDues, PreviousMinutes, meeting_pack,
};

use super::fixture::*;

fn full() -> DocumentOptions {
    DocumentOptions::default()
}

fn official() -> DocumentOptions {
    DocumentOptions {
        edition: Some("OFFICIAL".into()),
        ..DocumentOptions::default()
    }
}

#[test]
fn the_pack_of_a_planned_session_says_what_a_delegation_needs() {
    let r = register();
    let pack = meeting_pack(&r, PLANNED, &full(), today()).unwrap();
    assert_eq!(pack.head.reference, "CoW/DM/2026/05/PACK");
    assert_eq!(pack.head.kind, "Meeting pack");
    assert_eq!(pack.head.title, "Defence ministers");
    assert_eq!(pack.head.marking, "SECRET");
    assert_eq!(pack.head.issued, "1 June 2026");
    assert_eq!(pack.head.edition, None);
    assert_eq!(
        pack.details.series.as_deref(),
        Some("Defence ministers, session 5")
    );
    assert_eq!(pack.date, "Thursday 4 June 2026");
    assert_eq!(
        pack.details.times.as_deref(),
        Some("09:30–12:00 (Europe/London)")
    );
    assert_eq!(pack.details.location, "Lancaster House, London");
    assert_eq!(pack.details.convenors, ["United Kingdom", "France"]);
    assert_eq!(
        pack.delegations,
        [
            InvitedDelegation {
                participant: "United Kingdom".into(),
                code: "GBR".into(),
                state: "Confirmed".into(),
                delegates: vec![Delegate {
                    name: "John Healey".into(),
                    title: "Defence Secretary".into(),
                }],
            },
            InvitedDelegation {
                participant: "France".into(),
                code: "FRA".into(),
                state: "Invited".into(),
                delegates: vec![],
            },
            InvitedDelegation {
                participant: "NATO".into(),
                code: "NATO".into(),
                state: "Apologies".into(),
                delegates: vec![],
            },
        ]
    );
    assert_eq!(
        pack.answers,
        "1 confirmed, 1 awaiting an answer, 1 sent apologies."
    );
    let item = |number: &str,
                level,
                title: &str,
                lead: Option<&str>,
                start: &str,
                minutes: &str,
                purpose: &str,
                annotation: &str| PackAgendaItem {
        number: number.into(),
        level,
        title: title.into(),
        lead: lead.map(String::from),
        start: Some(start.into()),
        minutes: Some(minutes.into()),
        purpose: Some(purpose.into()),
        annotation: annotation.into(),
    };
    assert_eq!(
        pack.agenda,
        [
            item(
                "1",
                0,
                "Opening",
                Some("John Healey (Defence Secretary)"),
                "09:30",
                "10 min",
                "For information",
                "Welcome by the co-chairs"
            ),
            item(
                "2",
                0,
                "Air defence",
                None,
                "09:40",
                "30 min",
                "For decision",
                "Agree the pooled order"
            ),
            item(
                "2.1",
                1,
                "Targeting",
                None,
                "10:10",
                "20 min",
                "For discussion",
                "Closed session"
            ),
        ]
    );
    assert_eq!(
        pack.previous,
        Some(PreviousMinutes {
            title: "Defence ministers".into(),
            date: "7 May 2026".into(),
            reference: "CoW/DM/2026/04".into(),
            standing: "Draft".into(),
            decisions: vec![
                "Pool air defence procurement".into(),
                "Target list agreed".into()
            ],
        })
    );
    assert_eq!(
        pack.actions,
        [
            ActionDue {
                text: "Circulate the procurement plan".into(),
                owner: Some("United Kingdom".into()),
                due: Some("20 May 2026".into()),
                overdue: true,
                raised_at: "No. 4 (7 May 2026)".into(),
            },
            ActionDue {
                text: "Brief on the target list".into(),
                owner: Some("Secretariat".into()),
                due: Some("1 July 2026".into()),
                overdue: false,
                raised_at: "No. 4 (7 May 2026)".into(),
            },
        ]
    );
    assert_eq!(
        pack.commitments,
        [
            ParticipantDues {
                participant: "France".into(),
                code: "FRA".into(),
                lines: vec![CommitmentDue {
                    title: "Demining teams".into(),
                    status: "Pledged".into(),
                    amount: "EUR 50,000,000.00".into(),
                    progress: vec!["EUR 0.00 of 50,000,000.00 paid (0 %)".into()],
                    due: "30 May 2026".into(),
                    overdue: true,
                }],
                more: None,
            },
            ParticipantDues {
                participant: "United Kingdom".into(),
                code: "GBR".into(),
                lines: vec![CommitmentDue {
                    title: "Long-range drones".into(),
                    status: "Pledged".into(),
                    amount: "GBP 10,000,000.00".into(),
                    progress: vec!["GBP 0.00 of 10,000,000.00 paid (0 %)".into()],
                    due: "2 June 2026".into(),
                    overdue: false,
                }],
                more: None,
            },
        ]
    );
    assert_eq!(pack.next_session.as_deref(), Some("Thursday 2 July 2026"));
    assert!(pack.refusals.is_empty(), "{:?}", pack.refusals);
}

#[test]
fn the_official_edition_leaves_out_what_is_marked_above_it() {
    let r = register();
    let pack = meeting_pack(&r, PLANNED, &official(), today()).unwrap();
    assert_eq!(pack.head.marking, "OFFICIAL");
    assert_eq!(pack.head.edition.as_deref(), Some("OFFICIAL edition"));
    // The sub-item, the decision, the action and the commitment marked SECRET.
    assert_eq!(
        pack.head.omitted.as_deref(),
        Some("4 items are omitted from this edition.")
    );
    let titles: Vec<&str> = pack.agenda.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(titles, ["Opening", "Air defence"]);
    assert_eq!(
        pack.previous.unwrap().decisions,
        ["Pool air defence procurement"]
    );
    assert_eq!(pack.actions.len(), 1);
    let who: Vec<&str> = pack.commitments.iter().map(|g| g.code.as_str()).collect();
    assert_eq!(who, ["FRA"]);
}

#[test]
fn a_planned_session_counts_no_one_as_attended_whatever_its_list_says() {
    let mut r = register();
    let meeting = r.meetings.get_mut(&PLANNED).unwrap();
    meeting.attendance.get_mut(&FRA).unwrap().status = AttendanceStatus::Present;
    let pack = meeting_pack(&r, PLANNED, &full(), today()).unwrap();
    assert_eq!(pack.attended, 0);
    assert!(!pack.answers.contains("took part"), "{}", pack.answers);
    // Held, the same list counts.
    r.meetings.get_mut(&PLANNED).unwrap().state = MeetingState::Held;
    let pack = meeting_pack(&r, PLANNED, &full(), today()).unwrap();
    assert_eq!(pack.attended, 1);
    assert_eq!(pack.answers, "1 took part.");
}

#[test]
fn an_unknown_edition_level_is_refused_in_words() {
    let r = register();
    let options = DocumentOptions {
        edition: Some("TOP SECRET".into()),
        ..DocumentOptions::default()
    };
    let error = meeting_pack(&r, PLANNED, &options, today()).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("is not one of the register's marking levels"),
        "{error}"
    );
}

#[test]
fn a_participant_owing_many_lists_the_earliest_and_counts_the_rest() {
    let mut r = register();
    let template = r.commitments[&DEMINING].clone();
    for n in 0..20u64 {
        let mut c = template.clone();
        c.title = format!("Pledge {n:02}");
        c.due = Some(date(2026, 1, 1) + chrono::Days::new(n));
        r.commitments
            .insert(coalition_desk::model::CommitmentId(100 + n), c);
    }
    r.next_id = 200;
    let pack = meeting_pack(&r, PLANNED, &full(), today()).unwrap();
    let france = &pack.commitments[0];
    assert_eq!(france.code, "FRA");
    assert_eq!(france.lines.len(), coalition_desk::report::MOST_LISTED);
    assert_eq!(france.lines[0].title, "Pledge 00");
    // 21 owed (the 20 and the demining teams), 12 listed.
    assert_eq!(france.more.as_deref(), Some("and 9 more"));
}
