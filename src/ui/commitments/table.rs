//! The commitments table: sortable columns over a virtualised body, so a
//! register of 100,000 commitments scrolls as smoothly as one of ten.

use chrono::NaiveDate;
use egui::{Align, Layout, RichText, Sense, TextWrapMode, Ui};
use egui_extras::{Column, TableBuilder};

use crate::model::{Commitment, CommitmentId, Register, Route, amounts};
use crate::ui::{PanelContext, theme, widgets};

/// A column of the table, in the order shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortColumn {
    Participant,
    Title,
    Area,
    Route,
    Quantity,
    Value,
    Status,
    Due,
    AnnouncedAt,
}

impl SortColumn {
    /// Every column, left to right.
    pub const ALL: [SortColumn; 9] = [
        SortColumn::Participant,
        SortColumn::Title,
        SortColumn::Area,
        SortColumn::Route,
        SortColumn::Quantity,
        SortColumn::Value,
        SortColumn::Status,
        SortColumn::Due,
        SortColumn::AnnouncedAt,
    ];

    /// The header text.
    pub fn label(self) -> &'static str {
        match self {
            SortColumn::Participant => "Participant",
            SortColumn::Title => "Title",
            SortColumn::Area => "Area",
            SortColumn::Route => "Route",
            SortColumn::Quantity => "Quantity",
            SortColumn::Value => "Value",
            SortColumn::Status => "Status",
            SortColumn::Due => "Due",
            SortColumn::AnnouncedAt => "Announced at",
        }
    }

    /// Each column is as wide as what it shows, so no value is cut while
    /// there is room; the table scrolls sideways when they do not all fit.
    /// Only the title gives way (a pledge's title can be a sentence) and
    /// shows the rest on hover. The officer can widen any other.
    fn width(self) -> Column {
        match self {
            // Whatever the other columns leave, as the window or the
            // editor changes; fixed in place so it keeps following them.
            SortColumn::Title => Column::remainder()
                .at_least(140.0)
                .clip(true)
                .resizable(false),
            _ => Column::auto().at_least(40.0),
        }
    }
}

/// How the table is ordered; no column means id order (order of entry).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sort {
    pub column: Option<SortColumn>,
    pub descending: bool,
}

impl Sort {
    /// A header click: a new column sorts ascending, the same one flips.
    pub fn click(&mut self, column: SortColumn) {
        if self.column == Some(column) {
            self.descending = !self.descending;
        } else {
            *self = Sort {
                column: Some(column),
                descending: false,
            };
        }
    }

    /// Orders `ids` by the exact values of the column, ties by id.
    pub fn apply(self, register: &Register, ids: &mut [CommitmentId]) {
        let Some(column) = self.column else {
            ids.sort_unstable();
            if self.descending {
                ids.reverse();
            }
            return;
        };
        match column {
            SortColumn::Participant => by(register, ids, |c| {
                register
                    .participant(c.participant)
                    .map(|p| p.code.to_lowercase())
            }),
            SortColumn::Title => by(register, ids, |c| c.title.to_lowercase()),
            SortColumn::Area => by(register, ids, |c| c.area.to_lowercase()),
            SortColumn::Route => by(register, ids, |c| c.route),
            SortColumn::Quantity => by(register, ids, |c| {
                c.quantity.as_ref().map(|q| (q.amount, q.unit.clone()))
            }),
            SortColumn::Value => by(register, ids, |c| {
                c.value.as_ref().map(|v| (v.amount, v.currency.clone()))
            }),
            SortColumn::Status => by(register, ids, |c| c.status),
            SortColumn::Due => by(register, ids, |c| c.due),
            SortColumn::AnnouncedAt => by(register, ids, |c| {
                c.announced_at
                    .and_then(|m| register.meeting(m))
                    .map(|m| (m.date, m.start))
            }),
        }
        if self.descending {
            ids.reverse();
        }
    }
}

/// Sorts by a key computed once per commitment: keys such as lowercased
/// titles would otherwise be rebuilt on every one of ~1.7M comparisons.
fn by<K: Ord>(register: &Register, ids: &mut [CommitmentId], key: impl Fn(&Commitment) -> K) {
    ids.sort_by_cached_key(|id| (register.commitment(*id).map(&key), *id));
}

/// What happened in the table this frame.
#[derive(Default)]
pub struct TableOutput {
    pub clicked: Option<CommitmentId>,
    pub sort_changed: bool,
}

/// Draws the rows `ids` (already filtered and sorted).
pub fn table_ui(
    ui: &mut Ui,
    context: &PanelContext<'_>,
    ids: &[CommitmentId],
    sort: &mut Sort,
    selected: Option<CommitmentId>,
    scroll_to: Option<usize>,
) -> TableOutput {
    let mut output = TableOutput::default();
    // Nine columns beside the editor may not fit: the table scrolls
    // sideways rather than dropping the last ones out of sight, with a
    // solid bar, as a floating one is invisible until hovered and the
    // officer must see that there is more to the right.
    ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
    egui::ScrollArea::horizontal()
        .id_salt("commitments_sideways")
        .show(ui, |ui| {
            columns_ui(ui, context, ids, (sort, selected, scroll_to), &mut output);
        });
    output
}

fn columns_ui(
    ui: &mut Ui,
    context: &PanelContext<'_>,
    ids: &[CommitmentId],
    (sort, selected, scroll_to): (&mut Sort, Option<CommitmentId>, Option<usize>),
    output: &mut TableOutput,
) {
    let PanelContext {
        register, today, ..
    } = *context;
    // Selectable text would take the click meant for the row.
    ui.style_mut().interaction.selectable_labels = false;
    // Room either side of the lines between columns, where they resize.
    ui.spacing_mut().item_spacing.x = 6.0;
    // A new salt: widths remembered from the old fixed columns would
    // otherwise keep cutting the values.
    let mut builder = TableBuilder::new(ui)
        .id_salt("commitments_columns")
        .striped(true)
        .resizable(true)
        .sense(Sense::click())
        .cell_layout(Layout::left_to_right(Align::Center));
    for column in SortColumn::ALL {
        builder = builder.column(column.width());
    }
    if let Some(row) = scroll_to {
        // A jump, not a glide: the new row should be there at once.
        builder = builder
            .scroll_to_row(row, Some(Align::Center))
            .animate_scrolling(false);
    }
    builder
        .header(theme::ROW_HEIGHT, |mut header| {
            for column in SortColumn::ALL {
                // A header cell takes the keyboard like a row's cell:
                // named by its column (its button sorts by it).
                let (_, cell) = header.col(|ui| {
                    let arrow = match (sort.column == Some(column), sort.descending) {
                        (false, _) => "",
                        (true, false) => " ▲",
                        (true, true) => " ▼",
                    };
                    if ui
                        .add(egui::Button::new(header_text(ui, column.label(), arrow)).frame(false))
                        .on_hover_text("Sort by this column; click again to reverse")
                        .clicked()
                    {
                        sort.click(column);
                        output.sort_changed = true;
                    }
                });
                cell.accessible_name(format!("{} column", column.label()));
            }
        })
        .body(|body| {
            body.rows(theme::ROW_HEIGHT, ids.len(), |mut row| {
                let Some(&id) = ids.get(row.index()) else {
                    return;
                };
                let Some(commitment) = register.commitment(id) else {
                    return;
                };
                row.set_selected(selected == Some(id));
                let cells = row_ui(&mut row, register, today, commitment);
                // Each cell of a clickable row is a Tab stop of its own
                // (egui_extras), then Enter opens it: each is named as the
                // officer would name the commitment.
                let name = format!(
                    "{}: {}",
                    register.participant_code(commitment.participant),
                    commitment.title
                );
                let clicked = cells.map(|cell| cell.accessible_name(name.clone()).clicked());
                if clicked.contains(&true) {
                    output.clicked = Some(id);
                }
            });
        });
}

/// The header's words, then the arrow in the monospace font: the bundled
/// proportional fonts have no ▲/▼, the monospace one does.
fn header_text(ui: &Ui, label: &str, arrow: &str) -> egui::text::LayoutJob {
    let style = ui.style();
    let mut job = egui::text::LayoutJob::default();
    RichText::new(label).strong().append_to(
        &mut job,
        style,
        egui::FontSelection::Default,
        Align::Center,
    );
    RichText::new(arrow).strong().monospace().append_to(
        &mut job,
        style,
        egui::FontSelection::Default,
        Align::Center,
    );
    job
}

fn row_ui(
    row: &mut egui_extras::TableRow<'_, '_>,
    register: &Register,
    today: NaiveDate,
    c: &Commitment,
) -> [egui::Response; 9] {
    // Whole values: the columns are sized to them.
    let whole = |ui: &mut Ui, text: String| {
        ui.add(egui::Label::new(text).wrap_mode(TextWrapMode::Extend));
    };
    let right_aligned = |ui: &mut Ui, text: String| {
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| whole(ui, text));
    };
    [
        row.col(|ui| whole(ui, register.participant_code(c.participant)))
            .1,
        row.col(|ui| {
            let shown = ui.add(egui::Label::new(&c.title).truncate());
            widgets::whole_on_hover(shown, &c.title);
        })
        .1,
        row.col(|ui| whole(ui, c.area.clone())).1,
        row.col(|ui| {
            // The full wording is long; the column shows the short form.
            let short = match c.route {
                Route::StrengtheningUkrainianCapacity => "UA capacity",
                Route::DirectContribution => "Direct",
            };
            ui.add(egui::Label::new(short).wrap_mode(TextWrapMode::Extend))
                .on_hover_text(c.route.label());
        })
        .1,
        row.col(|ui| {
            if let Some(q) = &c.quantity {
                right_aligned(ui, amounts::quantity(q));
            }
        })
        .1,
        row.col(|ui| {
            if let Some(v) = &c.value {
                right_aligned(ui, amounts::money(v));
            }
        })
        .1,
        row.col(|ui| {
            ui.label(
                RichText::new(c.status.label())
                    .color(theme::commitment_status_colour(c.status, ui.visuals())),
            );
        })
        .1,
        row.col(|ui| {
            if let Some(due) = c.due {
                if c.is_overdue(today) {
                    // In words as well as colour, so it survives a grey print.
                    ui.label(
                        RichText::new(format!("{due} overdue")).color(theme::overdue(ui.visuals())),
                    )
                    .on_hover_text("Due date passed and not delivered");
                } else {
                    ui.label(due.to_string());
                }
            }
        })
        .1,
        row.col(|ui| {
            if let Some(meeting) = c.announced_at.and_then(|m| register.meeting(m)) {
                ui.add(egui::Label::new(meeting.date.to_string()).wrap_mode(TextWrapMode::Extend))
                    .on_hover_text(&meeting.title);
            }
        })
        .1,
    ]
}
