//! The one error a value is refused with — a date, time, zone, amount,
//! number, office code or cadence, as the file holds it or as the officer
//! types it: the sentence (or, inside a longer one, the reason) that names
//! the value and says how to write it.

/// Why a value is refused, in the officer's words.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ValueError(String);

impl From<String> for ValueError {
    fn from(reason: String) -> Self {
        Self(reason)
    }
}

impl From<&str> for ValueError {
    fn from(reason: &str) -> Self {
        Self(reason.to_owned())
    }
}

/// The words alone, for a caller that keeps them as text (a field's
/// message in the window).
impl From<ValueError> for String {
    fn from(error: ValueError) -> Self {
        error.0
    }
}
