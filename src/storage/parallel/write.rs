//! Writing a large register's text on every core, byte for byte what one
//! thread writes.
//!
//! ron writes about 190 MB/s here, so a register of 100,000 commitments
//! took half a second to turn into text. The file is the register with
//! its two large maps written in place; this writes the register with
//! those maps empty, writes pieces of the maps on every core, and puts the
//! pieces where the empty maps were. ron escapes newlines and tabs inside
//! strings, so a piece written on its own is the same text as in place
//! except for its indentation, which is added line by line.
//! tests/suite/storage/round_trip.rs compares the result with ron's own on the
//! sample and on generated registers.

use std::collections::BTreeMap;
use std::thread::{Scope, ScopedJoinHandle};

use ron::ser::PrettyConfig;
use serde::{Serialize, Serializer};

use crate::model::Register;

/// How the empty maps' lines look in the head, to be replaced. Each is
/// found with the newline before it, so that only a whole line matches.
const EMPTY_MEETINGS: &str = "\t\tmeetings: {},\n";
const EMPTY_COMMITMENTS: &str = "\t\tcommitments: {},\n";

/// Where the whole line `line` starts in `text`.
fn line_at(text: &str, line: &str) -> Option<usize> {
    let found = text.find(&["\n", line].concat())?;
    Some(found + 1)
}

/// Records per piece at least: smaller pieces cost more than they save.
const MIN_RECORDS_PER_PIECE: usize = 500;

/// Records per piece at most: the pieces of one round are held until
/// they are handed on in order, so a piece of a few megabytes keeps the
/// text in memory at a few megabytes per thread, where the whole text
/// (100 MB for 100,000 commitments) was held before (issue 19).
const MOST_RECORDS_PER_PIECE: usize = 2_000;

/// The file's text as `write` makes it, written on `threads` threads, or
/// `None` when the text of the register without its maps is not shaped as
/// expected (the caller then writes it on one thread). `write` turns a
/// register into the whole file's text: it is the one-thread writer, so
/// both stay the same.
pub fn text_in_pieces(
    register: &Register,
    threads: usize,
    config: &PrettyConfig,
    write: impl Fn(&Register) -> Result<String, ron::Error>,
) -> Option<Result<String, ron::Error>> {
    let mut text = String::new();
    let written = write_in_pieces(
        register,
        threads,
        config,
        write,
        &mut |piece| {
            text.push_str(piece);
            Ok(())
        },
        |e| e,
    )?;
    Some(written.map(|()| text))
}

/// [`text_in_pieces`] handed to `sink` piece by piece, in order, instead
/// of made into one text: the pieces are written a round at a time (one
/// per thread) and each goes once handed on. `None` (before anything
/// reaches `sink`) when the head is not shaped as expected; a failure of
/// `sink` or of writing ends it there.
pub fn write_in_pieces<E>(
    register: &Register,
    threads: usize,
    config: &PrettyConfig,
    write: impl Fn(&Register) -> Result<String, ron::Error>,
    sink: &mut dyn FnMut(&str) -> Result<(), E>,
    ron_error: impl Fn(ron::Error) -> E,
) -> Option<Result<(), E>> {
    // The register with its large maps empty; the small maps are cloned,
    // which costs little beside writing the large ones.
    let head = match write(&Register {
        name: register.name.clone(),
        short_name: register.short_name.clone(),
        reference_pattern: register.reference_pattern.clone(),
        identity: register.identity.clone(),
        office: register.office.clone(),
        next_id: register.next_id,
        markings: register.markings.clone(),
        capability_areas: register.capability_areas.clone(),
        participants: register.participants.clone(),
        people: register.people.clone(),
        series: register.series.clone(),
        meetings: BTreeMap::new(),
        commitments: BTreeMap::new(),
        conflicts: register.conflicts.clone(),
        merges: register.merges.clone(),
        saves: register.saves.clone(),
    }) {
        Ok(head) => head,
        Err(e) => return Some(Err(ron_error(e))),
    };
    let (Some(meetings_at), Some(commitments_at)) = (
        line_at(&head, EMPTY_MEETINGS),
        line_at(&head, EMPTY_COMMITMENTS),
    ) else {
        return None;
    };
    if meetings_at > commitments_at {
        return None;
    }
    let head_part = |range: std::ops::Range<usize>| head.get(range).unwrap_or_default();
    let written = (|| {
        let mut from = 0;
        sink(head_part(from..meetings_at))?;
        write_map(
            &register.meetings,
            "meetings",
            threads,
            config,
            sink,
            &ron_error,
        )?;
        from = meetings_at + EMPTY_MEETINGS.len();
        sink(head_part(from..commitments_at))?;
        write_map(
            &register.commitments,
            "commitments",
            threads,
            config,
            sink,
            &ron_error,
        )?;
        from = commitments_at + EMPTY_COMMITMENTS.len();
        sink(head_part(from..head.len()))
    })();
    Some(written)
}

/// One large map's lines, `name: {` to `},`, its records written on
/// `threads` threads a round of pieces at a time.
fn write_map<K: Serialize + Sync, V: Serialize + Sync, E>(
    map: &BTreeMap<K, V>,
    name: &str,
    threads: usize,
    config: &PrettyConfig,
    sink: &mut dyn FnMut(&str) -> Result<(), E>,
    ron_error: &impl Fn(ron::Error) -> E,
) -> Result<(), E> {
    if map.is_empty() {
        return sink(&["\t\t", name, ": {},\n"].concat());
    }
    sink(&["\t\t", name, ": {\n"].concat())?;
    let pieces = cut(map, threads);
    // The next round is made while the last one is handed on: writing
    // 100 MB into the file took a tenth of a merge with the writer
    // threads idle (issue 19). Two rounds are held at most.
    std::thread::scope(|scope| {
        let start = |round| start_round(scope, round, config);
        let mut rounds = pieces.chunks(threads.max(1));
        let mut running = rounds.next().map(start);
        while let Some(jobs) = running.take() {
            let written: Vec<Result<String, ron::Error>> = jobs
                .into_iter()
                .map(|job| {
                    job.join().unwrap_or_else(|_| {
                        Err(ron::Error::Message("a writer thread failed".into()))
                    })
                })
                .collect();
            running = rounds.next().map(start);
            for piece in written {
                sink(&piece.map_err(ron_error)?)?;
            }
        }
        Ok(())
    })?;
    sink("\t\t},\n")
}

/// Each piece of `round` written on a thread of its own.
fn start_round<'scope, 'env, K: Serialize + Sync, V: Serialize + Sync>(
    scope: &'scope Scope<'scope, 'env>,
    round: &'env [Vec<(&'env K, &'env V)>],
    config: &'env PrettyConfig,
) -> Vec<ScopedJoinHandle<'scope, Result<String, ron::Error>>> {
    round
        .iter()
        .map(|piece| scope.spawn(move || piece_text(piece, config)))
        .collect()
}

/// The map's records in pieces of [`MIN_RECORDS_PER_PIECE`] to
/// [`MOST_RECORDS_PER_PIECE`], about `threads * 2` of them when that
/// allows, in id order.
fn cut<K, V>(map: &BTreeMap<K, V>, threads: usize) -> Vec<Vec<(&K, &V)>> {
    if map.is_empty() {
        return Vec::new();
    }
    let per_piece = map
        .len()
        .div_ceil(threads.max(1) * 2)
        .clamp(MIN_RECORDS_PER_PIECE, MOST_RECORDS_PER_PIECE);
    let records: Vec<(&K, &V)> = map.iter().collect();
    records.chunks(per_piece).map(<[_]>::to_vec).collect()
}

/// Some records as they appear inside their map in the file: each line
/// indented by three tabs, each record followed by a comma. Written by
/// the plain writer, or by ron where it steps aside.
fn piece_text<K: Serialize, V: Serialize>(
    records: &[(&K, &V)],
    config: &PrettyConfig,
) -> Result<String, ron::Error> {
    if let Some(text) = super::plain_write::records(records) {
        return Ok(text);
    }
    /// The records as a map of their own, written at the top level.
    struct Records<'a, K, V>(&'a [(&'a K, &'a V)]);
    impl<K: Serialize, V: Serialize> Serialize for Records<'_, K, V> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_map(self.0.iter().copied())
        }
    }
    let alone = ron::ser::to_string_pretty(&Records(records), config.clone())?;
    // `{`, the records one tab in, `}`: drop the braces, add two tabs.
    let inner = alone
        .strip_prefix("{\n")
        .and_then(|rest| rest.strip_suffix('}'))
        .ok_or_else(|| ron::Error::Message("unexpected shape of a written map".into()))?;
    let mut text = String::with_capacity(inner.len() + inner.len() / 8);
    for line in inner.split_inclusive('\n') {
        text.push_str("\t\t");
        text.push_str(line);
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::{GenerateOptions, register};
    use crate::storage::format::{envelope_text_as, pretty_config, written_version};

    /// The one-thread writer as `to_ron` gives it: the whole register's
    /// version for every part.
    fn envelope_text(
        register: &Register,
        version: u32,
        config: &PrettyConfig,
    ) -> Result<String, ron::Error> {
        envelope_text_as(register, version, config)
    }

    #[test]
    fn pieces_written_apart_make_the_same_bytes_as_one_thread() {
        let mut register = register(GenerateOptions {
            meetings: 30,
            commitments: 2_500,
            seed: 7,
        });
        // Strings that look like the file's own structure stay escaped.
        if let Some(commitment) = register.commitments.values_mut().nth(600) {
            commitment.title = "\n\t\tmeetings: {},\n\ttab\there".into();
            commitment.description = "}\n\t\t},\n\t\tcommitments: {},\n".into();
        }
        let config = pretty_config();
        // Generated registers record payments: version 3, which the head
        // written without the commitments must carry too (without the
        // identity and the offices heading delegations, which alone would
        // make it 5 and 7).
        register.identity.clear();
        for person in register.people.values_mut() {
            for role in &mut person.roles {
                role.head_of_delegation = false;
            }
        }
        let version = written_version(&register);
        assert_eq!(version, 3);
        let one_thread = envelope_text(&register, version, &config).unwrap();
        let on_threads = text_in_pieces(&register, 3, &config, |r| {
            envelope_text(r, version, &config)
        })
        .expect("a generated register is written in pieces")
        .unwrap();
        assert!(one_thread == on_threads, "the two texts differ");
    }

    #[test]
    fn an_empty_register_is_written_the_same_way() {
        let register = Register::default();
        let config = pretty_config();
        let one_thread = envelope_text(&register, 1, &config).unwrap();
        let on_threads = text_in_pieces(&register, 2, &config, |r| envelope_text(r, 1, &config))
            .expect("an empty register is written in pieces")
            .unwrap();
        assert_eq!(one_thread, on_threads);
    }
}
