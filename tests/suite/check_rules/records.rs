//! The rules about the register's settings, participants, people, series
//! and meetings, each with the change that breaks it alone.

use super::Rule;

const MEETING_10: &str = "title: \"Defence ministers (June)\",";
const MEETING_10_TAIL: &str = "state: Planned,\n                marking: \"OFFICIAL\",";
const LIAISON_TO_POLAND: &str =
    "(title: \"Liaison to Poland\", participant: 2, from: Some(\"2024-01-01\")),";

pub const RULES: &[Rule] = &[
    // ------------------------------------------------ register settings
    Rule {
        name: "no marking levels",
        changes: &[("next_id: 20,", "next_id: 20,\n        markings: [],")],
        message: "The register has no marking levels",
    },
    Rule {
        name: "an empty marking level",
        changes: &[(
            "next_id: 20,",
            "next_id: 20,\n        markings: [\"OFFICIAL\", \"OFFICIAL-SENSITIVE\", \" \", \"SECRET\"],",
        )],
        message: "The register's marking levels include an empty entry",
    },
    Rule {
        name: "a marking level twice",
        changes: &[(
            "next_id: 20,",
            "next_id: 20,\n        markings: [\"OFFICIAL\", \"OFFICIAL-SENSITIVE\", \"SECRET\", \"SECRET\"],",
        )],
        message: "The register's marking levels list \"SECRET\" twice",
    },
    Rule {
        name: "no capability areas",
        changes: &[(
            "next_id: 20,",
            "next_id: 20,\n        capability_areas: [],",
        )],
        message: "The register has no capability areas",
    },
    Rule {
        name: "an empty capability area",
        changes: &[(
            "next_id: 20,",
            "next_id: 20,\n        capability_areas: [\"Air\", \"\", \"Training\"],",
        )],
        message: "The register's capability areas include an empty entry",
    },
    Rule {
        name: "a capability area twice",
        changes: &[(
            "next_id: 20,",
            "next_id: 20,\n        capability_areas: [\"Air\", \"Training\", \"Air\"],",
        )],
        message: "The register's capability areas list \"Air\" twice",
    },
    // ------------------------------------------------ participants
    Rule {
        name: "a participant without a name",
        changes: &[("name: \"NATO\"", "name: \"\"")],
        message: "The participant with code NATO has no name",
    },
    Rule {
        name: "a participant without a code",
        changes: &[("code: \"POL\"", "code: \"\"")],
        message: "Poland has no code",
    },
    Rule {
        name: "a nation's code that is not ISO 3166 alpha-3",
        changes: &[("code: \"POL\"", "code: \"PL\"")],
        message: "Poland has code \"PL\": a nation's code is three capital letters (ISO 3166 alpha-3, e.g. GBR)",
    },
    Rule {
        name: "one code for two participants",
        changes: &[("code: \"NATO\"", "code: \"gbr\"")],
        message: "Code GBR is used by more than one participant: United Kingdom, NATO",
    },
    // ------------------------------------------------ people
    Rule {
        name: "a person without a name",
        changes: &[("name: \"Liaison officer\"", "name: \" \"")],
        message: "A representative of United Kingdom has no name",
    },
    Rule {
        name: "a role for a participant that does not exist",
        changes: &[(
            LIAISON_TO_POLAND,
            "(title: \"Liaison to Poland\", participant: 99, from: Some(\"2024-01-01\")),",
        )],
        message: "Liaison officer's role \"Liaison to Poland\" is on behalf of a participant that is not in the register",
    },
    Rule {
        name: "a role that ends before it starts",
        changes: &[(
            LIAISON_TO_POLAND,
            "(title: \"Liaison to Poland\", participant: 2, from: Some(\"2024-01-01\"), to: Some(\"2023-12-31\")),",
        )],
        message: "Liaison officer's role \"Liaison to Poland\" ends (2023-12-31) before it starts (2024-01-01)",
    },
    // ------------------------------------------------ session series
    Rule {
        name: "a series without a name",
        changes: &[("(name: \"Defence ministers\",", "(name: \"\",")],
        message: "A series has no name",
    },
    Rule {
        name: "a series that ends before it starts",
        changes: &[(
            "time_zone: \"Europe/London\", convenors: [1]),",
            "time_zone: \"Europe/London\", convenors: [1], start: Some(\"10:00:00\"), end: Some(\"09:30:00\")),",
        )],
        message: "The series “Defence ministers” ends (09:30:00) before it starts (10:00:00)",
    },
    Rule {
        name: "a series convened by a participant that does not exist",
        changes: &[(
            "time_zone: \"Europe/London\", convenors: [1]),",
            "time_zone: \"Europe/London\", convenors: [1, 99]),",
        )],
        message: "The series “Defence ministers” is convened by a participant that is not in the register",
    },
    // ------------------------------------------------ meetings
    Rule {
        name: "a meeting without a title",
        changes: &[(MEETING_10, "title: \"\",")],
        message: "A meeting on 2025-06-12 has no title",
    },
    Rule {
        name: "a meeting in a series that does not exist",
        changes: &[(
            "series: Some(7),\n                number: Some(3),",
            "series: Some(99),\n                number: Some(3),",
        )],
        message: "The meeting “Defence ministers (June)” (2025-06-12) belongs to a series that is not in the register",
    },
    Rule {
        name: "a number outside any series",
        changes: &[(
            "series: Some(7),\n                number: Some(3),",
            "series: None,\n                number: Some(3),",
        )],
        message: "The meeting “Defence ministers (June)” (2025-06-12) is numbered No. 3 but belongs to no series: a number counts the sessions of a series",
    },
    Rule {
        name: "a session numbered below the sessions before it",
        changes: &[("number: Some(3),", "number: Some(1),")],
        message: "The meeting “Defence ministers (June)” (2025-06-12) is the third session of the series “Defence ministers” by date but is numbered No. 1; the sessions before it are No. 1 and No. 2",
    },
    Rule {
        name: "two sessions with one number",
        changes: &[("number: Some(3),", "number: Some(2),")],
        message: "The meeting “Defence ministers (June)” (2025-06-12) is the third session of the series “Defence ministers” by date but is numbered No. 2; the sessions before it are No. 1 and No. 2",
    },
    Rule {
        name: "a session dated before the session numbered before it",
        changes: &[("date: \"2025-06-12\",", "date: \"2025-04-01\",")],
        message: "The meeting “Defence ministers” (2025-04-10) is the second session of the series “Defence ministers” by date but is numbered No. 1; the session before it is No. 3",
    },
    Rule {
        name: "a meeting that ends before it starts",
        changes: &[(
            MEETING_10,
            "title: \"Defence ministers (June)\",\n                start: Some(\"10:00:00\"),\n                end: Some(\"09:00:00\"),",
        )],
        message: "The meeting “Defence ministers (June)” (2025-06-12) ends (09:00) before it starts (10:00)",
    },
    Rule {
        name: "a meeting held after today",
        changes: &[("state: Planned,", "state: Held,")],
        message: "The meeting “Defence ministers (June)” (2025-06-12) is marked Held but its date 2025-06-12 is after today",
    },
    Rule {
        name: "a meeting with a marking that is not one of the register's levels",
        changes: &[(
            MEETING_10_TAIL,
            "state: Planned,\n                marking: \"OFFICIAL-SENSITVE\",",
        )],
        message: "The meeting “Defence ministers (June)” (2025-06-12) is marked \"OFFICIAL-SENSITVE\", which is not one of the register's marking levels",
    },
    Rule {
        name: "a meeting without a marking",
        changes: &[(
            MEETING_10_TAIL,
            "state: Planned,\n                marking: \"\",",
        )],
        message: "The meeting “Defence ministers (June)” (2025-06-12) has no protective marking: choose one of OFFICIAL, OFFICIAL-SENSITIVE, SECRET",
    },
    Rule {
        name: "a meeting convened by a participant that does not exist",
        changes: &[(
            MEETING_10,
            "title: \"Defence ministers (June)\",\n                convenors: [99],",
        )],
        message: "The meeting “Defence ministers (June)” (2025-06-12) is convened by a participant that is not in the register",
    },
    Rule {
        name: "a meeting chaired by a person who does not exist",
        changes: &[(
            MEETING_10,
            "title: \"Defence ministers (June)\",\n                chairs: [99],",
        )],
        message: "The meeting “Defence ministers (June)” (2025-06-12) is chaired by a person who is not in the register",
    },
    Rule {
        name: "attendance for a participant that does not exist",
        changes: &[(
            "3: (status: Observer),",
            "3: (status: Observer),\n                    99: (status: Present),",
        )],
        message: "The meeting “Defence ministers” (2025-04-10) lists attendance for a participant that is not in the register",
    },
    Rule {
        name: "a delegate who does not exist",
        changes: &[("delegates: [4], note:", "delegates: [4, 99], note:")],
        message: "The meeting “Defence ministers (May)” (2025-05-08) lists a delegate of United Kingdom who is not in the register",
    },
    Rule {
        name: "a delegate without a role for the participant on the day",
        changes: &[("delegates: [4], note:", "delegates: [5], note:")],
        message: "The meeting “Defence ministers (May)” (2025-05-08): Władysław Kosiniak-Kamysz is listed as a delegate of United Kingdom but held no role for it on 2025-05-08",
    },
    Rule {
        name: "a delegate listed twice for one participant",
        changes: &[("delegates: [4], note:", "delegates: [4, 4], note:")],
        message: "The meeting “Defence ministers (May)” (2025-05-08) lists John Healey MP twice as a delegate of United Kingdom",
    },
    Rule {
        name: "a delegate listed for two participants",
        changes: &[
            (
                "1: (status: Present, delegates: [4]),",
                "1: (status: Present, delegates: [4, 6]),",
            ),
            (
                "2: (status: Present, delegates: [5]),",
                "2: (status: Present, delegates: [6, 5]),",
            ),
        ],
        message: "The meeting “Defence ministers” (2025-04-10) lists Liaison officer as a delegate of both United Kingdom and Poland",
    },
    Rule {
        name: "an agenda item led by a person who does not exist",
        changes: &[(
            MEETING_10,
            "title: \"Defence ministers (June)\",\n                agenda: [(title: \"Air defence\", lead: Some(99))],",
        )],
        message: "The meeting “Defence ministers (June)” (2025-06-12): agenda item 1 is led by a person who is not in the register",
    },
    Rule {
        name: "an action owed by a participant that does not exist",
        changes: &[(
            MEETING_10,
            "title: \"Defence ministers (June)\",\n                actions: [(text: \"Report back\", owner: Some(1)), (text: \"Host\", owner: Some(99))],",
        )],
        message: "The meeting “Defence ministers (June)” (2025-06-12): action 2 is owed by a participant that is not in the register",
    },
    // ------------------------------------------------ invited vs attended
    Rule {
        name: "an invitation left at a held session",
        changes: &[("3: (status: Observer),", "3: (status: Invited),")],
        message: "The meeting “Defence ministers” (2025-04-10): NATO is recorded as Invited, but the session was held: record whether it attended (Present, Represented, Observer or Apologies)",
    },
    Rule {
        name: "attendance recorded for a session not yet held",
        changes: &[(
            MEETING_10_TAIL,
            "state: Planned,\n                attendance: { 1: (status: Present) },\n                marking: \"OFFICIAL\",",
        )],
        message: "The meeting “Defence ministers (June)” (2025-06-12): United Kingdom is recorded as Present, but the session is Planned: record Invited or Confirmed until it is held",
    },
];
