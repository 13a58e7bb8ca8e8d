//! Break opportunities in words too long for a line. typst breaks lines
//! only where the text allows; a word of thousands of characters without
//! one overflows its cell and, past 16,384 characters, cannot be written
//! as PDF/A at all. Every text passed to a template goes through here.

/// A word runs this many characters before a break opportunity is added:
/// longer than any word of the secretariat's languages a column should
/// keep whole, short enough to fit the narrowest column.
pub const LONGEST_UNBROKEN: usize = 30;

/// The zero-width space: a break opportunity that prints nothing.
const BREAK: char = '\u{200B}';

/// `text` with a zero-width space after every [`LONGEST_UNBROKEN`]
/// characters of a run without white space; text without such a run comes
/// back unchanged. One pass, so time grows with the length only.
pub fn breakable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run = 0usize;
    for c in text.chars() {
        if is_break(c) {
            run = 0;
        } else {
            if run == LONGEST_UNBROKEN {
                out.push(BREAK);
                run = 0;
            }
            run += 1;
        }
        out.push(c);
    }
    out
}

/// Every string in `value`, made [`breakable`]. Keys stay as they are:
/// the templates look fields up by them.
pub fn breakable_strings(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::String(text) if needs_breaks(text) => *text = breakable(text),
        serde_json::Value::Array(items) => items.iter_mut().for_each(breakable_strings),
        serde_json::Value::Object(fields) => fields.values_mut().for_each(breakable_strings),
        _ => {}
    }
}

/// Whether some run of `text` is longer than [`LONGEST_UNBROKEN`], so
/// short texts (nearly all) are left untouched and uncopied.
fn needs_breaks(text: &str) -> bool {
    let mut run = 0usize;
    for c in text.chars() {
        if is_break(c) {
            run = 0;
        } else {
            run += 1;
            if run > LONGEST_UNBROKEN {
                return true;
            }
        }
    }
    false
}

/// Where a line may already break: white space, a hyphen, a break.
fn is_break(c: char) -> bool {
    c.is_whitespace() || c == BREAK || c == '-'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_words_are_left_whole() {
        let text = "Ministry of Defence of the Kingdom of the Netherlands";
        assert_eq!(breakable(text), text);
    }

    #[test]
    fn a_long_word_gets_a_break_after_every_thirty_characters() {
        let word = "x".repeat(65);
        let broken = breakable(&word);
        let parts: Vec<&str> = broken.split(BREAK).collect();
        assert_eq!(parts, ["x".repeat(30), "x".repeat(30), "x".repeat(5)]);
    }

    #[test]
    fn a_space_or_hyphen_starts_a_new_run() {
        let text = format!("{} {}-{}", "a".repeat(30), "b".repeat(30), "c".repeat(30));
        assert_eq!(breakable(&text), text);
    }

    #[test]
    fn strings_inside_objects_and_lists_are_broken_but_keys_are_not() {
        let key = "k".repeat(40);
        let mut value = serde_json::json!({ key.clone(): ["y".repeat(31)], "n": 3 });
        breakable_strings(&mut value);
        assert_eq!(
            value[&key][0].as_str(),
            Some(format!("{}{BREAK}y", "y".repeat(30)).as_str())
        );
        assert_eq!(value["n"], 3);
    }
}
