//! The file format: a versioned envelope around the register, as pretty RON.
//!
//! ```text
//! CoalitionRegister(
//!     format: "coalition-desk",
//!     version: 1,
//!     register: (
//!         name: "Coalition of the willing",
//!         ...
//!     ),
//! )
//! ```

use std::ops::Range;
use std::path::Path;

use ron::ser::PrettyConfig;
use serde::{Deserialize, Serialize};

use super::StorageError;
use super::{control, messages, parallel, read_options, text_lengths};
use crate::model::{Register, office_of};

/// The newest version of the file format this build reads and writes. A
/// file with a higher version was written by a newer Coalition Desk.
pub const FORMAT_VERSION: u32 = 8;

/// The version a register is written as: the lowest that holds what the
/// register uses, so that a file is never read wrongly by an older build,
/// and a file without the newer things is still written byte for byte as
/// before. 1 is what a build from before office codes reads; 2 once the
/// copy keeps an office code or holds ids that carry one (`"LON-17"`); 3
/// once a delivery records money paid (`paid`); 4 once an action is
/// carried over to a later session as one action (`carried_to`,
/// `carried_as_approved`); 5 once the register carries its identity
/// (`identity`), which every register made since has, or a conflict names
/// the rule a merge broke (`broken_rule`); 6 once an agenda item says what
/// it is for (`purpose`), a participant has points to raise
/// (`points_to_raise`, `points_marking`) or the copy keeps the merges it
/// came from (`merges`); 7 once an office heads its participant's
/// delegation (`head_of_delegation` on a role); 8 once the copy keeps the
/// saves it comes from (`saves`), which every save by this build marks. An
/// older build then says
/// the file is from a newer version, instead of failing on a field or an
/// id it cannot read.
pub fn written_version(register: &Register) -> u32 {
    if !register.saves.is_empty() {
        return 8;
    }
    let marks_heads = register
        .people
        .values()
        .any(|p| p.roles.iter().any(|r| r.head_of_delegation));
    if marks_heads {
        return 7;
    }
    if prepares_documents(register) || !register.merges.is_empty() {
        return 6;
    }
    let names_broken_rules = register.conflicts.iter().any(|c| !c.broken_rule.is_empty());
    if !register.identity.is_empty() || names_broken_rules {
        return 5;
    }
    let carries_actions = register.meetings.values().any(|m| {
        !m.carried_as_approved.is_empty() || m.actions.iter().any(|a| !a.carried_to.is_empty())
    });
    if carries_actions {
        return 4;
    }
    let records_payments = register
        .commitments
        .values()
        .any(|c| c.deliveries.iter().any(|d| !d.paid.is_zero()));
    if records_payments {
        return 3;
    }
    let carries_office = |highest: Option<u64>| highest.is_some_and(|id| office_of(id).is_some());
    let uses_offices = !register.office.is_empty()
        || carries_office(register.participants.keys().next_back().map(|id| id.0))
        || carries_office(register.people.keys().next_back().map(|id| id.0))
        || carries_office(register.series.keys().next_back().map(|id| id.0))
        || carries_office(register.meetings.keys().next_back().map(|id| id.0))
        || carries_office(register.commitments.keys().next_back().map(|id| id.0));
    if uses_offices { 2 } else { 1 }
}

/// Whether the register holds what the documents sent before a session
/// added in version 6: an agenda item's purpose, a participant's points to
/// raise and their marking.
fn prepares_documents(register: &Register) -> bool {
    register
        .participants
        .values()
        .any(|p| !p.points_to_raise.is_empty() || p.points_marking.is_some())
        || register
            .meetings
            .values()
            .any(|m| m.agenda.iter().any(|item| item.purpose.is_some()))
}

/// The `format` tag every register file carries, so a stray RON file is
/// recognised as "not a register" rather than as a broken one.
pub const FORMAT_TAG: &str = "coalition-desk";

/// The envelope's name at the top of the file.
pub(super) const ENVELOPE_NAME: &str = "CoalitionRegister";

#[derive(Serialize)]
#[serde(rename = "CoalitionRegister")]
struct EnvelopeOut<'a> {
    format: &'a str,
    version: u32,
    register: &'a Register,
}

#[derive(Deserialize)]
#[serde(rename = "CoalitionRegister", deny_unknown_fields)]
#[doc(hidden)]
pub struct EnvelopeIn {
    pub format: String,
    pub version: u32,
    pub register: Register,
}

/// Just the header; serde skips the rest of the file, however it is shaped.
/// Read with ron's `implicit_some`, so a missing field is `None` while a
/// present one is written plainly (`version: 2`, not `version: Some(2)`).
#[derive(Deserialize)]
#[serde(rename = "CoalitionRegister")]
struct VersionProbe {
    #[serde(default)]
    format: Option<String>,
    #[serde(default)]
    version: Option<u32>,
}

/// The register read from text, and whether a newer version wrote it.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    pub register: Register,
    /// `Some(version)` when the file's format is newer than
    /// [`FORMAT_VERSION`] but still parsed: open it read-only, because
    /// saving would drop whatever the newer version added.
    pub newer_version: Option<u32>,
}

/// The register as the text the file holds (pretty RON in its envelope).
/// A large register is written on every core, to the same bytes.
pub fn to_ron(register: &Register, path: &Path) -> Result<String, StorageError> {
    let large = register.meetings.len() + register.commitments.len() >= WRITE_ON_THREADS_FROM;
    to_ron_on_threads(register, path, large.then(parallel::threads))
}

/// [`to_ron`] handed to `sink` piece by piece, never held whole: the
/// same bytes, in order. How every save writes a register.
pub(super) fn write_ron(
    register: &Register,
    path: &Path,
    sink: &mut dyn FnMut(&str) -> Result<(), StorageError>,
) -> Result<(), StorageError> {
    let serialize_error = |e: ron::Error| StorageError::Serialize {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let config = pretty_config();
    let version = written_version(register);
    let one_thread = |register: &Register| envelope_text_as(register, version, &config);
    let large = register.meetings.len() + register.commitments.len() >= WRITE_ON_THREADS_FROM;
    if large
        && let Some(written) = parallel::write::write_in_pieces(
            register,
            parallel::threads(),
            &config,
            one_thread,
            sink,
            serialize_error,
        )
    {
        return written;
    }
    let text = one_thread(register).map_err(serialize_error)?;
    sink(&text)
}

/// Records from which [`to_ron`] writes on several threads.
const WRITE_ON_THREADS_FROM: usize = 5_000;

/// [`to_ron`] on `threads` threads, or on this one with `None`. For the
/// tests that hold the two to the same bytes.
#[doc(hidden)]
pub fn to_ron_on_threads(
    register: &Register,
    path: &Path,
    threads: Option<usize>,
) -> Result<String, StorageError> {
    let config = pretty_config();
    // The version is the whole register's: the parallel writer writes its
    // head from the register without its large maps, whose payments (or
    // office ids) would otherwise not count.
    let version = written_version(register);
    let one_thread = |register: &Register| envelope_text_as(register, version, &config);
    let text = match threads
        .and_then(|threads| parallel::write::text_in_pieces(register, threads, &config, one_thread))
    {
        Some(written) => written,
        None => one_thread(register),
    };
    text.map_err(|e| StorageError::Serialize {
        path: path.to_path_buf(),
        message: e.to_string(),
    })
}

/// How the file is laid out.
pub(super) fn pretty_config() -> PrettyConfig {
    // Struct names are off so that renaming a Rust type never breaks old
    // files (ron rejects a name that differs from the type's); only the
    // envelope is named, so the file says what it is on its first line.
    // One tab per level: most of a large register is indentation, and
    // four spaces a level made the file 75 % larger and a third slower to
    // read than a tab (issue 6, BENCHMARKS.md).
    PrettyConfig::new()
        .struct_names(false)
        .indentor("\t")
        .new_line("\n")
}

/// The whole file's text, written by ron on this thread, under the format
/// `version` given.
pub(super) fn envelope_text_as(
    register: &Register,
    version: u32,
    config: &PrettyConfig,
) -> Result<String, ron::Error> {
    let envelope = EnvelopeOut {
        format: FORMAT_TAG,
        version,
        register,
    };
    let body = ron::ser::to_string_pretty(&envelope, config.clone())?;
    let mut text = String::with_capacity(body.len() + ENVELOPE_NAME.len() + 1);
    text.push_str(ENVELOPE_NAME);
    text.push_str(&body);
    text.push('\n');
    Ok(text)
}

/// Reads a register from file bytes. `path` is only used in errors.
pub fn from_bytes(bytes: &[u8], path: &Path) -> Result<Parsed, StorageError> {
    from_bytes_with(bytes, path, |text| from_str(text, path))
}

/// [`from_bytes`] reading the text with `read` once it is known to be text.
pub(super) fn from_bytes_with(
    bytes: &[u8],
    path: &Path,
    read: impl FnOnce(&str) -> Result<Parsed, StorageError>,
) -> Result<Parsed, StorageError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(StorageError::Empty {
            path: path.to_path_buf(),
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let valid = bytes.get(..e.valid_up_to()).unwrap_or_default();
        // The prefix is valid UTF-8 by definition of `valid_up_to`.
        let (line, col) = end_position(std::str::from_utf8(valid).unwrap_or_default());
        StorageError::NotText {
            path: path.to_path_buf(),
            line,
            col,
        }
    })?;
    read(text)
}

/// Reads a register from text (e.g. the bundled sample). `path` names the
/// source in errors.
pub fn from_str(text: &str, path: &Path) -> Result<Parsed, StorageError> {
    from_str_on_threads(text, path, threads_for(text))
}

/// [`from_str`] reading the large maps on `threads` threads, or on this
/// one with `None`, whatever the size. For tests that compare the two.
#[doc(hidden)]
pub fn from_str_on_threads(
    text: &str,
    path: &Path,
    threads: Option<usize>,
) -> Result<Parsed, StorageError> {
    from_str_parsing(text, path, |text| {
        threads.and_then(|threads| parallel::parse_on(text, threads))
    })
}

/// Whether a text is long enough to be read on several threads, and on
/// how many.
pub(super) fn threads_for(text: &str) -> Option<usize> {
    (text.len() >= parallel::WORTH_IT_FROM_BYTES).then(parallel::threads)
}

/// [`from_str`] with `fast` the parse tried first (with any byte-order
/// mark taken off the text), the ordinary parse when it gives `None`.
pub(super) fn from_str_parsing(
    text: &str,
    path: &Path,
    fast: impl FnOnce(&str) -> Option<EnvelopeIn>,
) -> Result<Parsed, StorageError> {
    checked_and_read(without_byte_order_mark(text), path, fast)
}

/// The text without the byte-order mark some Windows editors start a
/// UTF-8 file with: a register hand-edited in one should still open.
fn without_byte_order_mark(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// [`from_str_parsing`] of a text without its byte-order mark.
fn checked_and_read(
    text: &str,
    path: &Path,
    fast: impl FnOnce(&str) -> Option<EnvelopeIn>,
) -> Result<Parsed, StorageError> {
    // On a large text the checks of its characters and lengths run on a
    // thread of their own while the parse runs on the others: each takes
    // a pass over the whole text, which ran in line before the parse
    // (issue 19). A text they refuse is refused as before, whatever the
    // parse made of it.
    let (refused, fast_read) = if text.len() >= parallel::WORTH_IT_FROM_BYTES {
        std::thread::scope(|scope| {
            let checks = scope.spawn(|| refusal(text, path));
            let read = fast(text);
            match checks.join() {
                Ok(refused) => (refused, read),
                Err(panicked) => std::panic::resume_unwind(panicked),
            }
        })
    } else {
        match refusal(text, path) {
            Some(refused) => (Some(refused), None),
            None => (None, fast(text)),
        }
    };
    if let Some(refused) = refused {
        return Err(refused);
    }
    envelope_read(fast_read, text, path)
}

/// [`from_str_parsing`] of a copy read apart from another (the merge's
/// BASE and THEIRS, `storage::load_apart`): `fast` gives, beside the
/// envelope, the ranges of the text written byte for byte as in the copy
/// already read, whose characters and lengths that copy's checks passed.
/// Only the text around them is checked before the refusal is looked for
/// in the whole text, so a copy is refused at the same place in the same
/// words as alone; when `fast` has any doubt, the whole text is checked.
pub(super) fn from_str_parsing_apart(
    text: &str,
    path: &Path,
    fast: impl FnOnce(&str) -> Option<(EnvelopeIn, parallel::CheckedInKnown)>,
) -> Result<Parsed, StorageError> {
    let text = without_byte_order_mark(text);
    let Some((envelope, checked)) = fast(text) else {
        return checked_and_read(text, path, |_| None);
    };
    if !checked_apart(text, &checked)
        && let Some(refused) = refusal(text, path)
    {
        return Err(refused);
    }
    envelope_read(Some(envelope), text, path)
}

/// Whether nothing in `text` outside the ranges `checked` (ordered,
/// apart, each a run of whole records) holds a control or hidden
/// character or a text too long: what [`refusal`] finds in the whole
/// text, since each range starts and ends outside any string or comment
/// and was found clean in the copy it came from. `false` on any doubt.
fn checked_apart(text: &str, checked: &[Range<usize>]) -> bool {
    let clean = |gap: Option<&str>| {
        gap.is_some_and(|gap| control::find(gap).is_none() && text_lengths::find(gap).is_none())
    };
    let mut from = 0;
    for range in checked {
        if !clean(text.get(from..range.start)) {
            return false;
        }
        from = range.end;
    }
    clean(text.get(from..))
}

/// The envelope `fast_read` gave, else the text read by ron, held to the
/// format, version and ids as every read is.
fn envelope_read(
    fast_read: Option<EnvelopeIn>,
    text: &str,
    path: &Path,
) -> Result<Parsed, StorageError> {
    // One full parse on the common path; the header probe runs only when
    // it fails, to tell "newer version" from "broken file". Parsing twice
    // up front would double the load time of a large register.
    let envelope = match fast_read {
        Some(envelope) => Ok(envelope),
        None => read_options().from_str::<EnvelopeIn>(text),
    };
    match envelope {
        Ok(envelope) => {
            check_format(Some(&envelope.format), path)?;
            let newer_version = match envelope.version {
                0 => {
                    return Err(StorageError::UnknownVersion {
                        found: 0,
                        path: path.to_path_buf(),
                    });
                }
                v if v > FORMAT_VERSION => Some(v),
                _ => None,
            };
            // Refused as an id twice in one map is: the file says one id
            // names two records, which the format promises never happens.
            if let Some(message) = envelope.register.shared_id_problem() {
                return Err(StorageError::SharedId {
                    path: path.to_path_buf(),
                    message,
                });
            }
            Ok(Parsed {
                register: envelope.register,
                newer_version,
            })
        }
        Err(full_error) => {
            if let Ok(probe) = probe(text) {
                check_format(probe.format.as_deref(), path)?;
                match probe.version {
                    Some(found) if found > FORMAT_VERSION => {
                        return Err(StorageError::NewerVersion {
                            found,
                            path: path.to_path_buf(),
                        });
                    }
                    Some(0) => {
                        return Err(StorageError::UnknownVersion {
                            found: 0,
                            path: path.to_path_buf(),
                        });
                    }
                    _ => {}
                }
            }
            Err(syntax_error(&full_error, text, path))
        }
    }
}

/// Why `text` cannot be a register's, found before parsing: a control or
/// hidden character, or a text longer than its field may hold.
fn refusal(text: &str, path: &Path) -> Option<StorageError> {
    let found = control::find(text)
        .map(|found| (found.offset, found.message))
        .or_else(|| text_lengths::find(text).map(|found| (found.offset, found.message)))?;
    let (line, col) = messages::position_of(text, found.0);
    Some(StorageError::Syntax {
        path: path.to_path_buf(),
        line,
        col,
        message: found.1,
    })
}

/// The format version written in the file's header, when the header can
/// be read. Used by save to avoid replacing a newer version's file, so it
/// reads only the header: `format` and `version` come first in every file
/// Coalition Desk writes, and parsing 100 MB of records to learn them
/// cost a large register's save a second.
pub(crate) fn probe_version(bytes: &[u8]) -> Option<u32> {
    let header = header_in(bytes).or_else(|| {
        let probe = probe(std::str::from_utf8(bytes).ok()?).ok()?;
        Some((probe.format?, probe.version?))
    })?;
    (header.0 == FORMAT_TAG).then_some(header.1)
}

/// How much of a file [`header_in`] reads: enough for the envelope's name,
/// the header fields and any comments a person put before them; a header
/// further in is read in full.
pub(crate) const HEADER_BYTES: usize = 64 * 1024;

/// `format` and `version` from the first [`HEADER_BYTES`] of `bytes`
/// alone, as [`probe_version`] reads them first; `None` when they are not
/// there, and only the whole file can tell.
pub(crate) fn header_in(bytes: &[u8]) -> Option<(String, u32)> {
    let start = bytes.get(..HEADER_BYTES).unwrap_or(bytes);
    let text = match std::str::from_utf8(start) {
        Ok(text) => text,
        Err(e) => std::str::from_utf8(start.get(..e.valid_up_to())?).ok()?,
    };
    header_fields(text)
}

/// `format` and `version` when they are the envelope's first two fields,
/// read without parsing what follows.
fn header_fields(text: &str) -> Option<(String, u32)> {
    use serde::de::{self, Deserializer, MapAccess, Visitor};

    /// Stops reading as soon as both fields are in `found`.
    struct Header<'a>(&'a mut (Option<String>, Option<u32>));
    impl<'de> Visitor<'de> for Header<'_> {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("the register's header")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            while let Some(key) = map.next_key::<String>()? {
                match key.as_str() {
                    "format" => self.0.0 = Some(map.next_value()?),
                    "version" => self.0.1 = Some(map.next_value()?),
                    _ => break,
                }
                if self.0.0.is_some() && self.0.1.is_some() {
                    break;
                }
            }
            // Leaving early is an error to ron (the struct is not closed);
            // what matters is what was found before it.
            Err(de::Error::custom("header read"))
        }
    }

    let mut found = (None, None);
    let mut deserializer = ron::Deserializer::from_str(text).ok()?;
    let _ = deserializer.deserialize_struct(
        ENVELOPE_NAME,
        &["format", "version", "register"],
        Header(&mut found),
    );
    Some((found.0?, found.1?))
}

fn probe(text: &str) -> Result<VersionProbe, ron::error::SpannedError> {
    read_options().from_str(text)
}

fn check_format(format: Option<&str>, path: &Path) -> Result<(), StorageError> {
    match format {
        Some(FORMAT_TAG) => Ok(()),
        Some(other) => Err(StorageError::NotARegister {
            path: path.to_path_buf(),
            line: 1,
            col: 1,
            detail: format!("its format is \"{other}\", not \"{FORMAT_TAG}\""),
        }),
        None => Err(StorageError::NotARegister {
            path: path.to_path_buf(),
            line: 1,
            col: 1,
            detail: format!("it has no `format: \"{FORMAT_TAG}\"` header"),
        }),
    }
}

fn syntax_error(error: &ron::error::SpannedError, text: &str, path: &Path) -> StorageError {
    let refusal = messages::refusal(error, text);
    StorageError::Syntax {
        path: path.to_path_buf(),
        line: refusal.line,
        col: refusal.col,
        message: refusal.message,
    }
}

/// Line and column (from 1) just after the end of `text`.
fn end_position(text: &str) -> (usize, usize) {
    let line = 1 + text.matches('\n').count();
    let col = 1 + text.chars().rev().take_while(|&c| c != '\n').count();
    (line, col)
}
