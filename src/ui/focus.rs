//! Opening a record at a field: a problem clicked in the list, a search
//! hit in a meeting's minutes. The command that opens the record asks for
//! the field here; the panel, drawing that field's widget, gives it the
//! keyboard and scrolls it into view. Kept in egui's memory rather than in
//! each panel, so a panel only marks its widgets with
//! [`at_field`].

use egui::{Context, Id, Response, Ui};

use crate::model::{Field, Record};

/// How many passes the request lasts: the panel may need a few to lay the
/// record out and bring the field into view; a field it never draws (a
/// collapsed section) must not grab the keyboard minutes later.
const PASSES: u64 = 12;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Asked {
    record: Record,
    field: Field,
    until_pass: u64,
}

fn key() -> Id {
    Id::unique("coalition-desk-asked-field")
}

/// Asks that `field` of `record` take the keyboard when next drawn.
pub fn ask(ctx: &Context, record: Record, field: Field) {
    let until_pass = ctx.cumulative_pass_nr() + PASSES;
    ctx.data_mut(|data| {
        data.insert_temp(
            key(),
            Asked {
                record,
                field,
                until_pass,
            },
        )
    });
    // The panel draws the field on the next pass: have one.
    ctx.request_repaint();
}

/// Forgets any field asked for: the officer opened something else.
pub fn forget(ctx: &Context) {
    ctx.data_mut(|data| data.remove::<Asked>(key()));
}

/// Whether a field of `record` is asked for and not yet given the
/// keyboard: a panel that leaves parts out of view undrawn draws them all
/// while it is, so the field's widget is there to take it.
pub fn is_asked_in(ctx: &Context, record: Record) -> bool {
    ctx.data(|data| data.get_temp::<Asked>(key()))
        .is_some_and(|asked| asked.record == record && ctx.cumulative_pass_nr() <= asked.until_pass)
}

/// Marks `response` as the widget of `field` in `record`: when that field
/// was asked for, it takes the keyboard and is scrolled to the middle of
/// its panel. Returns the response, so a call wraps the widget.
pub fn at_field(ui: &Ui, response: Response, record: Record, field: Field) -> Response {
    at_fields(ui, response, record, &[field])
}

/// [`at_field`] for a widget that edits several fields (a series picker
/// with the number beside it).
pub fn at_fields(ui: &Ui, response: Response, record: Record, fields: &[Field]) -> Response {
    at_part(ui, response, record, |field| fields.contains(&field))
}

/// [`at_field`] for a part of a record that holds many fields of one
/// kind (a meeting's attendance list, one row a participant).
pub fn at_part(
    ui: &Ui,
    response: Response,
    record: Record,
    part: impl Fn(Field) -> bool,
) -> Response {
    let ctx = ui.ctx();
    let Some(asked) = ctx.data(|data| data.get_temp::<Asked>(key())) else {
        return response;
    };
    if ctx.cumulative_pass_nr() > asked.until_pass {
        forget(ctx);
    } else if asked.record == record && part(asked.field) {
        let in_view = ui.clip_rect().contains_rect(response.rect);
        if response.has_focus() && in_view {
            forget(ctx);
        } else {
            response.request_focus();
            // Again each pass until it is in view: a panel drawn for the
            // first time does not know its height yet and stops short,
            // and a text field that gains the keyboard scrolls to its
            // cursor, which may overshoot. At once, not animated, so the
            // next pass sees where it landed.
            if !in_view {
                response.scroll_to_me_animation(
                    Some(egui::Align::Center),
                    egui::style::ScrollAnimation::none(),
                );
            }
            ctx.request_repaint();
        }
    }
    response
}
