//! The register the benchmarks share: the size issue 6 names.
use coalition_desk::generate::{GenerateOptions, register};
use coalition_desk::model::Register;

/// 2,000 meetings and 100,000 commitments, always the same.
pub fn large_register() -> Register {
    register(GenerateOptions {
        meetings: 2_000,
        commitments: 100_000,
        seed: 1,
    })
}
