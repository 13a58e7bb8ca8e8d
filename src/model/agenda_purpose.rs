use serde::{Deserialize, Serialize};

/// What an agenda item is on the agenda for, as a meeting pack annotates
/// it: delegations prepare differently for a decision than for a briefing.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum AgendaPurpose {
    /// The meeting is asked to decide.
    #[default]
    Decision,
    /// The meeting is asked for views; nothing is decided.
    Discussion,
    /// The meeting is told; no discussion is planned.
    Information,
}

impl AgendaPurpose {
    /// Every purpose, for pickers.
    pub const ALL: [AgendaPurpose; 3] = [
        AgendaPurpose::Decision,
        AgendaPurpose::Discussion,
        AgendaPurpose::Information,
    ];

    /// The words on the page: "For decision".
    pub fn label(self) -> &'static str {
        match self {
            AgendaPurpose::Decision => "For decision",
            AgendaPurpose::Discussion => "For discussion",
            AgendaPurpose::Information => "For information",
        }
    }
}
