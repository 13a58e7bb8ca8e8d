//! Copies of one register read together, as the merge command reads
//! OURS, BASE and THEIRS: nearly every record is written alike in all of
//! them, so OURS is read whole noting a hash of each record's text, and
//! the others apart from it, parsing only the records written otherwise
//! (`parallel`'s apart module says why that reads the same). Every other
//! step of [`load`] is done for each copy as it is for one file: the text
//! checks, the format and version, the ids. The text checks pass over
//! the records written as in OURS only once, in OURS: the bytes are the
//! same, and so is what the checks find in them.

use std::path::Path;

use super::StorageError;
use super::file::{Loaded, load, load_reading, load_reading_into};
use super::format::{from_bytes_with, from_str_parsing, from_str_parsing_apart, threads_for};
use super::parallel::{self, Fingerprints, SameAsKnown};

/// A copy read apart from OURS by [`load_apart`]: what [`load`] gives,
/// except that with `same`, the register holds only the meetings and
/// commitments written otherwise than in OURS, and `same` names the others.
#[derive(Debug)]
pub struct LoadedApart {
    pub loaded: Loaded,
    pub same: Option<SameAsKnown>,
}

/// OURS read whole, and each of `others` apart from it, as the merge
/// command reads its copies (`parallel`'s apart module says how, and why
/// it holds about one register where three were held). Every check of
/// [`load`] runs on each copy, and each is refused in the same words; a
/// copy read apart made whole again from OURS (`merge::ReadApart::whole`)
/// is what `load` gives. OURS's text is not kept while the others are
/// read: its buffer takes theirs in turn.
pub fn load_apart<const N: usize>(
    ours: &Path,
    others: [&Path; N],
) -> (
    Result<Loaded, StorageError>,
    [Result<LoadedApart, StorageError>; N],
) {
    let whole = |path: &Path| load(path).map(|loaded| LoadedApart { loaded, same: None });
    let mut notes = None;
    let read = load_reading(ours, |bytes| {
        from_bytes_with(bytes, ours, |text| {
            from_str_parsing(text, ours, |text| {
                let (envelope, noted) = parallel::parse_noting(text, threads_for(text)?)?;
                notes = Some(noted);
                Some(envelope)
            })
        })
    });
    let (loaded, mut bytes) = match read {
        Ok(read) => read,
        Err(error) => return (Err(error), others.map(whole)),
    };
    let Some(prints) = notes else {
        return (Ok(loaded), others.map(whole));
    };
    // OURS's text is not kept: only its hashes stay, and its buffer
    // takes each other copy's text in turn.
    (
        Ok(loaded),
        others.map(|path| load_apart_from(path, &prints, &mut bytes)),
    )
}

/// [`load`] of a copy apart from the one `known` was noted from, read
/// into `bytes`.
fn load_apart_from(
    path: &Path,
    known: &Fingerprints,
    bytes: &mut Vec<u8>,
) -> Result<LoadedApart, StorageError> {
    let mut same = None;
    let loaded = load_reading_into(path, bytes, |bytes| {
        from_bytes_with(bytes, path, |text| {
            from_str_parsing_apart(text, path, |text| {
                let (envelope, found, checked) =
                    parallel::parse_apart(text, threads_for(text)?, known)?;
                same = Some(found);
                Some((envelope, checked))
            })
        })
    })?;
    Ok(LoadedApart { loaded, same })
}
