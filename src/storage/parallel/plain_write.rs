//! Writing records in the plain form, byte for byte as ron writes them
//! with storage's layout (no struct names, a tab a level, `\n`), without
//! ron's general machinery: ron checks every identifier it writes
//! character by character, and wrote a large register's records at about
//! 190 MB/s, a quarter of a merge's time (issue 19).
//!
//! What this writes is exactly ron's: an empty struct, list or map is
//! `()`, `[]` or `{}`; a full one opens on its line, each entry on a line
//! of its own one tab deeper ending in a comma, and closes on a line at
//! the opening's depth; `Some(..)` and a newtype variant `Name(..)` wrap
//! their value on the same line; strings escaped as `char::escape_debug`
//! does. Anything else — a float, a char, bytes, a tuple, a struct
//! variant, a named newtype — gives `None`, and ron writes the piece.
//! The unit tests of `write.rs` and tests/suite/storage compare its text
//! with ron's on the sample, generated registers and awkward strings.

use std::fmt::{self, Write as _};

use serde::Serialize;
use serde::ser::{self, Impossible, SerializeMap, SerializeSeq, SerializeStruct};

/// Why the plain writer stepped aside for ron.
#[derive(Debug)]
pub struct NotPlain;

impl fmt::Display for NotPlain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not in the plain form Coalition Desk writes")
    }
}

impl std::error::Error for NotPlain {}

impl ser::Error for NotPlain {
    fn custom<T: fmt::Display>(_message: T) -> Self {
        NotPlain
    }
}

type Result<T = ()> = std::result::Result<T, NotPlain>;

/// Records as they stand inside their map in the file, each line
/// indented three tabs deep and each record followed by a comma; `None`
/// when any of them is not in the plain form.
pub fn records<K: Serialize, V: Serialize>(records: &[(&K, &V)]) -> Option<String> {
    let mut writer = Writer {
        out: String::new(),
        depth: 3,
    };
    for (key, value) in records {
        writer.indent();
        key.serialize(&mut writer).ok()?;
        writer.out.push_str(": ");
        value.serialize(&mut writer).ok()?;
        writer.out.push_str(",\n");
    }
    Some(writer.out)
}

/// One value written at the top level, as `ron::ser::to_string_pretty`
/// with storage's layout writes it, or `None`.
pub fn value<T: Serialize>(value: &T) -> Option<String> {
    let mut writer = Writer {
        out: String::new(),
        depth: 0,
    };
    value.serialize(&mut writer).ok()?;
    Some(writer.out)
}

struct Writer {
    out: String,
    depth: usize,
}

impl Writer {
    fn indent(&mut self) {
        for _ in 0..self.depth {
            self.out.push('\t');
        }
    }

    /// `open`, and for a full container the line break and one level
    /// deeper; what [`Entries::close`] undoes.
    fn open(&mut self, open: char, close: char, entries: usize) -> Entries<'_> {
        self.out.push(open);
        let full = entries > 0;
        if full {
            self.out.push('\n');
            self.depth += 1;
        }
        Entries {
            writer: self,
            full,
            close,
        }
    }

    /// A field's or variant's name as ron writes it: plain ASCII ones
    /// only (ron would write others as raw identifiers).
    fn name(&mut self, name: &str) -> Result {
        let plain = name
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
            && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
        if !plain {
            return Err(NotPlain);
        }
        self.out.push_str(name);
        Ok(())
    }

    /// A string in quotes, each character as `char::escape_debug` writes
    /// it (as ron does); printable ASCII other than quotes and the
    /// backslash stands for itself, which most of a register's text is.
    fn string(&mut self, text: &str) {
        self.out.push('"');
        let as_itself = text
            .bytes()
            .all(|b| (0x20..0x7f).contains(&b) && b != b'"' && b != b'\\' && b != b'\'');
        if as_itself {
            self.out.push_str(text);
        } else {
            self.out.extend(text.chars().flat_map(char::escape_debug));
        }
        self.out.push('"');
    }
}

/// The entries of a struct, list or map being written.
struct Entries<'a> {
    writer: &'a mut Writer,
    full: bool,
    close: char,
}

impl Entries<'_> {
    /// One entry on its own line, ending in a comma.
    fn entry(&mut self, write: impl FnOnce(&mut Writer) -> Result) -> Result {
        if !self.full {
            return Err(NotPlain);
        }
        self.writer.indent();
        write(self.writer)?;
        self.writer.out.push_str(",\n");
        Ok(())
    }

    fn close(self) {
        if self.full {
            self.writer.depth -= 1;
            self.writer.indent();
        }
        self.writer.out.push(self.close);
    }
}

impl<'a> ser::Serializer for &'a mut Writer {
    type Ok = ();
    type Error = NotPlain;
    type SerializeSeq = Entries<'a>;
    type SerializeTuple = Impossible<(), NotPlain>;
    type SerializeTupleStruct = Impossible<(), NotPlain>;
    type SerializeTupleVariant = Impossible<(), NotPlain>;
    type SerializeMap = Entries<'a>;
    type SerializeStruct = Entries<'a>;
    type SerializeStructVariant = Impossible<(), NotPlain>;

    fn serialize_bool(self, v: bool) -> Result {
        self.out.push_str(if v { "true" } else { "false" });
        Ok(())
    }

    fn serialize_i8(self, v: i8) -> Result {
        self.serialize_i64(i64::from(v))
    }

    fn serialize_i16(self, v: i16) -> Result {
        self.serialize_i64(i64::from(v))
    }

    fn serialize_i32(self, v: i32) -> Result {
        self.serialize_i64(i64::from(v))
    }

    fn serialize_i64(self, v: i64) -> Result {
        write!(self.out, "{v}").map_err(|_| NotPlain)
    }

    fn serialize_u8(self, v: u8) -> Result {
        self.serialize_u64(u64::from(v))
    }

    fn serialize_u16(self, v: u16) -> Result {
        self.serialize_u64(u64::from(v))
    }

    fn serialize_u32(self, v: u32) -> Result {
        self.serialize_u64(u64::from(v))
    }

    fn serialize_u64(self, v: u64) -> Result {
        write!(self.out, "{v}").map_err(|_| NotPlain)
    }

    fn serialize_f32(self, _v: f32) -> Result {
        Err(NotPlain)
    }

    fn serialize_f64(self, _v: f64) -> Result {
        Err(NotPlain)
    }

    fn serialize_char(self, _v: char) -> Result {
        Err(NotPlain)
    }

    fn serialize_str(self, v: &str) -> Result {
        self.string(v);
        Ok(())
    }

    fn serialize_bytes(self, _v: &[u8]) -> Result {
        Err(NotPlain)
    }

    fn serialize_none(self) -> Result {
        self.out.push_str("None");
        Ok(())
    }

    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result {
        self.out.push_str("Some(");
        value.serialize(&mut *self)?;
        self.out.push(')');
        Ok(())
    }

    fn serialize_unit(self) -> Result {
        self.out.push_str("()");
        Ok(())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result {
        Err(NotPlain)
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result {
        self.name(variant)
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _value: &T,
    ) -> Result {
        Err(NotPlain)
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result {
        self.name(variant)?;
        self.out.push('(');
        value.serialize(&mut *self)?;
        self.out.push(')');
        Ok(())
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Entries<'a>> {
        Ok(self.open('[', ']', len.ok_or(NotPlain)?))
    }

    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple> {
        Err(NotPlain)
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        Err(NotPlain)
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        Err(NotPlain)
    }

    fn serialize_map(self, len: Option<usize>) -> Result<Entries<'a>> {
        Ok(self.open('{', '}', len.ok_or(NotPlain)?))
    }

    /// ron writes a few of the standard library's ranges by their names;
    /// no record holds one.
    fn serialize_struct(self, name: &'static str, len: usize) -> Result<Entries<'a>> {
        if name.starts_with("Range") {
            return Err(NotPlain);
        }
        Ok(self.open('(', ')', len))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant> {
        Err(NotPlain)
    }

    fn is_human_readable(&self) -> bool {
        true
    }
}

impl SerializeSeq for Entries<'_> {
    type Ok = ();
    type Error = NotPlain;

    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result {
        self.entry(|writer| value.serialize(writer))
    }

    fn end(self) -> Result {
        self.close();
        Ok(())
    }
}

impl SerializeMap for Entries<'_> {
    type Ok = ();
    type Error = NotPlain;

    fn serialize_key<T: ?Sized + Serialize>(&mut self, _key: &T) -> Result {
        // Keys and values are written together in `serialize_entry`.
        Err(NotPlain)
    }

    fn serialize_value<T: ?Sized + Serialize>(&mut self, _value: &T) -> Result {
        Err(NotPlain)
    }

    fn serialize_entry<K: ?Sized + Serialize, V: ?Sized + Serialize>(
        &mut self,
        key: &K,
        value: &V,
    ) -> Result {
        self.entry(|writer| {
            key.serialize(&mut *writer)?;
            writer.out.push_str(": ");
            value.serialize(writer)
        })
    }

    fn end(self) -> Result {
        self.close();
        Ok(())
    }
}

impl SerializeStruct for Entries<'_> {
    type Ok = ();
    type Error = NotPlain;

    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result {
        self.entry(|writer| {
            writer.name(key)?;
            writer.out.push_str(": ");
            value.serialize(writer)
        })
    }

    fn end(self) -> Result {
        self.close();
        Ok(())
    }
}
