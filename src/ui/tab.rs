//! The panels of the main window, as the tab bar and View menu list them.

/// The panels of the main window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Tab {
    #[default]
    Participants,
    Meetings,
    Commitments,
    Register,
    Timeline,
    Dashboard,
}

impl Tab {
    pub const ALL: [Tab; 6] = [
        Tab::Participants,
        Tab::Meetings,
        Tab::Commitments,
        Tab::Timeline,
        Tab::Dashboard,
        Tab::Register,
    ];

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
