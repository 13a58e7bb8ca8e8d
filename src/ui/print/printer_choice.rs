//! The printer, copies and sides in the print preview: the system's
//! printers listed with the default first, asked for once when the preview
//! opens (and again on request, after a printer was added or woken).

use std::sync::mpsc::{Receiver, TryRecvError, channel};

use egui::{RichText, Ui};

use super::PreviewError;
use crate::printing::{MOST_COPIES, PrintSettings, Printer, Sides, Spooler};
use crate::ui::drop_down::{close_on_choice, keep_the_keyboard};

/// The officer's choice of printer, copies and sides. The preview embeds
/// it with one call to `ui` and asks it for `settings` when Print is
/// pressed.
#[derive(Debug, Default)]
pub struct PrinterChoice {
    /// The printers as last listed, or why there are none; `None` until
    /// the print service has answered.
    printers: Option<Result<Vec<Printer>, PreviewError>>,
    /// The print service is being asked, on a thread of its own (a
    /// network print server may be slow to answer; typesetting goes on).
    asking: Option<Receiver<Result<Vec<Printer>, PreviewError>>>,
    chosen: Option<String>,
    copies: u32,
    sides: Sides,
    /// The preview has just opened: the printer's list (or, with no
    /// printer, Look for printers again) takes the keyboard as soon as it
    /// is drawn, so Tab walks the preview rather than the panel behind it.
    keyboard: bool,
}

impl PrinterChoice {
    /// A choice whose printer list takes the keyboard when first drawn.
    pub fn taking_the_keyboard() -> Self {
        PrinterChoice {
            keyboard: true,
            ..PrinterChoice::default()
        }
    }

    /// Gives `control` the keyboard if the preview has just opened.
    fn keyboard_to(&mut self, control: &egui::Response) {
        if std::mem::take(&mut self.keyboard) {
            control.request_focus();
        }
    }

    /// Whether the printers should be asked for now: not yet asked, or
    /// the officer asked to look again.
    pub fn wants_list(&self) -> bool {
        self.asking.is_none() && self.printers.is_none()
    }

    /// Asks `spooler` for the printers; the window repaints on the answer.
    pub fn ask(&mut self, spooler: Spooler, ctx: &egui::Context) {
        let (send, answer) = channel();
        let ctx = ctx.clone();
        let started = std::thread::Builder::new()
            .name("printers".into())
            .spawn(move || {
                // The preview may have closed; nobody to tell then.
                let _ = send.send(spooler.printers().map_err(PreviewError::Printing));
                ctx.request_repaint();
            });
        match started {
            Ok(_) => self.asking = Some(answer),
            Err(error) => self.take(Err(PreviewError::PrintersNotAsked(error.to_string()))),
        }
    }

    /// Takes in the answer, once it has come.
    fn poll(&mut self) {
        let Some(answer) = &self.asking else { return };
        match answer.try_recv() {
            Ok(printers) => self.take(printers),
            Err(TryRecvError::Empty) => {}
            Err(TryRecvError::Disconnected) => self.take(Err(PreviewError::PrintersNotListed)),
        }
    }

    /// Takes in the print service's answer. A printer already chosen stays
    /// chosen while it is listed; otherwise the default (listed first).
    pub fn take(&mut self, printers: Result<Vec<Printer>, PreviewError>) {
        self.asking = None;
        if let Ok(list) = &printers {
            let still_there = self
                .chosen
                .as_ref()
                .is_some_and(|chosen| list.iter().any(|p| &p.name == chosen));
            if !still_there {
                self.chosen = list.first().map(|p| p.name.clone());
            }
        }
        self.printers = Some(printers);
    }

    /// The job as chosen, or the sentence saying why nothing can be printed.
    pub fn settings(&self) -> Result<PrintSettings, PreviewError> {
        match &self.printers {
            None => Err(PreviewError::LookingForPrinters),
            Some(Err(reason)) => Err(reason.clone()),
            Some(Ok(_)) => match &self.chosen {
                Some(printer) => Ok(PrintSettings {
                    printer: printer.clone(),
                    copies: self.copies.clamp(1, MOST_COPIES),
                    sides: self.sides,
                }),
                None => Err(PreviewError::Printing(
                    crate::printing::PrintError::NoPrinter,
                )),
            },
        }
    }

    /// Draws the choice.
    pub fn ui(&mut self, ui: &mut Ui) {
        self.poll();
        if self.copies == 0 {
            self.copies = 1;
        }
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(RichText::new("Printer:").strong());
            let list = match &self.printers {
                // No spinner: it would repaint every frame until a slow print
                // server answers; the answer itself asks for the repaint.
                None => {
                    ui.label("Looking for printers…");
                    None
                }
                Some(Err(reason)) => {
                    ui.colored_label(ui.visuals().warn_fg_color, reason.to_string());
                    None
                }
                Some(Ok(printers)) => {
                    let shown = self
                        .chosen
                        .as_ref()
                        .and_then(|chosen| printers.iter().find(|p| &p.name == chosen))
                        .map(describe)
                        .unwrap_or_default();
                    let mut picked = false;
                    let list = egui::ComboBox::from_id_salt("print-printer")
                        .selected_text(shown)
                        .width(260.0)
                        .show_ui(ui, |ui| {
                            for printer in printers {
                                let entry = ui.selectable_value(
                                    &mut self.chosen,
                                    Some(printer.name.clone()),
                                    describe(printer),
                                );
                                picked |= close_on_choice(ui, &entry);
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    keep_the_keyboard(ui, &list, picked);
                    Some(list)
                }
            };
            let again = ui
                .add_enabled(
                    self.asking.is_none(),
                    egui::Button::new("Look for printers again"),
                )
                .on_hover_text("List the printers again, after one was added or switched on");
            let none_listed = matches!(self.printers, Some(Err(_)));
            match list {
                Some(list) => self.keyboard_to(&list),
                None if none_listed => self.keyboard_to(&again),
                // Still looking: the keyboard waits for the list.
                None => {}
            }
            if again.clicked() {
                self.printers = None;
            }
        });
        ui.horizontal(|ui| {
            let label = ui.label(RichText::new("Copies:").strong());
            ui.add(
                egui::DragValue::new(&mut self.copies)
                    .range(1..=MOST_COPIES)
                    .speed(1.0),
            )
            .labelled_by(label.id);
            let mut two_sided = self.sides == Sides::TwoSided;
            if ui.checkbox(&mut two_sided, "Two-sided").changed() {
                self.sides = if two_sided {
                    Sides::TwoSided
                } else {
                    Sides::OneSided
                };
            }
        });
    }
}

/// A printer as the list shows it: its name, whether it is the default,
/// and, when stopped, why (said in words, not by colour).
fn describe(printer: &Printer) -> String {
    let mut text = printer.name.clone();
    if printer.is_default {
        text.push_str(" (default)");
    }
    if let Some(reason) = &printer.stopped {
        text.push_str(&format!(" \u{2014} stopped: {reason}"));
    }
    text
}
