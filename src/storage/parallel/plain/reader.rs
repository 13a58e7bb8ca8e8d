//! The plain form's words: white space, names, strings with their
//! escapes and whole numbers, read as ron reads them or refused.

use serde::de::Visitor;

use super::{DEEPEST, NotPlain, Result};

pub(super) struct Reader<'de> {
    text: &'de str,
    pub(super) at: usize,
    depth: usize,
}

impl<'de> Reader<'de> {
    pub(super) fn new(text: &'de str) -> Self {
        Reader {
            text,
            at: 0,
            depth: 0,
        }
    }

    pub(super) fn bytes(&self) -> &'de [u8] {
        self.text.as_bytes()
    }

    pub(super) fn peek(&self) -> Option<u8> {
        self.bytes().get(self.at).copied()
    }

    pub(super) fn at_end(&self) -> bool {
        self.at >= self.text.len()
    }

    /// The white space ron skips that Coalition Desk writes. ron also
    /// skips comments and some Unicode spaces; those stop this reader.
    pub(super) fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    pub(super) fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.at += 1;
        }
        found
    }

    pub(super) fn expect(&mut self, byte: u8) -> Result<()> {
        if self.eat(byte) {
            Ok(())
        } else {
            Err(NotPlain)
        }
    }

    /// ron's `comma()`: white space, an optional comma, white space.
    pub(super) fn comma(&mut self) -> bool {
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
    pub(super) fn ident(&mut self) -> Result<&'de str> {
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
    pub(super) fn eat_ident(&mut self, word: &str) -> bool {
        let start = self.at;
        if self.ident().is_ok_and(|name| name == word) {
            return true;
        }
        self.at = start;
        false
    }

    /// A string in double quotes with the escapes ron writes. Borrowed
    /// when it has none.
    pub(super) fn string(&mut self) -> Result<Text<'de>> {
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
    pub(super) fn escape(&self, at: usize) -> Result<(char, usize)> {
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
    pub(super) fn whole_number(&mut self, negative: bool) -> Result<(bool, u64)> {
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

    pub(super) fn unsigned(&mut self) -> Result<u64> {
        self.whole_number(false).map(|(_, value)| value)
    }

    pub(super) fn signed(&mut self) -> Result<i64> {
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
    pub(super) fn deeper<T>(&mut self, read: impl FnOnce(&mut Self) -> Result<T>) -> Result<T> {
        if self.depth >= DEEPEST {
            return Err(NotPlain);
        }
        self.depth += 1;
        let read = read(self);
        self.depth -= 1;
        read
    }
}

pub(super) enum Text<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl<'de> Text<'de> {
    pub(super) fn visit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self {
            Text::Borrowed(text) => visitor.visit_borrowed_str(text),
            Text::Owned(text) => visitor.visit_string(text),
        }
    }
}
