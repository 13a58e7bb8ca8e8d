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
//! tests/suite/storage/plain_reader.rs holds it to ron on the sample, on
//! generated registers and on mutated text.

use std::fmt;

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{
    self, DeserializeOwned, DeserializeSeed, EnumAccess, MapAccess, SeqAccess, VariantAccess,
    Visitor,
};

/// Why the plain reader stepped aside: the text is not in the plain form
/// (ron reads it), or a value's own reading refused it (ron reads it
/// again and says why, where).
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

struct Reader<'de> {
    text: &'de str,
    at: usize,
    depth: usize,
}

impl<'de> Reader<'de> {
    fn new(text: &'de str) -> Self {
        Reader {
            text,
            at: 0,
            depth: 0,
        }
    }

    fn bytes(&self) -> &'de [u8] {
        self.text.as_bytes()
    }

    fn peek(&self) -> Option<u8> {
        self.bytes().get(self.at).copied()
    }

    fn at_end(&self) -> bool {
        self.at >= self.text.len()
    }

    /// The white space ron skips that Coalition Desk writes. ron also
    /// skips comments and some Unicode spaces; those stop this reader.
    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.at += 1;
        }
        found
    }

    fn expect(&mut self, byte: u8) -> Result<()> {
        if self.eat(byte) {
            Ok(())
        } else {
            Err(NotPlain)
        }
    }

    /// ron's `comma()`: white space, an optional comma, white space.
    fn comma(&mut self) -> bool {
        self.skip_ws();
        let had = self.eat(b',');
        self.skip_ws();
        had
    }

    /// An identifier of ASCII letters, digits and underscores. ron allows
    /// any Unicode identifier, raw identifiers (`r#type`) and suggests one
    /// where `.`, `+` or `-` follow; this reader steps aside for all of
    /// them, and for a byte or raw string (`b"`, `r"`) that starts like an
    /// identifier.
    fn ident(&mut self) -> Result<&'de str> {
        let start = self.at;
        match self.peek() {
            Some(b'a'..=b'z' | b'A'..=b'Z' | b'_') => self.at += 1,
            _ => return Err(NotPlain),
        }
        while let Some(b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_') = self.peek() {
            self.at += 1;
        }
        match self.peek() {
            Some(byte) if byte >= 0x80 || b".+-#\"'".contains(&byte) => Err(NotPlain),
            _ => self.text.get(start..self.at).ok_or(NotPlain),
        }
    }

    /// The identifier `word` next, consumed; nothing consumed otherwise.
    fn eat_ident(&mut self, word: &str) -> bool {
        let start = self.at;
        if self.ident().is_ok_and(|name| name == word) {
            return true;
        }
        self.at = start;
        false
    }

    /// A string in double quotes with the escapes ron writes. Borrowed
    /// when it has none.
    fn string(&mut self) -> Result<Text<'de>> {
        self.expect(b'"')?;
        let bytes = self.bytes();
        let start = self.at;
        let mut owned: Option<String> = None;
        let mut from = start;
        loop {
            let rest = bytes.get(from..).ok_or(NotPlain)?;
            let stop = from + memchr::memchr2(b'"', b'\\', rest).ok_or(NotPlain)?;
            let run = bytes.get(from..stop).ok_or(NotPlain)?;
            // ron keeps a raw control character; the reading checks
            // refuse most, and their message is ron's to give.
            if run.iter().any(|&b| b < 0x20 || b == 0x7f) {
                return Err(NotPlain);
            }
            let run_text = self.text.get(from..stop).ok_or(NotPlain)?;
            if bytes.get(stop) == Some(&b'"') {
                self.at = stop + 1;
                return Ok(match owned {
                    None => Text::Borrowed(run_text),
                    Some(mut text) => {
                        text.push_str(run_text);
                        Text::Owned(text)
                    }
                });
            }
            let text = owned.get_or_insert_with(String::new);
            text.push_str(run_text);
            let (escaped, after) = self.escape(stop + 1)?;
            text.push(escaped);
            from = after;
        }
    }

    /// The escape whose letter is at `at`, as ron's `parse_escape` reads
    /// it, and where the string goes on. ron writes `\\ \" \' \n \r \t
    /// \0` and `\u{..}` (`char::escape_debug`); its byte escapes `\x..`
    /// and line continuations are left to it.
    fn escape(&self, at: usize) -> Result<(char, usize)> {
        let bytes = self.bytes();
        let simple = match bytes.get(at) {
            Some(b'\\') => '\\',
            Some(b'"') => '"',
            Some(b'\'') => '\'',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'0') => '\0',
            Some(b'u') => {
                if bytes.get(at + 1) != Some(&b'{') {
                    return Err(NotPlain);
                }
                let digits = at + 2;
                let mut end = digits;
                while end < digits + 6 && bytes.get(end).is_some_and(u8::is_ascii_hexdigit) {
                    end += 1;
                }
                if end == digits || bytes.get(end) != Some(&b'}') {
                    return Err(NotPlain);
                }
                let hex = self.text.get(digits..end).ok_or(NotPlain)?;
                let scalar = u32::from_str_radix(hex, 16).map_err(|_| NotPlain)?;
                return Ok((char::from_u32(scalar).ok_or(NotPlain)?, end + 1));
            }
            _ => return Err(NotPlain),
        };
        Ok((simple, at + 1))
    }

    /// A whole number: digits, no leading zero but for 0 itself, and a
    /// minus sign only where `negative` allows, followed by something
    /// that ends a value. ron reads more (`+`, `_`, bases, suffixes,
    /// floats); this reader steps aside for them.
    fn whole_number(&mut self, negative: bool) -> Result<(bool, u64)> {
        let minus = negative && self.eat(b'-');
        let start = self.at;
        let mut value: u64 = 0;
        while let Some(digit @ b'0'..=b'9') = self.peek() {
            value = value
                .checked_mul(10)
                .and_then(|v| v.checked_add(u64::from(digit - b'0')))
                .ok_or(NotPlain)?;
            self.at += 1;
        }
        let digits = self.at - start;
        let leading_zero = digits > 1 && self.bytes().get(start) == Some(&b'0');
        if digits == 0 || leading_zero || (minus && value == 0) {
            return Err(NotPlain);
        }
        match self.peek() {
            None | Some(b' ' | b'\t' | b'\n' | b'\r' | b',' | b')' | b']' | b'}' | b':') => {
                Ok((minus, value))
            }
            Some(_) => Err(NotPlain),
        }
    }

    fn unsigned(&mut self) -> Result<u64> {
        self.whole_number(false).map(|(_, value)| value)
    }

    fn signed(&mut self) -> Result<i64> {
        let (minus, value) = self.whole_number(true)?;
        if minus {
            // -9223372036854775808 is the one value whose magnitude does
            // not fit an i64.
            0i64.checked_sub_unsigned(value).ok_or(NotPlain)
        } else {
            i64::try_from(value).map_err(|_| NotPlain)
        }
    }

    /// Runs `read` one level deeper, stepping aside past [`DEEPEST`].
    fn deeper<T>(&mut self, read: impl FnOnce(&mut Self) -> Result<T>) -> Result<T> {
        if self.depth >= DEEPEST {
            return Err(NotPlain);
        }
        self.depth += 1;
        let read = read(self);
        self.depth -= 1;
        read
    }

    /// `open`, the entries `visit` reads, white space and `close`, as
    /// ron reads a list, a map or a struct's fields.
    fn enclosed<V: Visitor<'de>>(
        &mut self,
        open: u8,
        close: u8,
        visit: impl FnOnce(Commas<'_, 'de>, V) -> Result<V::Value>,
        visitor: V,
    ) -> Result<V::Value> {
        self.expect(open)?;
        let value = self.deeper(|reader| visit(Commas::new(reader, Some(close)), visitor))?;
        self.skip_ws();
        self.expect(close)?;
        Ok(value)
    }
}

enum Text<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl<'de> Text<'de> {
    fn visit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self {
            Text::Borrowed(text) => visitor.visit_borrowed_str(text),
            Text::Owned(text) => visitor.visit_string(text),
        }
    }
}

/// Identifiers that ron reads as something else where any value may
/// stand: an option, or a float's infinity or NaN.
const NOT_A_NAME: [&str; 7] = ["Some", "inf", "inff32", "inff64", "NaN", "NaNf32", "NaNf64"];

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = NotPlain;

    /// Only where the file's own readers ask for it: ids and amounts
    /// (a number or a string) and an action's owner, which serde buffers
    /// to tell a bare number from a named owner. ron gives that buffer an
    /// owner `Person(5)` as the map `{"Person": 5}` and `Secretariat` as
    /// the text "Secretariat"; so does this.
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.peek() {
            Some(b'"') => self.string()?.visit(visitor),
            Some(b'0'..=b'9') => visitor.visit_u64(self.unsigned()?),
            Some(_) => {
                let name = self.ident()?;
                match name {
                    "true" => visitor.visit_bool(true),
                    "false" => visitor.visit_bool(false),
                    "None" => visitor.visit_none(),
                    _ if NOT_A_NAME.contains(&name) => Err(NotPlain),
                    _ if self.peek() == Some(b'(') => visitor.visit_map(NamedValue {
                        reader: self,
                        name: Some(name),
                    }),
                    _ => {
                        // `Name (..)` is a struct to ron, not a name.
                        let after = self.at;
                        self.skip_ws();
                        if self.peek() == Some(b'(') {
                            return Err(NotPlain);
                        }
                        self.at = after;
                        visitor.visit_borrowed_str(name)
                    }
                }
            }
            None => Err(NotPlain),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.ident()? {
            "true" => visitor.visit_bool(true),
            "false" => visitor.visit_bool(false),
            _ => Err(NotPlain),
        }
    }

    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_i64(self.signed()?)
    }

    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_i64(self.signed()?)
    }

    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_i64(self.signed()?)
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_i64(self.signed()?)
    }

    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u64(self.unsigned()?)
    }

    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u64(self.unsigned()?)
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u64(self.unsigned()?)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u64(self.unsigned()?)
    }

    fn deserialize_f32<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        Err(NotPlain)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        Err(NotPlain)
    }

    fn deserialize_char<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        Err(NotPlain)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.string()?.visit(visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.string()?.visit(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        Err(NotPlain)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        Err(NotPlain)
    }

    /// `None` or `Some(value)`. ron also reads a bare value as `Some`
    /// (the file's readers allow it for hand-typed files); this reader
    /// leaves that to ron.
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.eat_ident("None") {
            return visitor.visit_none();
        }
        if !self.eat_ident("Some") {
            return Err(NotPlain);
        }
        self.expect(b'(')?;
        self.skip_ws();
        let value = self.deeper(|reader| visitor.visit_some(&mut *reader))?;
        self.comma();
        self.expect(b')')?;
        Ok(value)
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.expect(b'(')?;
        self.expect(b')')?;
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _visitor: V,
    ) -> Result<V::Value> {
        Err(NotPlain)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _visitor: V,
    ) -> Result<V::Value> {
        Err(NotPlain)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.enclosed(
            b'[',
            b']',
            |commas, visitor| visitor.visit_seq(commas),
            visitor,
        )
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.enclosed(
            b'(',
            b')',
            |commas, visitor| visitor.visit_seq(commas),
            visitor,
        )
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_tuple(len, visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.enclosed(
            b'{',
            b'}',
            |commas, visitor| visitor.visit_map(commas),
            visitor,
        )
    }

    /// A struct without its name, as Coalition Desk writes it. ron reads
    /// ranges specially, by their names; none is in the register.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        if name.starts_with("Range") {
            return Err(NotPlain);
        }
        self.enclosed(
            b'(',
            b')',
            |commas, visitor| visitor.visit_map(commas),
            visitor,
        )
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.deeper(|reader| visitor.visit_enum(reader))
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(self.ident()?)
    }

    /// The register's records refuse unknown fields, so nothing is
    /// ignored in a file that reads.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        Err(NotPlain)
    }

    fn is_human_readable(&self) -> bool {
        true
    }
}

/// ron's `CommaSeparated`: entries apart by commas, a trailing comma
/// allowed, up to `close` (or the end of the text for a map's piece).
struct Commas<'a, 'de> {
    reader: &'a mut Reader<'de>,
    close: Option<u8>,
    had_comma: bool,
}

impl<'a, 'de> Commas<'a, 'de> {
    fn new(reader: &'a mut Reader<'de>, close: Option<u8>) -> Self {
        reader.skip_ws();
        Commas {
            reader,
            close,
            had_comma: true,
        }
    }

    fn has_element(&mut self) -> Result<bool> {
        self.reader.skip_ws();
        let at_close = self.reader.peek() == self.close;
        match (self.had_comma, at_close) {
            (true, at_close) => Ok(!at_close),
            (false, true) => Ok(false),
            (false, false) => Err(NotPlain),
        }
    }
}

impl<'de> SeqAccess<'de> for Commas<'_, 'de> {
    type Error = NotPlain;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if !self.has_element()? {
            return Ok(None);
        }
        let element = self.reader.deeper(|reader| seed.deserialize(reader))?;
        self.had_comma = self.reader.comma();
        Ok(Some(element))
    }
}

impl<'de> MapAccess<'de> for Commas<'_, 'de> {
    type Error = NotPlain;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if !self.has_element()? {
            return Ok(None);
        }
        self.reader
            .deeper(|reader| seed.deserialize(reader))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        self.reader.skip_ws();
        self.reader.expect(b':')?;
        self.reader.skip_ws();
        let value = self.reader.deeper(|reader| seed.deserialize(reader))?;
        self.had_comma = self.reader.comma();
        Ok(value)
    }
}

impl<'de> EnumAccess<'de> for &mut Reader<'de> {
    type Error = NotPlain;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        self.skip_ws();
        let variant = seed.deserialize(&mut *self)?;
        Ok((variant, self))
    }
}

impl<'de> VariantAccess<'de> for &mut Reader<'de> {
    type Error = NotPlain;

    fn unit_variant(self) -> Result<()> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        self.skip_ws();
        self.expect(b'(')?;
        self.skip_ws();
        let value = self.deeper(|reader| seed.deserialize(reader))?;
        self.comma();
        self.expect(b')')?;
        Ok(value)
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value> {
        self.skip_ws();
        de::Deserializer::deserialize_tuple(self, len, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.skip_ws();
        self.enclosed(
            b'(',
            b')',
            |commas, visitor| visitor.visit_map(commas),
            visitor,
        )
    }
}

/// A named value `Name(inner)` as serde's buffer takes it from ron: the
/// map with the one entry `"Name": inner`, the parentheses around `inner`
/// read as ron reads a newtype's.
struct NamedValue<'a, 'de> {
    reader: &'a mut Reader<'de>,
    name: Option<&'de str>,
}

impl<'de> MapAccess<'de> for NamedValue<'_, 'de> {
    type Error = NotPlain;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        self.name
            .take()
            .map(|name| seed.deserialize(BorrowedStrDeserializer::<NotPlain>::new(name)))
            .transpose()
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        let reader = &mut *self.reader;
        reader.expect(b'(')?;
        reader.skip_ws();
        let value = reader.deeper(|reader| seed.deserialize(InnerAny(reader)))?;
        reader.comma();
        reader.expect(b')')?;
        Ok(value)
    }
}

/// The inside of a named value: only a plain value (a number, a string
/// or a name) is read; a list or struct inside is left to ron.
struct InnerAny<'a, 'de>(&'a mut Reader<'de>);

impl<'de> de::Deserializer<'de> for InnerAny<'_, 'de> {
    type Error = NotPlain;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.0.peek() {
            Some(b'"' | b'0'..=b'9') => self.0.deserialize_any(visitor),
            Some(_) => {
                // A bare name inside: ron reads `Name(Other)` through its
                // newtype path, which this reader does not follow.
                Err(NotPlain)
            }
            None => Err(NotPlain),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}
