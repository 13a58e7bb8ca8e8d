//! The small windows of sending and merging a copy: which offices, and
//! what to do without a common copy. Each returns itself while it stays
//! open.

use egui::{Id, Modal, RichText, TextEdit, Ui};

use super::Command;
use super::copies::{Exchange, OfficesForm, ReceivedCopy, office_code};
use super::on_top::Outcome;
use super::shown_error;

/// What the officer did in one of these windows.
enum Step {
    Stay,
    Cancel,
    Go,
}

impl Exchange {
    /// Draws the step on top; going on closes it with the command for the
    /// next step, a code that cannot be used keeps it open saying why.
    pub fn ui(&mut self, ctx: &egui::Context) -> Outcome {
        match self {
            Exchange::Send(form) => match send_ui(ctx, form) {
                Step::Stay => Outcome::Stays,
                Step::Cancel => Outcome::Closed,
                Step::Go => match office_code(&form.partner, "the partner's") {
                    Ok(partner) => Outcome::Then(Command::ChooseWhereToSend(partner)),
                    Err(problem) => {
                        form.problem = Some(problem.to_string());
                        Outcome::Stays
                    }
                },
            },
            Exchange::Offices { copy, form } => match offices_ui(ctx, copy, form) {
                Step::Stay => Outcome::Stays,
                Step::Cancel => Outcome::Closed,
                Step::Go => {
                    let codes = office_code(&form.ours, "this copy's")
                        .and_then(|ours| Ok((ours, office_code(&form.partner, "the partner's")?)));
                    match codes {
                        Ok((ours, partner)) if ours == partner => {
                            form.problem = Some(format!(
                                "This copy and the copy read cannot both be {ours}'s: give the \
                                 partner office's own code"
                            ));
                            Outcome::Stays
                        }
                        Ok((ours, partner)) => Outcome::Then(Command::MergeWithBase {
                            copy: copy.clone(),
                            ours,
                            partner,
                        }),
                        Err(problem) => {
                            form.problem = Some(problem.to_string());
                            Outcome::Stays
                        }
                    }
                }
            },
            Exchange::NoBase {
                copy,
                ours,
                partner,
                older,
            } => match no_base_ui(ctx, copy, partner, older.as_deref()) {
                Step::Stay => Outcome::Stays,
                Step::Cancel => Outcome::Closed,
                Step::Go => Outcome::Then(Command::CompareCopies {
                    copy: copy.clone(),
                    ours: ours.clone(),
                    partner: partner.clone(),
                }),
            },
            Exchange::Review(review) => review.ui(ctx),
        }
    }
}

/// A modal of the exchange, closed (as Cancel) by Escape or a click beside it.
fn exchange_modal(ctx: &egui::Context, content: impl FnOnce(&mut Ui) -> Step) -> Step {
    let modal = Modal::new(Id::unique("coalition-desk-exchange")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        content(ui)
    });
    match modal.inner {
        Step::Stay if modal.should_close() => Step::Cancel,
        step => step,
    }
}

fn send_ui(ctx: &egui::Context, form: &mut OfficesForm) -> Step {
    exchange_modal(ctx, |ui| {
        ui.heading("Send a copy to a partner office");
        ui.label(
            "The register is written to a file for the partner office and kept beside this \
             register as the copy you have in common: when their copy comes back, the merge \
             starts from it, so their changes can be told from yours.",
        );
        ui.add_space(8.0);
        egui::Grid::new("send-office").show(ui, |ui| {
            office_field(ui, "Partner office", &mut form.partner, &form.known);
        });
        buttons(ui, form.problem.as_deref(), "Choose where to write…")
    })
}

fn offices_ui(ctx: &egui::Context, copy: &ReceivedCopy, form: &mut OfficesForm) -> Step {
    exchange_modal(ctx, |ui| {
        ui.heading("Merge another copy");
        ui.label(format!(
            "Read “{}”. Which offices keep the two copies? The codes say, in the register, \
             which office made each change.",
            copy.register.name
        ));
        ui.label(RichText::new(copy.path.display().to_string()).weak());
        ui.add_space(8.0);
        egui::Grid::new("merge-offices").show(ui, |ui| {
            office_field(ui, "This copy is kept by", &mut form.ours, &[]);
            ui.end_row();
            office_field(ui, "The copy read is from", &mut form.partner, &form.known);
        });
        buttons(ui, form.problem.as_deref(), "Review the merge…")
    })
}

fn no_base_ui(
    ctx: &egui::Context,
    copy: &ReceivedCopy,
    partner: &str,
    older: Option<&str>,
) -> Step {
    exchange_modal(ctx, |ui| {
        match older {
            Some(older) => {
                ui.heading(format!(
                    "The copy kept with {partner} is not the last common one"
                ));
                ui.label(format!(
                    "{older}. Nothing was merged: the copies can only be compared, every \
                     difference shown as a decision"
                ));
            }
            None => {
                ui.heading(format!("No common copy with {partner}"));
                ui.label(format!(
                    "No copy exchanged with {partner} is kept beside this register, so changes \
                     cannot be told from deletions; every difference will be shown as a decision"
                ));
            }
        }
        ui.label(RichText::new(copy.path.display().to_string()).weak());
        buttons(ui, None, "Compare the two copies…")
    })
}

/// A grid row: `label`, then a text field for an office code named by it,
/// with the partners already exchanged with as buttons that fill it.
fn office_field(ui: &mut Ui, label: &str, code: &mut String, known: &[String]) {
    let name = ui.label(label);
    ui.horizontal(|ui| {
        ui.add(
            TextEdit::singleline(code)
                .desired_width(80.0)
                .min_size(egui::vec2(80.0, 0.0))
                .hint_text("e.g. PAR"),
        )
        .labelled_by(name.id);
        for office in known {
            if ui
                .selectable_label(code.trim().eq_ignore_ascii_case(office), office)
                .on_hover_text(format!("A copy was exchanged with {office} before"))
                .clicked()
            {
                code.clone_from(office);
            }
        }
    });
}

fn buttons(ui: &mut Ui, problem: Option<&str>, go: &str) -> Step {
    if let Some(problem) = problem {
        shown_error::label(ui, problem);
    }
    ui.add_space(8.0);
    let mut step = Step::Stay;
    ui.horizontal(|ui| {
        if ui.button(go).clicked() {
            step = Step::Go;
        }
        if ui.button("Cancel").clicked() {
            step = Step::Cancel;
        }
    });
    step
}
