//! Reading a text on several threads gives exactly what reading it on one
//! gives: the same register, or the same refusal.
#![no_main]

use std::path::Path;

use coalition_desk::storage;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let path = Path::new("fuzz.ron");
    let parallel = storage::from_str_on_threads(text, path, Some(3));
    let ordinary = storage::from_str_on_threads(text, path, None);
    match (parallel, ordinary) {
        (Ok(parallel), Ok(ordinary)) => assert!(parallel == ordinary, "the two reads differ"),
        (Err(parallel), Err(ordinary)) => assert_eq!(parallel.to_string(), ordinary.to_string()),
        (parallel, ordinary) => panic!("one read failed: {parallel:?} / {ordinary:?}"),
    }
});
