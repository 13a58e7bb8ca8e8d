//! Characters the bundled fonts cannot draw. On screen such a character
//! shows as an empty box; an archival PDF may not contain that box
//! (PDF/A forbids the `.notdef` glyph), and a name printed as boxes would
//! misstate the record anyway. So the document is refused, naming the
//! characters and where they are, rather than written with typst's own
//! error.

use std::collections::BTreeSet;

use typst::layout::{Frame, FrameItem};

/// What no bundled font can print: the characters, and the runs of text
/// they stand in, so the officer can find the record.
#[derive(Debug, Default)]
pub(super) struct Unprintable {
    characters: BTreeSet<char>,
    texts: BTreeSet<String>,
}

impl Unprintable {
    /// Every character in `frames` drawn with no glyph of its font.
    pub(super) fn in_frames<'a>(frames: impl IntoIterator<Item = &'a Frame>) -> Self {
        let mut found = Unprintable::default();
        for frame in frames {
            found.walk(frame);
        }
        found
    }

    pub(super) fn is_empty(&self) -> bool {
        self.characters.is_empty()
    }

    fn walk(&mut self, frame: &Frame) {
        for (_, item) in frame.items() {
            match item {
                FrameItem::Group(group) => self.walk(&group.frame),
                FrameItem::Text(text) => {
                    let mut missing = text.glyphs.iter().filter(|glyph| glyph.id == 0).peekable();
                    if missing.peek().is_some() {
                        self.texts.insert(text.text.trim().to_string());
                    }
                    for glyph in missing {
                        if let Some(characters) = text.text.get(glyph.range()) {
                            self.characters
                                .extend(characters.chars().filter(|c| !c.is_whitespace()));
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// The officer's sentence.
    pub(super) fn refusal(&self) -> String {
        let quote = |s: &str| format!("\u{201c}{s}\u{201d}");
        let characters: Vec<String> = self
            .characters
            .iter()
            .map(|c| quote(&c.to_string()))
            .collect();
        let texts: Vec<String> = self.texts.iter().take(3).map(|t| quote(t)).collect();
        format!(
            "The text {} includes characters the bundled fonts cannot print ({}), and an archival \
             PDF cannot show them as empty boxes: write those words in Latin, Greek or Cyrillic \
             letters in the register, then print again",
            texts.join(", "),
            characters.join(", ")
        )
    }
}
