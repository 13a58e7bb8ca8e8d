//! The sample register, built from the public statement of 14 April 2025
//! about the meeting of 10 April 2025. Bundled so first run needs no file.

use crate::model::Register;
use crate::storage::{self, StorageError};

/// The sample as it ships, comments and all.
pub const SAMPLE_RON: &str = include_str!("../assets/sample-register.ron");

/// The sample register, parsed.
pub fn register() -> Result<Register, StorageError> {
    storage::from_str(
        SAMPLE_RON,
        std::path::Path::new("assets/sample-register.ron"),
    )
    .map(|loaded| loaded.register)
}
