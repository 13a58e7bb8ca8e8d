//! WCAG 2.2 AA contrast, computed from the colours the window draws with:
//! egui's visuals as `Theme::visuals` sets them and the app's own colours
//! for statuses, overdue, markings and the timeline. Text needs 4.5:1
//! against every background it is drawn on; a control's border and the
//! timeline's marks need 3:1 against the panel (success criteria 1.4.3
//! and 1.4.11). And a state is never told by colour alone: the words are
//! on screen beside it (1.4.1).

use coalition_desk::model::{AttendanceStatus, CommitmentStatus, MeetingState};
use coalition_desk::ui::theme::{self, Theme};
use egui::{Color32, Rgba, Visuals};

/// `colour` as it shows over the opaque `background` (egui's colours are
/// premultiplied: a weak text colour or a faint row is part transparent).
fn over(colour: Color32, background: Color32) -> Color32 {
    let keep = 1.0 - f32::from(colour.a()) / 255.0;
    let channel = |c: u8, b: u8| {
        (f32::from(c) + f32::from(b) * keep)
            .round()
            .clamp(0.0, 255.0) as u8
    };
    Color32::from_rgb(
        channel(colour.r(), background.r()),
        channel(colour.g(), background.g()),
        channel(colour.b(), background.b()),
    )
}

/// WCAG relative luminance: linear sRGB weighted 0.2126, 0.7152, 0.0722.
fn luminance(colour: Color32) -> f32 {
    let linear = Rgba::from(colour);
    0.2126 * linear.r() + 0.7152 * linear.g() + 0.0722 * linear.b()
}

/// WCAG contrast ratio of `colour` drawn over `background`.
fn ratio(colour: Color32, background: Color32) -> f32 {
    let (a, b) = (luminance(over(colour, background)), luminance(background));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

/// The backgrounds text is drawn on, by name: the panel, a window, a text
/// field and a striped table row.
fn backgrounds(visuals: &Visuals) -> Vec<(&'static str, Color32)> {
    let panel = visuals.panel_fill;
    vec![
        ("panel", panel),
        ("window", visuals.window_fill),
        ("text field", over(visuals.text_edit_bg_color(), panel)),
        ("striped row", over(visuals.faint_bg_color, panel)),
    ]
}

/// [`backgrounds`] and a selected row: a selected table row draws plain
/// text in the selection's own colour (egui_extras overrides it), so only
/// the colours a row sets itself — a status, overdue — meet the selection.
fn backgrounds_with_selection(visuals: &Visuals) -> Vec<(&'static str, Color32)> {
    let mut all = backgrounds(visuals);
    all.push((
        "selected row",
        over(visuals.selection.bg_fill, visuals.panel_fill),
    ));
    all
}

/// Every pair that falls short of `least`, as "what on where: ratio".
fn short_of(least: f32, pairs: &[(String, Color32, &'static str, Color32)]) -> Vec<String> {
    pairs
        .iter()
        .filter(|(_, colour, _, background)| ratio(*colour, *background) < least)
        .map(|(what, colour, on, background)| {
            format!(
                "{what} {colour:?} on {on} {background:?}: {:.2}",
                ratio(*colour, *background)
            )
        })
        .collect()
}

fn themes() -> [(Theme, Visuals); 2] {
    [
        (Theme::Light, Theme::Light.visuals()),
        (Theme::Dark, Theme::Dark.visuals()),
    ]
}

/// The app's colours with a meaning, all drawn as words (and some as
/// marks) on any of the backgrounds.
fn meaning_colours(visuals: &Visuals) -> Vec<(String, Color32)> {
    let mut colours = vec![
        ("overdue".to_string(), theme::overdue(visuals)),
        ("unsaved changes".to_string(), theme::unsaved(visuals)),
        ("read-only".to_string(), theme::read_only(visuals)),
        ("today".to_string(), theme::today_line(visuals)),
        ("highlight".to_string(), theme::highlight(visuals)),
    ];
    colours.extend(CommitmentStatus::ALL.iter().map(|s| {
        (
            format!("commitment {}", s.label()),
            theme::commitment_status_colour(*s, visuals),
        )
    }));
    colours.extend(
        [
            MeetingState::Planned,
            MeetingState::Held,
            MeetingState::Postponed,
            MeetingState::Cancelled,
        ]
        .into_iter()
        .map(|s| {
            (
                format!("meeting {s:?}"),
                theme::meeting_state_colour(s, visuals),
            )
        }),
    );
    colours.extend(AttendanceStatus::ALL.iter().map(|s| {
        (
            format!("attendance {}", s.label()),
            theme::attendance_colour(*s, visuals),
        )
    }));
    colours
}

#[test]
fn text_reaches_4_5_to_1_on_every_background_in_both_themes() {
    let mut short = Vec::new();
    for (name, visuals) in themes() {
        let texts = [
            ("text", visuals.text_color()),
            ("weak text", visuals.weak_text_color()),
            ("link", visuals.hyperlink_color),
            ("warning", visuals.warn_fg_color),
            ("error", visuals.error_fg_color),
        ];
        let mut pairs = Vec::new();
        for (what, colour) in texts {
            for (on, background) in backgrounds(&visuals) {
                pairs.push((format!("{name:?} {what}"), colour, on, background));
            }
        }
        for (what, colour) in meaning_colours(&visuals) {
            for (on, background) in backgrounds_with_selection(&visuals) {
                pairs.push((format!("{name:?} {what}"), colour, on, background));
            }
        }
        // Each kind of control's words on its own fill, in every state.
        let panel = visuals.panel_fill;
        let widgets = &visuals.widgets;
        for (state, look) in [
            ("resting", widgets.inactive),
            ("hovered", widgets.hovered),
            ("pressed", widgets.active),
            ("open", widgets.open),
        ] {
            pairs.push((
                format!("{name:?} {state} button text"),
                look.fg_stroke.color,
                "its fill",
                over(look.weak_bg_fill, panel),
            ));
            pairs.push((
                format!("{name:?} {state} box text"),
                look.fg_stroke.color,
                "its fill",
                over(look.bg_fill, panel),
            ));
        }
        pairs.push((
            format!("{name:?} selected text"),
            visuals.selection.stroke.color,
            "the selection",
            over(visuals.selection.bg_fill, panel),
        ));
        short.extend(short_of(4.5, &pairs));
    }
    assert!(short.is_empty(), "below 4.5:1:\n{}", short.join("\n"));
}

#[test]
fn controls_and_marks_stand_out_3_to_1_from_the_panel_in_both_themes() {
    let mut short = Vec::new();
    for (name, visuals) in themes() {
        let widgets = &visuals.widgets;
        let mut pairs = Vec::new();
        for (state, look) in [
            ("resting", widgets.inactive),
            ("hovered", widgets.hovered),
            ("pressed", widgets.active),
            ("open", widgets.open),
        ] {
            assert!(
                look.bg_stroke.width >= 1.0,
                "{name:?}: a {state} control has no border"
            );
            for (on, background) in [
                ("panel", visuals.panel_fill),
                ("window", visuals.window_fill),
            ] {
                pairs.push((
                    format!("{name:?} {state} control border"),
                    look.bg_stroke.color,
                    on,
                    background,
                ));
            }
        }
        // A field with the keyboard is outlined in the selection's colour.
        for (on, background) in [
            ("panel", visuals.panel_fill),
            ("text field", visuals.text_edit_bg_color()),
        ] {
            pairs.push((
                format!("{name:?} focused field outline"),
                visuals.selection.stroke.color,
                on,
                background,
            ));
        }
        pairs.push((
            format!("{name:?} text cursor"),
            visuals.text_cursor.stroke.color,
            "text field",
            visuals.text_edit_bg_color(),
        ));
        // The timeline draws on a field's background, the charts on the panel.
        for (what, colour) in meaning_colours(&visuals) {
            for (on, background) in [
                ("timeline", visuals.extreme_bg_color),
                ("panel", visuals.panel_fill),
            ] {
                pairs.push((format!("{name:?} {what} mark"), colour, on, background));
            }
        }
        short.extend(short_of(3.0, &pairs));
    }
    assert!(short.is_empty(), "below 3:1:\n{}", short.join("\n"));
}

#[test]
fn the_ratio_is_wcags() {
    // The extremes and two values from the WCAG understanding documents.
    assert!((ratio(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
    assert!((ratio(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 0.001);
    let grey_767676 = Color32::from_gray(0x76);
    assert!((ratio(grey_767676, Color32::WHITE) - 4.54).abs() < 0.01);
    // Half-transparent black over white is mid-grey, not black.
    let half_black = Color32::from_black_alpha(128);
    assert!(ratio(half_black, Color32::WHITE) < 5.0);
}

mod words;
