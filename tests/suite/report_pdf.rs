//! Printed summaries read back with lopdf: names with accents and
//! Cyrillic, the marking and page numbers on every page, restricted notes
//! only when asked, injected markup printed literally, and a long
//! attendance list split across pages with its header repeated.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use coalition_desk::model::{
    Attendance, AttendanceStatus, Meeting, MeetingId, MeetingState, Participant, ParticipantId,
    ParticipantKind, Person, PersonId, Register, Role, SeriesId,
};
use coalition_desk::report::{self, PrintEngine, SummaryOptions};
use coalition_desk::sample;

const SAMPLE_MEETING: MeetingId = MeetingId(11);

/// The text of each page, with all white space removed: PDF text comes
/// back as positioned runs, so spaces are not reliable.
pub(crate) fn pages(pdf: &[u8]) -> Vec<String> {
    let document = lopdf::Document::load_mem(pdf).unwrap();
    document
        .get_pages()
        .values()
        .map(|&page| squash(&page_text(&document, page)))
        .collect()
}

/// The text shown on one page, decoded through each font's ToUnicode map.
/// (lopdf's own `extract_text` rejects the CMap header typst writes.)
fn page_text(document: &lopdf::Document, page: lopdf::ObjectId) -> String {
    let fonts: BTreeMap<Vec<u8>, BTreeMap<u32, String>> = document
        .get_page_fonts(page)
        .unwrap()
        .into_iter()
        .map(|(name, font)| {
            let map = font
                .get_deref(b"ToUnicode", document)
                .and_then(|o| o.as_stream())
                .map(|stream| to_unicode(&stream.decompressed_content().unwrap()))
                .unwrap_or_default();
            (name, map)
        })
        .collect();
    let content =
        lopdf::content::Content::decode(&document.get_page_content(page).unwrap()).unwrap();
    let empty = BTreeMap::new();
    let mut font = &empty;
    let mut text = String::new();
    let show = |bytes: &[u8], font: &BTreeMap<u32, String>, text: &mut String| {
        for pair in bytes.chunks(2) {
            let code = pair.iter().fold(0u32, |acc, b| acc << 8 | u32::from(*b));
            text.push_str(font.get(&code).map(String::as_str).unwrap_or("?"));
        }
    };
    for op in &content.operations {
        match op.operator.as_str() {
            "Tf" => {
                font = fonts
                    .get(op.operands[0].as_name().unwrap())
                    .unwrap_or(&empty)
            }
            "Tj" => show(op.operands[0].as_str().unwrap(), font, &mut text),
            "TJ" => {
                for part in op.operands[0].as_array().unwrap() {
                    if let Ok(bytes) = part.as_str() {
                        show(bytes, font, &mut text);
                    }
                }
            }
            "ET" => text.push('\n'),
            _ => {}
        }
    }
    text
}

/// The `bfchar` and `bfrange` entries of a ToUnicode CMap.
fn to_unicode(cmap: &[u8]) -> BTreeMap<u32, String> {
    let text = String::from_utf8_lossy(cmap);
    let hex = |s: &str| u32::from_str_radix(s.trim_matches(|c| c == '<' || c == '>'), 16).unwrap();
    let utf16 = |s: &str| {
        let s = s.trim_matches(|c| c == '<' || c == '>');
        let units: Vec<u16> = (0..s.len())
            .step_by(4)
            .map(|i| u16::from_str_radix(&s[i..i + 4], 16).unwrap())
            .collect();
        String::from_utf16(&units).unwrap()
    };
    let mut map = BTreeMap::new();
    let mut section = "";
    for line in text.lines().map(str::trim) {
        if line.ends_with("beginbfchar") || line.ends_with("beginbfrange") {
            section = if line.ends_with("beginbfchar") {
                "char"
            } else {
                "range"
            };
            continue;
        }
        if line.starts_with("end") {
            section = "";
            continue;
        }
        let parts: Vec<&str> = line.split_whitespace().collect();
        match (section, parts.as_slice()) {
            ("char", [code, unicode]) => {
                map.insert(hex(code), utf16(unicode));
            }
            ("range", [low, high, start]) if start.starts_with('<') => {
                let first = utf16(start).chars().next().unwrap() as u32;
                for (i, code) in (hex(low)..=hex(high)).enumerate() {
                    let c = char::from_u32(first + i as u32).unwrap();
                    map.insert(code, c.to_string());
                }
            }
            _ => {}
        }
    }
    map
}

pub(crate) fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn engine() -> PrintEngine {
    PrintEngine::new().unwrap()
}

pub(crate) fn summary_pdf(
    register: &Register,
    id: MeetingId,
    options: &SummaryOptions,
) -> Vec<String> {
    let summary = report::meeting_summary(register, id, options, crate::common::today()).unwrap();
    pages(&engine().meeting_summary_pdf(&summary).unwrap())
}

#[test]
fn sample_summary_prints_names_marking_and_page_numbers() {
    let register = sample::register().unwrap();
    let pages = summary_pdf(&register, SAMPLE_MEETING, &SummaryOptions::default());
    assert!(pages.len() >= 2, "the statement runs over a page");
    let all = pages.concat();
    for expected in [
        "Sébastien Lecornu",
        "Ministre des Armées",
        "John Healey MP",
        "Coalition of the Willing — Defence ministers",
        "Example — Funding for Ukrainian capacity",
        "EUR 250,000,000.00",
        "Public statement",
    ] {
        assert!(all.contains(&squash(expected)), "missing {expected}");
    }
    let total = pages.len();
    for (i, page) in pages.iter().enumerate() {
        assert_eq!(
            page.matches("OFFICIAL-SENSITIVE").count(),
            2,
            "marking at top and bottom of page {}",
            i + 1
        );
        assert!(page.contains(&squash(&format!("Page {} of {total}", i + 1))));
        assert!(page.contains(&squash("Coalition of the Willing (sample)")));
    }
    assert!(!all.contains("Restrictednotes"));
    assert!(!all.contains(&squash("Discretion: the specific details")));
}

#[test]
fn restricted_notes_print_only_when_asked() {
    let register = sample::register().unwrap();
    let options = SummaryOptions {
        include_restricted: true,
        ..SummaryOptions::default()
    };
    let all = summary_pdf(&register, SAMPLE_MEETING, &options).concat();
    assert!(all.contains("Restrictednotes"));
    assert!(all.contains(&squash("Discretion: the specific details")));
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A register with a Cyrillic name, markup in every free text field, and
/// `extra_nations` more nations each with one delegate.
fn awkward_register(extra_nations: u64) -> (Register, MeetingId) {
    let mut register = Register::new("Реєстр коаліції *[_");
    let ukraine = ParticipantId(1);
    register.participants.insert(
        ukraine,
        Participant {
            name: "Україна".into(),
            code: "UKR".into(),
            kind: ParticipantKind::Nation,
            ..Default::default()
        },
    );
    register.people.insert(
        PersonId(2),
        Person {
            name: "Рустем Умєров".into(),
            roles: vec![Role {
                title: "Міністр оборони".into(),
                participant: ukraine,
                from: Some(date(2023, 9, 6)),
                to: None,
                head_of_delegation: false,
            }],
            ..Default::default()
        },
    );
    let mut attendance = std::collections::BTreeMap::new();
    attendance.insert(
        ukraine,
        Attendance {
            status: AttendanceStatus::Present,
            delegates: vec![PersonId(2)],
            note: "#panic(\"note\")".into(),
            ..Attendance::default()
        },
    );
    for n in 0..extra_nations {
        let participant = ParticipantId(100 + n);
        let person = PersonId(1000 + n);
        register.participants.insert(
            participant,
            Participant {
                name: format!("Nation {n:03}"),
                code: format!("N{n:02}"),
                kind: ParticipantKind::Nation,
                ..Default::default()
            },
        );
        register.people.insert(
            person,
            Person {
                name: format!("Delegate {n:03}"),
                roles: vec![Role {
                    title: "Minister of Defence".into(),
                    participant,
                    from: None,
                    to: None,
                    head_of_delegation: false,
                }],
                ..Default::default()
            },
        );
        attendance.insert(
            participant,
            Attendance {
                status: AttendanceStatus::Present,
                delegates: vec![person],
                ..Attendance::default()
            },
        );
    }
    let id = MeetingId(5000);
    register.meetings.insert(
        id,
        Meeting {
            title: "#set page(width: 1pt)".into(),
            series: Some(SeriesId(4999)),
            date: date(2025, 5, 1),
            state: MeetingState::Held,
            location: "*[_".into(),
            attendance,
            statement: "$x^2$ #let a = 1 ]] \\ <label> @ref".into(),
            marking: "OFFICIAL".into(),
            ..Default::default()
        },
    );
    (register, id)
}

#[test]
fn cyrillic_and_markup_print_literally() {
    let (register, id) = awkward_register(0);
    let pages = summary_pdf(&register, id, &SummaryOptions::default());
    assert_eq!(pages.len(), 1, "a width of 1pt would have made many pages");
    let page = &pages[0];
    for literal in [
        "#set page(width: 1pt)",
        "*[_",
        "Рустем Умєров",
        "Міністр оборони",
        "Україна",
        "Реєстр коаліції *[_",
        "#panic(\"note\")",
        "$x^2$ #let a = 1 ]] \\ <label> @ref",
    ] {
        assert!(
            page.contains(&squash(literal)),
            "missing {literal} in {page}"
        );
    }
}

#[test]
fn long_attendance_splits_with_repeated_header() {
    let (register, id) = awkward_register(120);
    let options = SummaryOptions {
        statement: false,
        ..SummaryOptions::default()
    };
    let pages = summary_pdf(&register, id, &options);
    assert!(pages.len() >= 3, "121 delegations take several pages");
    for (i, page) in pages.iter().enumerate() {
        assert!(
            page.contains("ParticipantCodeStatusDelegates"),
            "header on page {}",
            i + 1
        );
        assert_eq!(page.matches("OFFICIAL").count(), 2, "page {}", i + 1);
    }
    let all = pages.concat();
    assert!(all.contains("Delegate000") && all.contains("Delegate119"));
}

#[test]
fn attendance_record_prints() {
    let register = sample::register().unwrap();
    let record = report::attendance_record(&register, SeriesId(9), crate::common::today()).unwrap();
    let pages = pages(&engine().attendance_pdf(&record).unwrap());
    assert_eq!(pages.len(), 1);
    for expected in [
        "Attendance record: Defence ministers",
        "Ukraine",
        "Not recorded",
        "Page 1 of 1",
    ] {
        assert!(pages[0].contains(&squash(expected)), "missing {expected}");
    }
    // Nothing recorded is never printed as a fact.
    assert!(!pages[0].contains("Absent"));
}
