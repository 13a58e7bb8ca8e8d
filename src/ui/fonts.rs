//! Bundled Noto Sans, so French and Ukrainian names (é, ç, Cyrillic) draw
//! the same on every machine without relying on system fonts.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

const NOTO_SANS: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");

/// egui's fonts with Noto Sans first for proportional text; egui's own fonts
/// stay behind it for emoji and icons.
pub fn font_definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        "noto-sans".into(),
        Arc::new(FontData::from_static(NOTO_SANS)),
    );
    if let Some(family) = fonts.families.get_mut(&FontFamily::Proportional) {
        family.insert(0, "noto-sans".into());
    }
    if let Some(family) = fonts.families.get_mut(&FontFamily::Monospace) {
        family.push("noto-sans".into());
    }
    fonts
}

pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(font_definitions());
}
