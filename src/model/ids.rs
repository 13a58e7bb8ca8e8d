//! Stable record ids. A record keeps its id for life, so deleting or
//! re-sorting never re-points a reference.
//!
//! An id is one number. Files written before offices kept their own copies
//! hold plain numbers (`17`); a copy kept by an office hands out ids that
//! carry the office's code (`"LON-17"`), so two offices never hand out the
//! same id. The code is packed into the number's top 28 bits (five base-37
//! digits, first character most significant, padded with zeros) and the
//! serial into the low 36, so ordering the numbers orders plain numbers
//! first, then by office code as text, then by serial.

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

use super::ValueError;

/// Bits of an id that hold the serial; the office code sits above them.
const SERIAL_BITS: u32 = 36;

/// The largest serial an office id can hold.
pub const MAX_SERIAL: u64 = (1 << SERIAL_BITS) - 1;

/// Characters an office code may have, at most.
pub const OFFICE_CODE_MAX: usize = 5;

/// Characters an office code needs, at least.
pub const OFFICE_CODE_MIN: usize = 2;

/// A character's base-37 digit: 0 pads a short code, digits sort before
/// letters as they do in text.
fn digit_of(ch: char) -> Option<u64> {
    match ch {
        '0'..='9' => Some(u64::from(ch) - u64::from('0') + 1),
        'A'..='Z' => Some(u64::from(ch) - u64::from('A') + 11),
        _ => None,
    }
}

fn char_of(digit: u64) -> Option<char> {
    match digit {
        1..=10 => char::from_digit(u32::try_from(digit - 1).ok()?, 10),
        11..=36 => char::from_u32(u32::try_from(digit - 11).ok()? + u32::from('A')),
        _ => None,
    }
}

/// The lowest id an office can hand out (office `A0`, serial 0): every
/// id below it is a plain number.
pub const FIRST_OFFICE_ID: u64 = (11 * 37u64.pow(4) + 37u64.pow(3)) << SERIAL_BITS;

/// The first and last id `office` can hand out, or `None` when the code
/// is not an office code.
pub fn office_range(office: &str) -> Option<(u64, u64)> {
    office_id(office, 0).zip(office_id(office, MAX_SERIAL))
}

/// Whether `code` can be an office code: 2 to 5 capital letters and
/// digits, starting with a letter.
pub fn is_office_code(code: &str) -> bool {
    (OFFICE_CODE_MIN..=OFFICE_CODE_MAX).contains(&code.len())
        && code.starts_with(|ch: char| ch.is_ascii_uppercase())
        && code
            .chars()
            .all(|ch| ch.is_ascii_uppercase() || ch.is_ascii_digit())
}

/// Why `code` cannot be the office code of a copy, in the officer's
/// words; an empty code (no office) is fine.
pub fn check_office_code(code: &str) -> Result<(), ValueError> {
    if code.is_empty() || is_office_code(code) {
        return Ok(());
    }
    let why = if !(OFFICE_CODE_MIN..=OFFICE_CODE_MAX).contains(&code.chars().count()) {
        format!(
            "it has {} characters, and a code has {OFFICE_CODE_MIN} to {OFFICE_CODE_MAX}",
            code.chars().count()
        )
    } else if !code.starts_with(|ch: char| ch.is_ascii_alphabetic()) {
        "a code starts with a letter".to_string()
    } else {
        "a code has only capital letters A to Z and digits".to_string()
    };
    Err(format!("The office code \"{code}\" cannot be used: {why} (e.g. LON or PAR2)").into())
}

/// The id `serial` of `office` hands out, or `None` when the code is not
/// an office code or the serial does not fit.
pub fn office_id(office: &str, serial: u64) -> Option<u64> {
    if !is_office_code(office) || serial > MAX_SERIAL {
        return None;
    }
    let mut packed = 0;
    for position in 0..OFFICE_CODE_MAX {
        let digit = match office.chars().nth(position) {
            Some(ch) => digit_of(ch)?,
            None => 0,
        };
        packed = packed * 37 + digit;
    }
    Some((packed << SERIAL_BITS) | serial)
}

/// The office whose copy handed out `raw`, or `None` for a plain number.
/// A number whose top bits spell no office code is a plain number too, so
/// every number a file may hold reads as something.
pub fn office_of(raw: u64) -> Option<String> {
    let mut packed = raw >> SERIAL_BITS;
    if packed == 0 {
        return None;
    }
    let mut digits = [0; OFFICE_CODE_MAX];
    for slot in digits.iter_mut().rev() {
        *slot = packed % 37;
        packed /= 37;
    }
    if packed != 0 {
        return None;
    }
    let length = digits.iter().take_while(|&&d| d != 0).count();
    let (used, padding) = digits.split_at(length);
    if padding.iter().any(|&d| d != 0) {
        return None;
    }
    let code: String = used.iter().map(|&d| char_of(d)).collect::<Option<_>>()?;
    is_office_code(&code).then_some(code)
}

/// The serial of an id: its number within its office, or the plain
/// number itself. The register's counter runs over serials.
pub fn serial_of(raw: u64) -> u64 {
    if office_of(raw).is_some() {
        raw & MAX_SERIAL
    } else {
        raw
    }
}

/// The id of the same office (or plain) with serial `serial`.
pub fn with_serial(raw: u64, serial: u64) -> Option<u64> {
    match office_of(raw) {
        Some(office) => office_id(&office, serial),
        None => Some(serial),
    }
}

/// An id as the officer types it and the file holds it: `17` or `LON-17`.
pub fn id_text(raw: u64) -> String {
    match office_of(raw) {
        Some(office) => format!("{office}-{}", raw & MAX_SERIAL),
        None => raw.to_string(),
    }
}

/// Reads an id written as `17` or `LON-17`. A plain number is at most
/// `MAX_SERIAL`: a larger one would share its bits with an office's ids.
pub fn parse_id(text: &str) -> Option<u64> {
    let all_digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    match text.split_once('-') {
        None if all_digits(text) => text.parse().ok().filter(|&n| n <= MAX_SERIAL),
        Some((office, serial)) if all_digits(serial) => office_id(office, serial.parse().ok()?),
        _ => None,
    }
}

/// How an id may be written, for messages.
pub const ID_FORM: &str = "a number (17) or an office code, a dash and a number (\"LON-17\")";

/// Reads an id from a number or a string, naming the bad text otherwise.
struct IdVisitor;

impl Visitor<'_> for IdVisitor {
    type Value = u64;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "a record id: {ID_FORM}")
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<u64, E> {
        // Above it the number's top bits would spell an office's code, and
        // the next save would write it as that office's id.
        if value > MAX_SERIAL {
            return Err(E::custom(format!(
                "{value} is too large for a record id: a plain number is at most {MAX_SERIAL}; \
                 write {ID_FORM}"
            )));
        }
        Ok(value)
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<u64, E> {
        let value = u64::try_from(value)
            .map_err(|_| E::custom(format!("{value} is not a record id: write {ID_FORM}")))?;
        self.visit_u64(value)
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<u64, E> {
        Err(E::custom(format!(
            "{value} is not a record id: write {ID_FORM}"
        )))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<u64, E> {
        parse_id(text)
            .ok_or_else(|| E::custom(format!("\"{text}\" is not a record id: write {ID_FORM}")))
    }
}

/// Writes a plain number as a number, as every file before offices did,
/// and an office's id as text.
fn serialize_id<S: Serializer>(raw: u64, serializer: S) -> Result<S::Ok, S::Error> {
    match office_of(raw) {
        Some(_) => serializer.serialize_str(&id_text(raw)),
        None => serializer.serialize_u64(raw),
    }
}

macro_rules! record_id {
    ($(#[$doc:meta])* $name:ident, $kind:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
        pub struct $name(pub u64);

        impl $name {
            /// The id as the file holds it and the officer types it.
            pub fn text(self) -> String {
                id_text(self.0)
            }
        }

        impl From<u64> for $name {
            fn from(raw: u64) -> Self {
                $name(raw)
            }
        }

        impl From<$name> for u64 {
            fn from(id: $name) -> u64 {
                id.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match office_of(self.0) {
                    Some(_) => write!(f, concat!($kind, " {}"), id_text(self.0)),
                    None => write!(f, concat!($kind, " #{}"), self.0),
                }
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serialize_id(self.0, serializer)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_any(IdVisitor).map($name)
            }
        }
    };
}

record_id!(
    /// A nation or organisation taking part in the coalition.
    ParticipantId,
    "participant"
);
record_id!(
    /// A representative who acts for a participant.
    PersonId,
    "person"
);
record_id!(
    /// A run of regular sessions.
    SeriesId,
    "series"
);
record_id!(
    /// One meeting, held or planned.
    MeetingId,
    "meeting"
);
record_id!(
    /// One pledge by one participant.
    CommitmentId,
    "commitment"
);

#[cfg(test)]
mod tests {
    use super::*;

    fn id(office: &str, serial: u64) -> u64 {
        office_id(office, serial).unwrap()
    }

    #[test]
    fn an_office_id_gives_back_its_office_and_serial() {
        let raw = id("LON", 17);
        assert_eq!(office_of(raw).as_deref(), Some("LON"));
        assert_eq!(serial_of(raw), 17);
        assert_eq!(id_text(raw), "LON-17");
        assert_eq!(parse_id("LON-17"), Some(raw));
        assert_eq!(office_id("A0", 0), Some(FIRST_OFFICE_ID));
        let longest = id("Z9Z9Z", MAX_SERIAL);
        assert_eq!(id_text(longest), format!("Z9Z9Z-{MAX_SERIAL}"));
        assert_eq!(with_serial(raw, 18), Some(id("LON", 18)));
        assert_eq!(with_serial(17, 18), Some(18));
    }

    #[test]
    fn a_plain_number_stays_a_plain_number() {
        assert_eq!(office_of(17), None);
        assert_eq!(serial_of(17), 17);
        assert_eq!(id_text(17), "17");
        assert_eq!(parse_id("17"), Some(17));
        // Top bits that spell no code (a digit first, a gap) are a number.
        for raw in [1 << SERIAL_BITS, u64::MAX] {
            assert_eq!(office_of(raw), None, "{raw}");
            assert_eq!(serial_of(raw), raw);
        }
    }

    #[test]
    fn ids_sort_plain_numbers_first_then_by_office_then_by_serial() {
        let ids = [
            99_999,
            id("LO", 50),
            id("LON", 2),
            id("LON", 10),
            id("LON2", 1),
            id("PAR", 1),
        ];
        assert!(ids.windows(2).all(|pair| pair[0] < pair[1]), "{ids:?}");
    }

    #[test]
    fn only_codes_of_two_to_five_capitals_and_digits_make_ids() {
        for bad in ["", "L", "LONDON", "lon", "1AB", "L-N", "LÖN"] {
            assert_eq!(office_id(bad, 1), None, "{bad}");
        }
        assert_eq!(office_id("LON", MAX_SERIAL + 1), None);
        for bad in [
            "", "LON-", "-3", "LON-x", "lon-3", "LON-3-4", "17a", "LONDON-3",
        ] {
            assert_eq!(parse_id(bad), None, "{bad}");
        }
    }

    #[test]
    fn ids_read_and_write_as_number_or_text() {
        let office = MeetingId(id("PAR", 3));
        assert_eq!(ron::to_string(&MeetingId(17)).unwrap(), "17");
        assert_eq!(ron::to_string(&office).unwrap(), "\"PAR-3\"");
        assert_eq!(ron::from_str::<MeetingId>("17").unwrap(), MeetingId(17));
        assert_eq!(ron::from_str::<MeetingId>("\"PAR-3\"").unwrap(), office);
        let error = ron::from_str::<MeetingId>("\"Paris-3\"").unwrap_err();
        assert!(
            error.to_string().contains("\"Paris-3\" is not a record id"),
            "{error}"
        );
        assert_eq!(office.to_string(), "meeting PAR-3");
        assert_eq!(MeetingId(17).to_string(), "meeting #17");
    }
}
