//! Reading several copies of one register, as a merge does (base, ours,
//! theirs): nearly every record is written alike in all of them, so the
//! first copy is read noting each record's text, and the others take each
//! record written byte for byte as in the first from it instead of parsing
//! it again (`parallel`'s module comment says why that reads the same).
//! Every other step of [`load`] is done for each copy as it is for one
//! file: the text checks, the format and version, the ids.

use std::path::Path;

use super::StorageError;
use super::file::{Loaded, load, load_reading};
use super::format::{from_bytes_with, from_str_parsing, threads_for};
use super::parallel::{self, Fingerprints, Known, SameAsKnown};

/// What [`load`] gives for `first` and for each of `others`, reading the
/// others beside the first (see the module comment). Each result is what
/// `load` of that path alone would give.
pub fn load_copies<const N: usize>(
    first: &Path,
    others: [&Path; N],
) -> (
    Result<Loaded, StorageError>,
    [Result<Loaded, StorageError>; N],
) {
    let mut notes = None;
    let read = load_reading(first, |bytes| {
        from_bytes_with(bytes, first, |text| {
            from_str_parsing(text, first, |text| {
                let (envelope, noted) = parallel::parse_noting(text, threads_for(text)?)?;
                notes = Some(noted);
                Some(envelope)
            })
        })
    });
    let (loaded, bytes) = match read {
        Ok(read) => read,
        Err(error) => return (Err(error), others.map(load)),
    };
    let Some(notes) = notes else {
        // Read the ordinary way (small, or not laid out as written):
        // nothing to take from it.
        return (Ok(loaded), others.map(load));
    };
    let known = Known {
        // The text the records were noted in: the file's, past any
        // byte-order mark, as the reading saw it.
        text: bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes),
        register: &loaded.register,
        notes: &notes,
    };
    let others = others.map(|path| load_beside(path, &known));
    (Ok(loaded), others)
}

/// [`load`] of a copy of the register `known` was read from.
fn load_beside(path: &Path, known: &Known<'_>) -> Result<Loaded, StorageError> {
    load_reading(path, |bytes| {
        from_bytes_with(bytes, path, |text| {
            from_str_parsing(text, path, |text| {
                parallel::parse_beside(text, threads_for(text)?, known)
            })
        })
    })
    .map(|(loaded, _)| loaded)
}

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
/// is what `load` gives. OURS's text is let go before the others are read.
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
    let (loaded, bytes) = match read {
        Ok(read) => read,
        Err(error) => return (Err(error), others.map(whole)),
    };
    let Some(notes) = notes else {
        return (Ok(loaded), others.map(whole));
    };
    let prints = notes.fingerprints(bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes));
    drop((notes, bytes));
    (Ok(loaded), others.map(|path| load_apart_from(path, &prints)))
}

/// [`load`] of a copy apart from the one `known` was noted from.
fn load_apart_from(path: &Path, known: &Fingerprints) -> Result<LoadedApart, StorageError> {
    let mut same = None;
    let (loaded, _) = load_reading(path, |bytes| {
        from_bytes_with(bytes, path, |text| {
            from_str_parsing(text, path, |text| {
                let (envelope, found) = parallel::parse_apart(text, threads_for(text)?, known)?;
                same = Some(found);
                Some(envelope)
            })
        })
    })?;
    Ok(LoadedApart { loaded, same })
}
