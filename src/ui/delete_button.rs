//! Every Delete… button: it asks first (the command opens a question),
//! and when the register's rules would refuse the delete — a record an
//! approved meeting record names — it is greyed with the core's reason
//! as its tooltip, rather than asking and then refusing (issue 21).

use std::collections::BTreeMap;

use egui::{Response, Ui};

use super::{Command, Outbox};
use crate::edit;
use crate::model::{Record, Register};

/// Why deleting each record drawn would be refused, worked out once per
/// revision of the register (a delete's mending is built to know it).
#[derive(Debug, Default)]
pub struct DeleteRefusals {
    revision: Option<u64>,
    known: BTreeMap<Record, Option<String>>,
}

impl DeleteRefusals {
    /// Why the register at `revision` would refuse deleting `target`, in
    /// the officer's words; `None` when it would not.
    pub fn refusal(&mut self, register: &Register, revision: u64, target: Record) -> Option<&str> {
        if self.revision != Some(revision) {
            self.revision = Some(revision);
            self.known.clear();
        }
        self.known
            .entry(target)
            .or_insert_with(|| edit::delete_refusal(register, target).map(|r| r.to_string()))
            .as_deref()
    }
}

/// The Delete… button of `target`, greyed with `refused` as its tooltip
/// when the register would refuse it; pressed, it asks first.
pub fn delete_button_ui(
    ui: &mut Ui,
    target: Record,
    refused: Option<&str>,
    out: &mut Outbox,
) -> Response {
    let delete = Command::Delete(target);
    let button = ui.add_enabled(refused.is_none(), egui::Button::new(delete.label()));
    let button = match refused {
        Some(reason) => button.on_disabled_hover_text(reason),
        None => button.on_hover_text(delete.tooltip()),
    };
    if button.clicked() {
        out.command(delete);
    }
    button
}
