//! The panels of the main window, as the tab bar and View menu list them.

/// The panels of the main window.
/// In the order of the tab bar and the View menu.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    serde::Serialize,
    serde::Deserialize,
    strum::EnumIter,
)]
pub enum Tab {
    #[default]
    Participants,
    Meetings,
    Commitments,
    Timeline,
    Dashboard,
    Register,
}

impl Tab {
    /// Every tab, in the order of the tab bar.
    pub fn all() -> impl Iterator<Item = Tab> {
        <Tab as strum::IntoEnumIterator>::iter()
    }

    /// The words on the tab and its menu entry.
    pub fn label(self) -> &'static str {
        match self {
            Tab::Participants => "Participants",
            Tab::Meetings => "Meetings",
            Tab::Commitments => "Commitments",
            Tab::Register => "Register",
            Tab::Timeline => "Timeline",
            Tab::Dashboard => "Dashboard",
        }
    }
}
