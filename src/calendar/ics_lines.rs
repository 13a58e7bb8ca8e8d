//! Writing the calendar's content lines ourselves, in one pass. The
//! `icalendar` crate builds the events, but its writer looks up a
//! character by counting from the line's start at every fold, so export
//! took time in the square of a title's length (6.4 M characters, 21 s;
//! 50 M, past five minutes). The lines are the same: each property in
//! the crate's order, TEXT escaped and folded at 75 octets (RFC 5545 §3.1)
//! by `ics_text`, as the time-zone blocks are.

use icalendar::{Calendar, CalendarComponent, Component, Property, ValueType};

use super::ics_text::{escaped, fold_into};

/// The whole calendar as `.ics` text.
pub(super) fn calendar_text(calendar: &Calendar) -> String {
    let mut out = String::new();
    out.push_str("BEGIN:VCALENDAR\r\n");
    for property in &calendar.properties {
        property_line(&mut out, property);
    }
    for component in &calendar.components {
        match component {
            CalendarComponent::Event(event) => component_lines(&mut out, event),
            CalendarComponent::Todo(todo) => component_lines(&mut out, todo),
            CalendarComponent::Venue(venue) => component_lines(&mut out, venue),
            CalendarComponent::Other(other) => component_lines(&mut out, other),
            // The crate may add kinds; the export builds events only.
            _ => {}
        }
    }
    out.push_str("END:VCALENDAR\r\n");
    out
}

/// One component and its children. Every component the export builds sets
/// its own UID and DTSTAMP, so none is made up here (the crate would take
/// the clock and a random UID).
fn component_lines(out: &mut String, component: &impl Component) {
    fold_into(out, &format!("BEGIN:{}", component.component_kind()));
    for property in component.properties().values() {
        property_line(out, property);
    }
    for property in component.multi_properties().values().flatten() {
        property_line(out, property);
    }
    for child in component.components() {
        component_lines(out, child);
    }
    fold_into(out, &format!("END:{}", component.component_kind()));
}

fn property_line(out: &mut String, property: &Property) {
    let mut text = String::with_capacity(property.key().len() + property.value().len() + 16);
    text.push_str(property.key());
    for parameter in property.params().values() {
        text.push(';');
        text.push_str(parameter.key());
        text.push('=');
        quote_parameter_into(&mut text, parameter.value());
    }
    text.push(':');
    let is_text_list = ["CATEGORIES", "RESOURCES"]
        .iter()
        .any(|list| property.key().eq_ignore_ascii_case(list));
    if property.value_type() == Some(ValueType::Text) && !is_text_list {
        text.push_str(&escaped(property.value()));
    } else {
        text.push_str(property.value());
    }
    fold_into(out, &text);
}

/// A parameter value quoted when it holds a colon, semicolon or comma
/// (RFC 5545 §3.1), unless it already is.
fn quote_parameter_into(out: &mut String, value: &str) {
    let quoted = value.len() >= 2 && value.starts_with('"') && value.ends_with('"');
    if !quoted && value.contains([':', ';', ',']) {
        out.push('"');
        out.push_str(value);
        out.push('"');
    } else {
        out.push_str(value);
    }
}
