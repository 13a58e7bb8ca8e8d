//! A deterministic, realistic register of any size, for stress tests and
//! benchmarks: the same arguments give the same file on every machine.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate, NaiveTime};
use rust_decimal::Decimal;

use crate::model::{
    ActionItem, AgendaItem, Attendance, AttendanceStatus, Commitment, CommitmentId,
    CommitmentStatus, Decision, Meeting, MeetingFormat, MeetingId, MeetingState, Money,
    Participant, ParticipantId, ParticipantKind, Person, PersonId, Quantity, Register, Role, Route,
    SeriesId, SessionSeries,
};

/// Nations that could plausibly sit in such a coalition (ISO 3166 alpha-3).
const NATIONS: [(&str, &str); 52] = [
    ("AUS", "Australia"),
    ("AUT", "Austria"),
    ("BEL", "Belgium"),
    ("BGR", "Bulgaria"),
    ("CAN", "Canada"),
    ("HRV", "Croatia"),
    ("CYP", "Cyprus"),
    ("CZE", "Czechia"),
    ("DNK", "Denmark"),
    ("EST", "Estonia"),
    ("FIN", "Finland"),
    ("FRA", "France"),
    ("DEU", "Germany"),
    ("GRC", "Greece"),
    ("HUN", "Hungary"),
    ("ISL", "Iceland"),
    ("IRL", "Ireland"),
    ("ITA", "Italy"),
    ("JPN", "Japan"),
    ("LVA", "Latvia"),
    ("LTU", "Lithuania"),
    ("LUX", "Luxembourg"),
    ("MLT", "Malta"),
    ("MDA", "Moldova"),
    ("MNE", "Montenegro"),
    ("NLD", "Netherlands"),
    ("NZL", "New Zealand"),
    ("MKD", "North Macedonia"),
    ("NOR", "Norway"),
    ("POL", "Poland"),
    ("PRT", "Portugal"),
    ("ROU", "Romania"),
    ("SVK", "Slovakia"),
    ("SVN", "Slovenia"),
    ("ESP", "Spain"),
    ("SWE", "Sweden"),
    ("CHE", "Switzerland"),
    ("TUR", "Türkiye"),
    ("UKR", "Україна"),
    ("GBR", "United Kingdom"),
    ("ALB", "Albania"),
    ("KOR", "Republic of Korea"),
    ("GEO", "Georgia"),
    ("ARM", "Armenia"),
    ("AZE", "Azerbaijan"),
    ("BIH", "Bosnia and Herzegovina"),
    ("SRB", "Serbia"),
    ("KAZ", "Kazakhstan"),
    ("SGP", "Singapore"),
    ("CHL", "Chile"),
    ("BRA", "Brazil"),
    ("MEX", "Mexico"),
];

const ORGANISATIONS: [(&str, &str); 8] = [
    ("EU-COM", "European Commission"),
    ("EU-CNL", "Council of the European Union"),
    ("NATO", "NATO"),
    ("EDA", "European Defence Agency"),
    ("EEAS", "European External Action Service"),
    ("OSCE", "OSCE"),
    ("UN", "United Nations"),
    ("EIB", "European Investment Bank"),
];

const GIVEN: [&str; 16] = [
    "Anna",
    "Jean",
    "Olena",
    "Lars",
    "María",
    "Piotr",
    "Sofia",
    "Tomás",
    "Ingrid",
    "Marco",
    "Élise",
    "Mykola",
    "Kaja",
    "Hugo",
    "Zofia",
    "François",
];
const FAMILY: [&str; 16] = [
    "Novak",
    "Dubois",
    "Kovalenko",
    "Andersen",
    "García",
    "Nowak",
    "Rossi",
    "Müller",
    "Lindqvist",
    "Horvat",
    "Lefèvre",
    "Шевченко",
    "Kask",
    "Silva",
    "Jansen",
    "O'Brien",
];
const TITLES: [&str; 5] = [
    "Minister of Defence",
    "Chief of Defence",
    "Defence Attaché",
    "Policy Director",
    "Head of Delegation",
];
const SERIES: [(&str, &str); 4] = [
    ("Defence ministers", "FREQ=MONTHLY;BYDAY=2TH"),
    (
        "Chiefs of Defence planning",
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
    ),
    ("Capability coalition: air", "FREQ=MONTHLY;BYMONTHDAY=15"),
    ("Capability coalition: maritime", "FREQ=MONTHLY;BYDAY=1WE"),
];
const UNITS: [&str; 6] = [
    "instructors",
    "vehicles",
    "systems",
    "rounds",
    "teams",
    "tonnes",
];
const CURRENCIES: [&str; 4] = ["EUR", "GBP", "USD", "NOK"];

/// How large a register to make.
#[derive(Clone, Copy, Debug)]
pub struct GenerateOptions {
    pub meetings: usize,
    pub commitments: usize,
    pub seed: u64,
}

/// SplitMix64: tiny, fast and the same everywhere, so a seed names one
/// register for good (a library's generator may change between versions).
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len()))
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// Makes a register that passes validation: about 60 participants, about
/// 400 people whose roles change over time, four series over ten years,
/// the meetings with full attendance and agendas, and the commitments
/// with status histories.
pub fn register(options: GenerateOptions) -> Register {
    let mut dice = Dice(options.seed);
    let mut register = Register::new(format!(
        "Generated coalition ({} meetings, {} commitments, seed {})",
        options.meetings, options.commitments, options.seed
    ));
    let mut next = 1u64;
    let mut id = || {
        let value = next;
        next += 1;
        value
    };
    let start = NaiveDate::from_ymd_opt(2016, 1, 1).unwrap_or_default();
    let span_days = 3650u64;

    let mut participants = Vec::new();
    for (code, name) in NATIONS {
        let pid = ParticipantId(id());
        register
            .participants
            .insert(pid, participant(code, name, ParticipantKind::Nation));
        participants.push(pid);
    }
    for (code, name) in ORGANISATIONS {
        let pid = ParticipantId(id());
        register
            .participants
            .insert(pid, participant(code, name, ParticipantKind::Organisation));
        participants.push(pid);
    }

    // Each participant has a line of office holders: when one leaves the
    // next takes over the day after, so every date has someone in office.
    let mut holders: BTreeMap<ParticipantId, Vec<(PersonId, NaiveDate, Option<NaiveDate>)>> =
        BTreeMap::new();
    for &participant in &participants {
        let mut from = start;
        for term in 0..7 {
            let last = term == 6;
            let to = (!last).then(|| from + Days::new(300 + dice.below(500) as u64));
            let person_id = PersonId(id());
            let name = format!(
                "{} {}",
                dice.pick(&GIVEN).copied().unwrap_or("Anna"),
                dice.pick(&FAMILY).copied().unwrap_or("Novak")
            );
            let title = dice.pick(&TITLES).copied().unwrap_or("Head of Delegation");
            register.people.insert(
                person_id,
                Person {
                    name,
                    roles: vec![Role {
                        title: title.to_string(),
                        participant,
                        from: Some(from),
                        to,
                    }],
                    notes: String::new(),
                },
            );
            holders
                .entry(participant)
                .or_default()
                .push((person_id, from, to));
            match to {
                Some(to) => from = to + Days::new(1),
                None => break,
            }
        }
    }

    let mut series_ids = Vec::new();
    for (name, cadence) in SERIES {
        let sid = SeriesId(id());
        register.series.insert(
            sid,
            SessionSeries {
                name: name.to_string(),
                cadence: cadence.to_string(),
                first: Some(start),
                start: NaiveTime::from_hms_opt(10, 0, 0),
                end: NaiveTime::from_hms_opt(12, 30, 0),
                location: "Brussels".into(),
                format: MeetingFormat::Hybrid,
                convenors: participants.iter().take(2).copied().collect(),
                ..SessionSeries::default()
            },
        );
        series_ids.push(sid);
    }

    let mut meeting_ids = Vec::new();
    let mut numbers: BTreeMap<SeriesId, u32> = BTreeMap::new();
    for n in 0..options.meetings {
        let mid = MeetingId(id());
        let offset = (n as u64 * span_days) / options.meetings.max(1) as u64;
        let date = start + Days::new(offset);
        let series = (!dice.chance(10))
            .then(|| dice.pick(&series_ids).copied())
            .flatten();
        let number = series.map(|s| {
            let count = numbers.entry(s).or_default();
            *count += 1;
            *count
        });
        let held = date < NaiveDate::from_ymd_opt(2025, 6, 1).unwrap_or_default();
        let mut attendance = BTreeMap::new();
        for &participant in &participants {
            if dice.chance(15) {
                continue;
            }
            let status = match (dice.below(20), held) {
                (0, _) => AttendanceStatus::Apologies,
                (1, true) => AttendanceStatus::Represented,
                (2, true) => AttendanceStatus::Observer,
                (_, true) => AttendanceStatus::Present,
                // Who is expected at a session not yet held.
                (1 | 2, false) => AttendanceStatus::Invited,
                (_, false) => AttendanceStatus::Confirmed,
            };
            let delegates = holders
                .get(&participant)
                .and_then(|line| {
                    line.iter()
                        .find(|(_, from, to)| *from <= date && to.is_none_or(|to| date <= to))
                })
                .filter(|_| status != AttendanceStatus::Apologies)
                .map(|(person, _, _)| vec![*person])
                .unwrap_or_default();
            attendance.insert(
                participant,
                Attendance {
                    status,
                    delegates,
                    note: String::new(),
                },
            );
        }
        let agenda = (1..=4)
            .map(|item| AgendaItem {
                title: format!("Agenda item {item}: capability review"),
                lead: None,
                notes: "Discussion of national contributions and delivery timelines.".into(),
                outcome: "Noted; secretariat to follow up.".into(),
            })
            .collect();
        register.meetings.insert(
            mid,
            Meeting {
                title: match series.and_then(|s| register.series.get(&s)) {
                    Some(s) => s.name.clone(),
                    None => "Extraordinary session".into(),
                },
                series,
                number,
                date,
                start: NaiveTime::from_hms_opt(10, 0, 0),
                end: NaiveTime::from_hms_opt(12, 30, 0),
                location: "Brussels".into(),
                format: MeetingFormat::Hybrid,
                state: if held {
                    MeetingState::Held
                } else {
                    MeetingState::Planned
                },
                convenors: participants.iter().take(2).copied().collect(),
                attendance,
                agenda,
                decisions: vec![Decision {
                    text: "Continue to meet regularly.".into(),
                }],
                actions: vec![ActionItem {
                    text: "Circulate updated contribution tables".into(),
                    owner: participants.first().copied(),
                    due: Some(date + Days::new(14)),
                    done: held,
                }],
                statement: "The coalition met to review progress on commitments.".into(),
                marking: "OFFICIAL".into(),
                ..Meeting::default()
            },
        );
        meeting_ids.push((mid, date));
    }

    let areas = register.capability_areas.clone();
    for n in 0..options.commitments {
        let cid = CommitmentId(id());
        let participant = dice.pick(&participants).copied().unwrap_or_default();
        let announced = dice.pick(&meeting_ids).copied();
        let announced_on = announced.map(|(_, date)| date).unwrap_or(start);
        let mut commitment = Commitment {
            participant,
            announced_at: announced.map(|(mid, _)| mid),
            title: format!("Contribution {n}"),
            description: "Generated commitment for load testing.".into(),
            area: dice.pick(&areas).cloned().unwrap_or_default(),
            route: if dice.chance(50) {
                Route::StrengtheningUkrainianCapacity
            } else {
                Route::DirectContribution
            },
            quantity: dice.chance(60).then(|| Quantity {
                amount: Decimal::from(1 + dice.below(500) as u64),
                unit: dice.pick(&UNITS).copied().unwrap_or("systems").into(),
            }),
            value: dice.chance(50).then(|| Money {
                amount: Decimal::new(100_000 + dice.below(50_000_000) as i64 * 100, 2),
                currency: dice.pick(&CURRENCIES).copied().unwrap_or("EUR").into(),
            }),
            conditions: if dice.chance(20) {
                "Once a ceasefire holds".into()
            } else {
                String::new()
            },
            due: Some(announced_on + Days::new(90 + dice.below(700) as u64)),
            marking: if dice.chance(10) {
                "OFFICIAL-SENSITIVE".into()
            } else {
                "OFFICIAL".into()
            },
            ..Commitment::default()
        };
        let steps = 1 + dice.below(5);
        let ladder = [
            CommitmentStatus::Pledged,
            CommitmentStatus::Committed,
            CommitmentStatus::InDelivery,
            CommitmentStatus::Delivered,
        ];
        let mut on = announced_on;
        for status in ladder.iter().take(steps.min(ladder.len())) {
            commitment.change_status(*status, on, "Recorded", None);
            on = on + Days::new(30 + dice.below(120) as u64);
        }
        if dice.chance(3) {
            commitment.change_status(CommitmentStatus::Withdrawn, on, "Withdrawn", None);
        }
        register.commitments.insert(cid, commitment);
    }
    register.next_id = next;
    register
}

fn participant(code: &str, name: &str, kind: ParticipantKind) -> Participant {
    Participant {
        name: name.to_string(),
        code: code.to_string(),
        kind,
        joined: None,
        notes: String::new(),
    }
}
