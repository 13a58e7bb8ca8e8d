//! Which entries of a picker what is typed finds, and in what order:
//! text folded as the officer types it (case, accents and typographic
//! marks aside), labels starting with it first, then a word starting with
//! it, then anywhere.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// One entry of a picker.
#[derive(Clone, Debug)]
pub struct Choice<T> {
    /// What the entry stands for.
    pub value: T,
    /// What the officer reads, and what typing finds.
    pub label: String,
    /// Other words that find it without being shown (a participant's
    /// code: "FRA" finds France).
    pub also: String,
    /// The heading of the group it is listed under ("Participants",
    /// "People"); empty for none.
    pub group: &'static str,
    /// What hovering over it explains; empty for nothing.
    pub hint: String,
}

impl<T> Choice<T> {
    /// An entry found by its label alone.
    pub fn new(value: T, label: impl Into<String>) -> Self {
        Choice {
            value,
            label: label.into(),
            also: String::new(),
            group: "",
            hint: String::new(),
        }
    }

    /// The entry also found by `words`.
    pub fn also(mut self, words: impl Into<String>) -> Self {
        self.also = words.into();
        self
    }

    /// The entry explained by `hint` when the pointer rests on it.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = hint.into();
        self
    }

    /// The entry listed under `group`.
    pub fn in_group(mut self, group: &'static str) -> Self {
        self.group = group;
        self
    }
}

/// Text as the find field compares it: lower case, accents and other
/// marks taken off, and the letters that do not decompose (ł, ø, æ, ß)
/// written as the officer would type them on an English keyboard.
pub fn folded(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            'ł' | 'Ł' => out.push('l'),
            'ø' | 'Ø' => out.push('o'),
            'đ' | 'Đ' => out.push('d'),
            'ı' => out.push('i'),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            'ß' => out.push_str("ss"),
            // Typographic apostrophes and dashes match the plain ones typed.
            '\u{2019}' | '\u{2018}' => out.push('\''),
            '\u{2013}' | '\u{2014}' => out.push('-'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// How well an entry matches what was typed: `Some(0)` when its label
/// starts with it, `Some(1)` when a word of it does, `Some(2)` when it
/// holds it anywhere (the hidden words count as words); `None` otherwise.
/// `typed` is already [`folded`].
fn rank<T>(choice: &Choice<T>, typed: &str) -> Option<u8> {
    if typed.is_empty() {
        return Some(0);
    }
    let label = folded(&choice.label);
    let also = folded(&choice.also);
    if label.starts_with(typed) {
        return Some(0);
    }
    let starts_a_word = |text: &str| {
        text.split(|c: char| !c.is_alphanumeric())
            .any(|word| word.starts_with(typed))
    };
    if starts_a_word(&label) || starts_a_word(&also) {
        return Some(1);
    }
    (label.contains(typed) || also.contains(typed)).then_some(2)
}

/// The positions in `choices` of the entries `typed` finds, best first,
/// each rank in the list's own order.
pub fn found<T>(choices: &[Choice<T>], typed: &str) -> Vec<usize> {
    let typed = folded(typed.trim());
    let mut ranked: Vec<(u8, usize)> = choices
        .iter()
        .enumerate()
        .filter_map(|(i, choice)| rank(choice, &typed).map(|r| (r, i)))
        .collect();
    ranked.sort_unstable();
    ranked.into_iter().map(|(_, i)| i).collect()
}
