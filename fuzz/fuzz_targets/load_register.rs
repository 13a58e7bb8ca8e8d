//! Any bytes as a register file: loading never panics, never hangs, and
//! whatever loads validates without panicking.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(parsed) = coalition_desk::storage::from_bytes(bytes, Path::new("fuzz.ron")) {
        // Any day will do: the checks must not panic on whatever loads.
        let _ = parsed.register.validate(Default::default());
    }
});
