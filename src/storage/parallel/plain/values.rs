//! serde's requests answered from the plain form: a value of each kind
//! asked for, the entries of lists, maps and structs, enum variants, and
//! an untagged owner's buffer as ron fills it.

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeSeed, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor};

use super::reader::Reader;
use super::{NotPlain, Result};

/// Identifiers that ron reads as something else where any value may
/// stand: an option, or a float's infinity or NaN.
const NOT_A_NAME: [&str; 7] = ["Some", "inf", "inff32", "inff64", "NaN", "NaNf32", "NaNf64"];

/// Deserializer methods that read a whole number and visit it as the
/// widest type of its sign (serde's visitors narrow it, refusing what
/// does not fit).
macro_rules! reads {
    ($($($method:ident)+ => $visit:ident($read:ident);)+) => {
        $($(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
                visitor.$visit(self.$read()?)
            }
        )+)+
    };
}

/// Deserializer methods for what the register never holds: ron reads it.
macro_rules! steps_aside {
    ($($method:ident)+) => {
        $(
            fn $method<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
                Err(NotPlain)
            }
        )+
    };
}

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

    reads! {
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 => visit_i64(signed);
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 => visit_u64(unsigned);
    }

    steps_aside! {
        deserialize_f32 deserialize_f64 deserialize_char deserialize_bytes deserialize_byte_buf
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.string()?.visit(visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.string()?.visit(visitor)
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
        self.enclosed(b'[', b']', |c, v: V| v.visit_seq(c), visitor)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.enclosed(b'(', b')', |c, v: V| v.visit_seq(c), visitor)
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
        self.enclosed(b'{', b'}', |c, v: V| v.visit_map(c), visitor)
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
        self.enclosed(b'(', b')', |c, v: V| v.visit_map(c), visitor)
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

impl<'de> Reader<'de> {
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

/// ron's `CommaSeparated`: entries apart by commas, a trailing comma
/// allowed, up to `close` (or the end of the text for a map's piece).
pub(super) struct Commas<'a, 'de> {
    reader: &'a mut Reader<'de>,
    close: Option<u8>,
    had_comma: bool,
}

impl<'a, 'de> Commas<'a, 'de> {
    pub(super) fn new(reader: &'a mut Reader<'de>, close: Option<u8>) -> Self {
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
        self.enclosed(b'(', b')', |c, v: V| v.visit_map(c), visitor)
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
