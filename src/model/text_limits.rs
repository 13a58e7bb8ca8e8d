//! How long a register's text may be. Nothing a secretariat writes comes
//! near these limits, yet without them a pasted 50 MB note took a minute
//! and 8.5 GB to print and a word of 16,384 characters could not be
//! printed at all. The file reader, the window's typing and `check` keep
//! to the same two numbers.

/// The most characters of a name, a title or another one-line value.
pub const MOST_NAME_CHARACTERS: usize = 500;

/// The most characters of any other text: notes, statements, descriptions.
pub const MOST_TEXT_CHARACTERS: usize = 100_000;

/// The fields whose values are names or titles, as the file names them;
/// every other text field may hold [`MOST_TEXT_CHARACTERS`].
pub const NAME_FIELDS: [&str; 16] = [
    "name",
    "title",
    "short_name",
    "location",
    "area",
    "unit",
    "currency",
    "code",
    "marking",
    "restricted_marking",
    "office",
    "number",
    "series",
    "cadence",
    "approved_by",
    "reference_pattern",
];

/// The most characters the field named `field` may hold.
pub fn most_characters(field: &str) -> usize {
    if NAME_FIELDS.contains(&field) {
        MOST_NAME_CHARACTERS
    } else {
        MOST_TEXT_CHARACTERS
    }
}

/// "a name or title" or "a text", for sentences about a limit.
pub fn kind_of(field: &str) -> &'static str {
    if NAME_FIELDS.contains(&field) {
        "a name or title"
    } else {
        "a text"
    }
}

/// Why `text`, the value of the field `field`, is too long, in a sentence
/// without its full stop; `None` when it fits.
pub fn too_long(field: &str, text: &str) -> Option<String> {
    let most = most_characters(field);
    // Counting stops past the limit: a 50 MB paste is refused at once.
    let count = text.chars().take(most + 1).count();
    (count > most).then(|| limit_sentence(field))
}

/// "\"title\" holds more than 500 characters, the most a name or title
/// may have: shorten it", without its full stop.
pub fn limit_sentence(field: &str) -> String {
    format!(
        "\"{field}\" holds more than {} characters, the most {} may have: shorten it",
        super::amounts::grouped(rust_decimal::Decimal::from(most_characters(field))),
        kind_of(field)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_may_have_500_characters_and_a_note_100_000() {
        assert_eq!(too_long("title", &"é".repeat(500)), None);
        assert!(too_long("title", &"é".repeat(501)).is_some());
        assert_eq!(too_long("notes", &"x".repeat(100_000)), None);
        let sentence = too_long("notes", &"x".repeat(100_001)).unwrap();
        assert_eq!(
            sentence,
            "\"notes\" holds more than 100,000 characters, the most a text may have: shorten it"
        );
    }
}
