//! How large the window draws everything — text, controls and spacing —
//! as the officer sets it with Ctrl+Plus, Ctrl+Minus and Ctrl+0 (or the
//! View menu), remembered with the window's settings. egui's own zoom keys
//! are turned off: they go from 20 % to 500 % in uneven steps, where an
//! officer expects a browser's 75 % to 200 %.

use egui::{Key, Modifiers};

/// The sizes offered, smallest first, as a browser offers them.
pub const LEVELS: [f32; 9] = [0.75, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0];

/// Closer than this two sizes are the same step (a size read back from
/// the settings file may differ in its last bits).
const SAME_STEP: f32 = 0.005;

/// The size the window draws at: 1.0 is 100 %. Kept between 75 % and
/// 200 % whatever the settings file says.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Zoom(f32);

impl Default for Zoom {
    fn default() -> Self {
        Zoom(1.0)
    }
}

impl Zoom {
    /// The zoom of `factor` (1.5 is 150 %), kept within 75–200 %.
    pub fn new(factor: f32) -> Zoom {
        Zoom(factor)
    }

    /// The factor the window draws at: within 75–200 %, and 100 % when the
    /// settings hold something that is not a number.
    pub fn factor(self) -> f32 {
        if self.0.is_finite() {
            self.0.clamp(smallest(), largest())
        } else {
            1.0
        }
    }

    /// The size as the officer reads it: "150 %".
    pub fn percent(self) -> String {
        format!("{:.0} %", self.factor() * 100.0)
    }

    /// The zoom after one step.
    pub fn stepped(self, step: ZoomStep) -> Zoom {
        let now = self.factor();
        Zoom(match step {
            ZoomStep::Reset => 1.0,
            ZoomStep::In => LEVELS
                .into_iter()
                .find(|level| *level > now + SAME_STEP)
                .unwrap_or(largest()),
            ZoomStep::Out => LEVELS
                .into_iter()
                .rev()
                .find(|level| *level < now - SAME_STEP)
                .unwrap_or(smallest()),
        })
    }
}

fn smallest() -> f32 {
    LEVELS.first().copied().unwrap_or(1.0)
}

fn largest() -> f32 {
    LEVELS.last().copied().unwrap_or(1.0)
}

/// One step of the zoom, as a menu entry or shortcut gives it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, strum::EnumIter)]
pub enum ZoomStep {
    // Only for listing every action (strum fills a variant's payload
    // with its default); `Action::all` lists each step.
    #[default]
    In,
    Out,
    Reset,
}

impl ZoomStep {
    /// The words on the menu entry.
    pub fn label(self) -> &'static str {
        match self {
            ZoomStep::In => "Zoom in",
            ZoomStep::Out => "Zoom out",
            ZoomStep::Reset => "Actual size",
        }
    }

    /// What the step does, for the tooltip and the palette.
    pub fn tooltip(self) -> &'static str {
        match self {
            ZoomStep::In => "Draw text and controls larger, up to 200 %",
            ZoomStep::Out => "Draw text and controls smaller, down to 75 %",
            ZoomStep::Reset => "Draw text and controls at 100 %",
        }
    }

    /// The keys, the main one first: Ctrl+= zooms in too, as in a
    /// browser, since + needs Shift on most keyboards.
    pub fn keys(self) -> &'static [(Modifiers, Key)] {
        match self {
            ZoomStep::In => &[
                (Modifiers::COMMAND, Key::Plus),
                (Modifiers::COMMAND, Key::Equals),
            ],
            ZoomStep::Out => &[(Modifiers::COMMAND, Key::Minus)],
            ZoomStep::Reset => &[(Modifiers::COMMAND, Key::Num0)],
        }
    }
}
