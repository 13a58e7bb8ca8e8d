//! The rules about commitments: references, amounts, deliveries and the
//! status history, each with the change that breaks it alone.

use super::{AIR_DELIVERY, Rule, TRAINING_HISTORY};

const TRAINING_TAIL: &str = "conditions: \"Once a ceasefire holds\",";
const TRAINING_MARKING: &str =
    "meeting: Some(8))],\n                marking: \"OFFICIAL\",\n            ),\n        },";

pub const RULES: &[Rule] = &[
    // ------------------------------------------------ commitments
    Rule {
        name: "a commitment without a title",
        changes: &[("title: \"Training instructors\",", "title: \"\",")],
        message: "A commitment of United Kingdom has no title",
    },
    Rule {
        name: "a commitment by a participant that does not exist",
        changes: &[(
            "participant: 1,\n                announced_at",
            "participant: 99,\n                announced_at",
        )],
        message: "The commitment “Training instructors” is made by a participant that is not in the register",
    },
    Rule {
        name: "a commitment announced at a meeting that does not exist",
        changes: &[("announced_at: Some(9),", "announced_at: Some(99),")],
        message: "The commitment “Training instructors” of United Kingdom was announced at a meeting that is not in the register",
    },
    Rule {
        name: "a capability area not in the register's list",
        changes: &[("area: \"Training\",", "area: \"Space\",")],
        message: "The commitment “Training instructors” of United Kingdom has capability area \"Space\", which is not in the register's list",
    },
    Rule {
        name: "a commitment with a marking that is not one of the register's levels",
        changes: &[(
            TRAINING_MARKING,
            "meeting: Some(8))],\n                marking: \"RESTRICTED\",\n            ),\n        },",
        )],
        message: "The commitment “Training instructors” of United Kingdom is marked \"RESTRICTED\", which is not one of the register's marking levels",
    },
    Rule {
        name: "a commitment without a marking",
        changes: &[(
            TRAINING_MARKING,
            "meeting: Some(8))],\n                marking: \"\",\n            ),\n        },",
        )],
        message: "The commitment “Training instructors” of United Kingdom has no protective marking: choose one of OFFICIAL, OFFICIAL-SENSITIVE, SECRET",
    },
    Rule {
        name: "a negative quantity",
        changes: &[("amount: \"200\"", "amount: \"-200\"")],
        message: "The commitment “Training instructors” of United Kingdom has a quantity of -200: a quantity must be more than zero",
    },
    Rule {
        name: "a quantity of zero",
        changes: &[("amount: \"200\"", "amount: \"0\"")],
        message: "The commitment “Training instructors” of United Kingdom has a quantity of 0: a quantity must be more than zero",
    },
    Rule {
        name: "a negative value",
        changes: &[("amount: \"2500000.00\"", "amount: \"-2500000.00\"")],
        message: "The commitment “Training instructors” of United Kingdom has a value of -2500000.00 GBP: a value must be more than zero",
    },
    Rule {
        name: "a currency that is not an ISO 4217 code",
        changes: &[("currency: \"GBP\"", "currency: \"XYZ\"")],
        message: "The commitment “Training instructors” of United Kingdom has currency \"XYZ\", which is not an ISO 4217 code: use a three-letter ISO 4217 code such as EUR, GBP or USD",
    },
    Rule {
        name: "a currency code in small letters",
        changes: &[("currency: \"GBP\"", "currency: \"gbp\"")],
        message: "The commitment “Training instructors” of United Kingdom has currency \"gbp\", which is not an ISO 4217 code: write it in capitals, GBP",
    },
    Rule {
        name: "a value without a currency",
        changes: &[("currency: \"GBP\"", "currency: \"\"")],
        message: "The commitment “Training instructors” of United Kingdom has a value of 2500000.00 but no currency: write its ISO 4217 code, such as EUR",
    },
    Rule {
        name: "no status history",
        changes: &[(TRAINING_HISTORY, "history: [],")],
        message: "The commitment “Training instructors” of United Kingdom has no status history: the history records when it became Pledged",
    },
    Rule {
        name: "a history that does not end at the status",
        changes: &[(
            "status: Pledged,\n                history",
            "status: Committed,\n                history",
        )],
        message: "The commitment “Training instructors” of United Kingdom is Committed but its history ends with Pledged",
    },
    Rule {
        name: "a history out of date order",
        changes: &[(
            "(date: \"2025-05-08\", status: Committed",
            "(date: \"2025-04-01\", status: Committed",
        )],
        message: "The commitment “Air policing” of Poland has a status history out of date order",
    },
    Rule {
        name: "a history that refers to a meeting that does not exist",
        changes: &[(
            TRAINING_HISTORY,
            "history: [(date: \"2025-04-10\", status: Pledged, meeting: Some(99))],",
        )],
        message: "The commitment “Training instructors” of United Kingdom's history refers to a meeting that is not in the register",
    },
    Rule {
        name: "a move back down the ladder without a reason",
        changes: &[(
            TRAINING_HISTORY,
            "history: [\n                    (date: \"2025-04-10\", status: Pledged),\n                    (date: \"2025-05-08\", status: Committed),\n                    (date: \"2025-05-15\", status: Pledged, note: \" \"),\n                ],",
        )],
        message: "The commitment “Training instructors” of United Kingdom moved back from Committed to Pledged on 2025-05-15 without a reason: write why in the note of that step",
    },
    Rule {
        name: "a move out of Withdrawn without a reason",
        changes: &[(
            TRAINING_HISTORY,
            "history: [\n                    (date: \"2025-04-10\", status: Pledged),\n                    (date: \"2025-05-08\", status: Withdrawn, note: \"Budget cut\"),\n                    (date: \"2025-05-15\", status: Pledged),\n                ],",
        )],
        message: "The commitment “Training instructors” of United Kingdom moved back from Withdrawn to Pledged on 2025-05-15 without a reason: write why in the note of that step",
    },
    Rule {
        name: "a status change after today",
        changes: &[(
            TRAINING_HISTORY,
            "history: [(date: \"2025-07-01\", status: Pledged, meeting: Some(8))],",
        )],
        message: "The commitment “Training instructors” of United Kingdom became Pledged on 2025-07-01, which is after today",
    },
    Rule {
        name: "a delivery of nothing",
        changes: &[("amount: \"20\"", "amount: \"0\"")],
        message: "The commitment “Air policing” of Poland has a delivery of 0 on 2025-05-20: a delivery must be more than zero",
    },
    Rule {
        name: "deliveries without a quantity",
        changes: &[(
            "quantity: Some((amount: \"50\", unit: \"sorties\")),",
            "quantity: None,",
        )],
        message: "The commitment “Air policing” of Poland records deliveries but has no quantity",
    },
    Rule {
        name: "more delivered than committed",
        changes: &[("amount: \"20\"", "amount: \"60\"")],
        message: "The commitment “Air policing” of Poland has 60 delivered, more than the 50 sorties committed",
    },
    Rule {
        // Delivered with less is an agreed reduction: the step says why.
        name: "Delivered with part of the quantity delivered and no reason",
        changes: &[
            ("status: InDelivery,\n", "status: Delivered,\n"),
            (
                "status: InDelivery, note: \"First delivery\"",
                "status: Delivered",
            ),
        ],
        message: "The commitment “Air policing” of Poland is Delivered with 20 of 50 sorties delivered and EUR 0.00 of 1,500,000.00 paid (0 %): write the reason (an agreed reduction) in the note of the step to Delivered",
    },
    Rule {
        // Money pretending to be a quantity, as a register typed before
        // payments existed had to.
        name: "a quantity counted in a currency",
        changes: &[("unit: \"sorties\"", "unit: \"EUR\"")],
        message: "The commitment “Air policing” of Poland counts its quantity in EUR, a currency: give the money as its value, and record what is paid as payments",
    },
    Rule {
        name: "more paid than the value",
        changes: &[(
            "amount: \"20\", note",
            "amount: \"20\", paid: \"1500000.01\", note",
        )],
        message: "The commitment “Air policing” of Poland has EUR 1,500,000.01 paid, more than the EUR 1,500,000.00 committed",
    },
    Rule {
        name: "payments without a value",
        changes: &[
            (
                "amount: \"20\", note",
                "amount: \"20\", paid: \"100\", note",
            ),
            (
                "value: Some((amount: \"1500000.00\", currency: \"EUR\")),",
                "value: None,",
            ),
        ],
        message: "The commitment “Air policing” of Poland records payments but has no value: give it the value and currency they were paid against",
    },
    Rule {
        name: "deliveries on a Committed commitment",
        changes: &[
            ("status: InDelivery,\n", "status: Committed,\n"),
            (
                "\n                    (date: \"2025-05-20\", status: InDelivery, note: \"First delivery\"),",
                "",
            ),
        ],
        message: "The commitment “Air policing” of Poland records deliveries but is Committed: the first delivery makes it In delivery",
    },
    Rule {
        name: "deliveries on a Pledged commitment",
        changes: &[(
            TRAINING_TAIL,
            "conditions: \"Once a ceasefire holds\",\n                deliveries: [(date: \"2025-05-01\", amount: \"10\")],",
        )],
        message: "The commitment “Training instructors” of United Kingdom records deliveries but is Pledged: only a firm (Committed) commitment is delivered, and the first delivery makes it In delivery",
    },
    Rule {
        name: "a delivery reported at a meeting that does not exist",
        changes: &[(
            AIR_DELIVERY,
            "deliveries: [(date: \"2025-05-20\", amount: \"20\", note: \"First rotation\", meeting: Some(99))],",
        )],
        message: "The commitment “Air policing” of Poland's delivery of 2025-05-20 was reported at a meeting that is not in the register",
    },
    Rule {
        name: "a delivery after today",
        changes: &[(
            AIR_DELIVERY,
            "deliveries: [(date: \"2025-06-20\", amount: \"20\", note: \"First rotation\", meeting: None)],",
        )],
        message: "The commitment “Air policing” of Poland records a delivery on 2025-06-20, which is after today",
    },
];
