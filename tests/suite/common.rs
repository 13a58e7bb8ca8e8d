//! A small register and a harness that runs one panel alone: the panel
//! fills an outbox, the document applies its edits as the app does, the
//! revision moves. Its commands are not run (a test keeps them in
//! `State::commands` if it wants them); what a command does is tested on
//! the whole window.

use std::collections::BTreeMap;
use std::str::FromStr;

use chrono::NaiveDate;
use coalition_desk::document::{Document, Origin};
use coalition_desk::model::{
    Attendance, AttendanceStatus, Commitment, CommitmentId, CommitmentStatus, Meeting, MeetingId,
    MeetingState, Money, Participant, ParticipantId, ParticipantKind, Person, PersonId, Quantity,
    Register, Role, Route, StatusChange,
};
use egui_kittest::Harness;
use rust_decimal::Decimal;

pub const UKR: ParticipantId = ParticipantId(1);
pub const GBR: ParticipantId = ParticipantId(2);
pub const FRA: ParticipantId = ParticipantId(3);
pub const NATO: ParticipantId = ParticipantId(4);
pub const MINISTERS: MeetingId = MeetingId(10);

pub fn today() -> NaiveDate {
    date(2025, 6, 1)
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The panel under test with the document it edits.
pub struct State<P> {
    pub doc: Document,
    pub panel: P,
    /// Stands in for the document's state number: bumped on every change.
    pub revision: u64,
    /// Commands the panel asked the app for, in order.
    pub commands: Vec<coalition_desk::ui::Command>,
}

impl<P> State<P> {
    pub fn new(panel: P) -> Self {
        State {
            doc: Document::new(register(), Origin::Untitled),
            panel,
            revision: 0,
            commands: Vec::new(),
        }
    }

    pub fn undo(&mut self) {
        assert!(self.doc.undo());
        self.revision += 1;
    }
}

/// What a panel is drawn from, as the app gives it.
pub fn context(doc: &Document, revision: u64) -> coalition_desk::ui::PanelContext<'_> {
    coalition_desk::ui::PanelContext {
        register: doc.register(),
        today: today(),
        revision,
        document: None,
    }
}

/// A harness of the app's usual size with the bundled fonts.
pub fn harness<'a, P: 'a>(
    panel: P,
    mut draw: impl FnMut(&mut egui::Ui, &mut State<P>, &mut coalition_desk::ui::Outbox) + 'a,
) -> Harness<'a, State<P>> {
    Harness::builder()
        .with_size(egui::vec2(1200.0, 800.0))
        .renderer(crate::cpu_renderer::CpuRenderer::default())
        .with_context_setup(coalition_desk::ui::fonts::install)
        .build_ui_state(
            move |ui, state: &mut State<P>| {
                let mut out = coalition_desk::ui::Outbox::default();
                draw(ui, state, &mut out);
                for edit in out.edits {
                    state.doc.apply(edit).unwrap();
                    state.revision += 1;
                }
            },
            State::new(panel),
        )
}

fn money(amount: &str) -> Money {
    Money {
        amount: Decimal::from_str(amount).unwrap(),
        currency: "EUR".into(),
    }
}

fn commitment(
    participant: ParticipantId,
    title: &str,
    area: &str,
    status: CommitmentStatus,
    value: Option<Money>,
    due: Option<NaiveDate>,
) -> Commitment {
    Commitment {
        participant,
        announced_at: Some(MINISTERS),
        title: title.into(),
        area: area.into(),
        value,
        due,
        status,
        history: vec![StatusChange {
            date: date(2025, 4, 10),
            status,
            note: "Announced".into(),
            meeting: Some(MINISTERS),
        }],
        marking: "OFFICIAL".into(),
        ..Commitment::default()
    }
}

pub fn register() -> Register {
    let mut r = Register::new("Coalition of the willing");
    let participant = |name: &str, code: &str, kind| Participant {
        name: name.into(),
        code: code.into(),
        kind,
        joined: Some(date(2025, 2, 17)),
        notes: String::new(),
        ..Participant::default()
    };
    use ParticipantKind::{Nation, Organisation};
    r.participants
        .insert(UKR, participant("Україна", "UKR", Nation));
    r.participants
        .insert(GBR, participant("United Kingdom", "GBR", Nation));
    r.participants
        .insert(FRA, participant("France", "FRA", Nation));
    r.participants
        .insert(NATO, participant("NATO", "NATO", Organisation));
    r.people.insert(
        PersonId(5),
        Person {
            name: "Sébastien Lecornu".into(),
            roles: vec![Role {
                title: "Minister of the Armed Forces".into(),
                participant: FRA,
                from: Some(date(2022, 5, 20)),
                to: None,
                head_of_delegation: false,
            }],
            notes: String::new(),
        },
    );
    let mut attendance = BTreeMap::new();
    for p in [UKR, GBR, FRA] {
        attendance.insert(
            p,
            Attendance {
                status: AttendanceStatus::Present,
                ..Attendance::default()
            },
        );
    }
    r.meetings.insert(
        MINISTERS,
        Meeting {
            title: "Defence ministers".into(),
            date: date(2025, 4, 10),
            state: MeetingState::Held,
            attendance,
            marking: "OFFICIAL".into(),
            ..Meeting::default()
        },
    );
    use CommitmentStatus::*;
    let mut c = commitment(
        GBR,
        "Air defence missiles",
        "Air & missile defence",
        Pledged,
        Some(money("1600000000")),
        Some(date(2025, 12, 31)),
    );
    c.route = Route::DirectContribution;
    c.quantity = Some(Quantity {
        amount: Decimal::from(5000),
        unit: "missiles".into(),
    });
    r.commitments.insert(CommitmentId(20), c);
    r.commitments.insert(
        CommitmentId(21),
        commitment(
            FRA,
            "Demining teams",
            "Demining",
            InDelivery,
            Some(money("125000000.50")),
            Some(date(2025, 5, 1)),
        ),
    );
    r.commitments.insert(
        CommitmentId(22),
        commitment(
            GBR,
            "Drone production",
            "Drones",
            Proposed,
            Some(money("350000000")),
            None,
        ),
    );
    r.commitments.insert(
        CommitmentId(23),
        commitment(
            NATO,
            "Training mission",
            "Training",
            Withdrawn,
            None,
            Some(date(2025, 3, 1)),
        ),
    );
    r.next_id = 30;
    r
}

/// Sets the open meeting's state the way the officer does: the State
/// box, then the entry in its list (drawn last, above the meetings table).
pub fn set_meeting_state<S>(harness: &mut Harness<'_, S>, state: &str) {
    use egui_kittest::kittest::Queryable;
    // The form's label comes first, the box it names after it.
    harness
        .get_all_by_label("State")
        .last()
        .expect("the State box")
        .click();
    harness.run();
    harness
        .get_all_by_label(state)
        .last()
        .expect("the state is offered")
        .click();
    harness.run();
}
