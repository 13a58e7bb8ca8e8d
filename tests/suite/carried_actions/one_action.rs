//! Scheduling the next session carries an open action over as the same
//! action: shown in the later session, done once for all of them, counted
//! once, and kept by an approved record as it stood.

use std::path::Path;

use coalition_desk::document::{Document, Origin};
use coalition_desk::edit::{self, Edit};
use coalition_desk::model::{MinutesMove, Record};
use coalition_desk::report::{SummaryOptions, meeting_summary};
use coalition_desk::search::SearchIndex;
use coalition_desk::storage;
use coalition_desk::tracking::since_last_session;

use super::fixture::*;

fn carried_texts(
    r: &coalition_desk::model::Register,
    id: coalition_desk::model::MeetingId,
) -> Vec<String> {
    r.carried_over(id)
        .into_iter()
        .map(|c| c.action.text)
        .collect()
}

#[test]
fn the_next_session_shows_the_open_action_without_a_copy() {
    let mut r = register();
    let third = schedule(&mut r, date(2027, 1, 7));
    let fourth = schedule(&mut r, date(2027, 2, 4));
    for later in [third, fourth] {
        assert!(
            r.meeting(later).unwrap().actions.is_empty(),
            "nothing is copied"
        );
        assert_eq!(carried_texts(&r, later), [FIRM], "only the open action");
        let carried = &r.carried_over(later)[0];
        assert_eq!(carried.from, SECOND, "it stays where it was raised");
        assert_eq!(
            r.carried_from(carried.from),
            "carried over from No. 2 (3 December 2026)"
        );
    }
    let raised = &r.meeting(SECOND).unwrap().actions[0];
    assert_eq!(raised.carried_to, [third, fourth]);
    assert!(
        r.validate(date(2027, 3, 1))
            .iter()
            .all(|p| !p.message.contains("copies"))
    );
}

#[test]
fn done_in_the_later_session_closes_it_everywhere() {
    let mut r = register();
    let third = schedule(&mut r, date(2027, 1, 7));
    let fourth = schedule(&mut r, date(2027, 2, 4));
    let at = r.carried_over(fourth)[0].at.unwrap();
    set_done(&mut r, at, true);
    assert!(r.meeting(SECOND).unwrap().actions[0].done);
    assert!(r.carried_over(third)[0].action.done);
    assert!(r.carried_over(fourth)[0].action.done);
    let fifth = schedule(&mut r, date(2027, 3, 4));
    assert!(
        r.carried_over(fifth).is_empty(),
        "a done action is not carried on"
    );
}

#[test]
fn search_the_dashboard_and_the_summary_count_it_once() {
    let mut r = register();
    let _third = schedule(&mut r, date(2027, 1, 7));
    let fourth = schedule(&mut r, date(2027, 2, 4));

    let index = SearchIndex::build(&r);
    assert_eq!(
        index.find("firm commitments", 20).len(),
        1,
        "one action, one hit"
    );

    let since = since_last_session(&r, fourth).unwrap();
    let open: Vec<_> = since
        .open_actions
        .iter()
        .filter(|a| a.text == FIRM)
        .collect();
    assert_eq!(open.len(), 1, "the dashboard lists it once");
    assert_eq!(open[0].meeting, SECOND);

    let summary = meeting_summary(&r, fourth, &SummaryOptions::default(), today()).unwrap();
    let actions = summary.actions.unwrap();
    assert_eq!(actions.len(), 1);
    assert_eq!(actions[0].text, FIRM);
    assert_eq!(
        actions[0].carried_from.as_deref(),
        Some("Carried over from No. 2 (3 December 2026)")
    );
    let own = meeting_summary(&r, SECOND, &SummaryOptions::default(), today()).unwrap();
    let own = own.actions.unwrap();
    assert_eq!(own.len(), 2);
    assert!(own.iter().all(|a| a.carried_from.is_none()));
}

#[test]
fn a_carried_action_prints_under_the_marking_it_carries_where_raised() {
    let mut r = register();
    let mut second = r.meeting(SECOND).unwrap().clone();
    second.actions[0].marking = Some("SECRET".into());
    edit::apply(&mut r, Edit::Meeting(SECOND, Some(second)));
    let third = schedule(&mut r, date(2027, 1, 7));
    let full = meeting_summary(&r, third, &SummaryOptions::default(), today()).unwrap();
    assert_eq!(full.marking, "SECRET");
    let options = SummaryOptions {
        edition: Some("OFFICIAL".into()),
        ..SummaryOptions::default()
    };
    let released = meeting_summary(&r, third, &options, today()).unwrap();
    assert_eq!(released.marking, "OFFICIAL");
    assert_eq!(
        released.actions.unwrap().len(),
        0,
        "left out of the OFFICIAL edition"
    );
}

#[test]
fn a_carried_action_at_an_unknown_level_refuses_the_document() {
    let mut r = register();
    let mut second = r.meeting(SECOND).unwrap().clone();
    second.actions[0].marking = Some("NOT A LEVEL".into());
    edit::apply(&mut r, Edit::Meeting(SECOND, Some(second)));
    let third = schedule(&mut r, date(2027, 1, 7));
    let summary = meeting_summary(&r, third, &SummaryOptions::default(), today()).unwrap();
    assert_eq!(summary.refusals.len(), 1, "{:?}", summary.refusals);
    assert!(
        summary.refusals[0]
            .contains("an action carried over from it is marked \u{201c}NOT A LEVEL"),
        "{}",
        summary.refusals[0]
    );
}

#[test]
fn an_approved_record_keeps_the_carried_action_as_it_stood() {
    let mut r = register();
    let third = schedule(&mut r, date(2027, 1, 7));
    let mut held = r.meeting(third).unwrap().clone();
    held.state = coalition_desk::model::MeetingState::Held;
    edit::apply(&mut r, Edit::Meeting(third, Some(held)));
    let approve = MinutesMove::Approve {
        at: None,
        by: "the defence ministers".into(),
    };
    // By written procedure, once comments on the circulated record were due.
    let (held_on, agreed_on) = (date(2027, 1, 7), date(2027, 1, 8));
    let circulate = MinutesMove::Circulate {
        to: r.participants.keys().copied().collect(),
        comments_due: agreed_on,
    };
    let circulation = edit::move_minutes(&r, third, circulate, held_on, agreed_on).unwrap();
    edit::apply(&mut r, circulation);
    let approval = edit::move_minutes(&r, third, approve, agreed_on, agreed_on).unwrap();
    let mut doc = Document::new(r, Origin::Untitled);
    doc.apply(approval).unwrap();

    // Where it was raised (No. 2 is a draft) the action is reworded.
    let mut second = doc.register().meeting(SECOND).unwrap().clone();
    second.actions[0].text = "Generate firm commitments for air and missile defence".into();
    doc.apply(Edit::Meeting(SECOND, Some(second))).unwrap();

    let r = doc.register();
    assert_eq!(carried_texts(r, third), [FIRM], "the record as approved");
    let summary = meeting_summary(r, third, &SummaryOptions::default(), today()).unwrap();
    assert_eq!(summary.actions.unwrap()[0].text, FIRM);

    // Done is follow-up: it shows as it stands.
    let at = r.carried_over(third)[0].at.unwrap();
    let mut second = r.meeting(SECOND).unwrap().clone();
    second.actions[at.index].done = true;
    doc.apply(Edit::Meeting(SECOND, Some(second))).unwrap();
    assert!(doc.register().carried_over(third)[0].action.done);

    // What the approved record keeps cannot be changed in place.
    let mut tampered = doc.register().meeting(third).unwrap().clone();
    tampered.carried_as_approved[0].action.text = "Something else".into();
    let refused = doc.apply(Edit::Meeting(third, Some(tampered))).unwrap_err();
    assert!(refused.to_string().contains("is approved"), "{refused}");
}

#[test]
fn deleting_a_later_session_takes_it_off_the_action() {
    let mut r = register();
    let third = schedule(&mut r, date(2027, 1, 7));
    let references = r.references_to(Record::Meeting(third));
    assert!(
        references
            .iter()
            .any(|reference| reference.description.contains("the carried-over actions")),
        "the officer is told before deleting"
    );
    let raised_at = r.references_to(Record::Meeting(SECOND));
    assert!(
        raised_at
            .iter()
            .any(|reference| reference.holder == Record::Meeting(third)
                && reference.description.contains("the carried-over actions")),
        "deleting where it was raised takes it from No. 3 too: {raised_at:?}"
    );
    let delete = edit::delete_with_references(&r, Record::Meeting(third));
    edit::apply(&mut r, delete);
    assert!(r.meeting(SECOND).unwrap().actions[0].carried_to.is_empty());
    assert!(
        r.validate(today())
            .iter()
            .all(|p| !p.message.contains("carried over to"))
    );
}

#[test]
fn a_file_with_copies_opens_and_saves_unchanged() {
    let (legacy, ..) = with_copies();
    let path = Path::new("coalition.ron");
    let text = storage::to_ron(&legacy, path).unwrap();
    assert!(text.contains("version: 1,"), "written as before");
    assert!(!text.contains("carried"));
    let parsed = storage::from_str(&text, path).unwrap();
    assert_eq!(parsed.register, legacy, "the copies stay copies");
    assert_eq!(storage::to_ron(&parsed.register, path).unwrap(), text);
}

#[test]
fn a_register_with_carried_actions_is_version_4_and_reads_back() {
    let mut r = register();
    let third = schedule(&mut r, date(2027, 1, 7));
    let path = Path::new("coalition.ron");
    let text = storage::to_ron(&r, path).unwrap();
    assert!(
        text.contains("version: 4,"),
        "an older build refuses it as newer"
    );
    assert!(text.contains("carried_to"));
    let parsed = storage::from_str(&text, path).unwrap();
    assert_eq!(parsed.register, r);
    assert_eq!(parsed.newer_version, None);
    assert_eq!(carried_texts(&parsed.register, third), [FIRM]);
}
