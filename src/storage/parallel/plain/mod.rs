//! Reading records in the plain form Coalition Desk writes them, several
//! times faster than ron, which spends most of a large register's load
//! on what a general reader must allow: comments, raw strings, struct
//! names, implicit options, numbers in every base, and identifiers of any
//! script checked character by character.
//!
//! This reader knows only the plain form: anonymous structs
//! `(field: value,)`, maps `{key: value,}`, lists `[..]`, `Some(..)` and
//! `None`, enum variants, strings with the escapes ron writes, unsigned
//! and negative whole numbers, `true` and `false`.
//! Anything else — a comment, a raw string, another escape, a control
//! character inside a string, a struct's name, a bare optional value, a
//! number with a sign, a point or a suffix, unusual white space, deep
//! nesting — makes it give up, and the caller reads the same text with
//! ron, which also reports any error with its line and column. Where it
//! does not give up it does what ron does, step for step (ron's
//! `de/mod.rs`: where white space may stand, trailing commas, how an
//! untagged owner is buffered), so it reads the same values:
//! tests/suite/storage/plain_form.rs holds it to ron on the sample, on
//! generated registers and on mutated text.

mod reader;
mod values;

use std::fmt;

use serde::de::{self, DeserializeOwned, MapAccess};

use reader::Reader;
use values::Commas;

/// Why the plain reader or writer stepped aside: the text or value is
/// not in the plain form (ron reads or writes it), or a value's own
/// reading refused it (ron reads it again and says why, where).
#[derive(Debug)]
pub struct NotPlain;

impl fmt::Display for NotPlain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not in the plain form Coalition Desk writes")
    }
}

impl std::error::Error for NotPlain {}

impl de::Error for NotPlain {
    fn custom<T: fmt::Display>(_message: T) -> Self {
        NotPlain
    }
}

/// The plain writer steps aside for the same reasons.
impl serde::ser::Error for NotPlain {
    fn custom<T: fmt::Display>(_message: T) -> Self {
        NotPlain
    }
}

type Result<T> = std::result::Result<T, NotPlain>;

/// Deeper than this the reader steps aside (ron's own limit is 128): no
/// record Coalition Desk writes nests half as deep, and a hostile file
/// must not exhaust the stack.
const DEEPEST: usize = 48;

/// The entries `id: (...),` of a map's piece, in the order written, or
/// `None` when any of it is not in the plain form.
pub fn records<K: DeserializeOwned, V: DeserializeOwned>(entries: &str) -> Option<Vec<(K, V)>> {
    let mut reader = Reader::new(entries);
    let mut records = Vec::new();
    let mut entries = Commas::new(&mut reader, None);
    while let Some(id) = entries.next_key::<K>().ok()? {
        let record = entries.next_value::<V>().ok()?;
        records.push((id, record));
    }
    reader.skip_ws();
    reader.at_end().then_some(records)
}

/// One value of type `T` written plainly, the whole text, or `None`.
pub fn value<T: DeserializeOwned>(text: &str) -> Option<T> {
    let mut reader = Reader::new(text);
    reader.skip_ws();
    let value = T::deserialize(&mut reader).ok()?;
    reader.skip_ws();
    reader.at_end().then_some(value)
}
