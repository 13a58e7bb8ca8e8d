//! The reference a printed document carries ("CoW/DM/2025/04 REV 1"),
//! built from the pattern the register keeps. One reference names the
//! document in every language edition, so nothing here depends on a
//! language.

use chrono::{Datelike, NaiveDate};

use super::{Meeting, MeetingId, Register, SeriesId};

/// The pattern a new register starts with.
pub const DEFAULT_REFERENCE_PATTERN: &str = "{coalition}/{series}/{year}/{number:02}";

/// The placeholders a pattern may use, as the officer is told them.
pub const REFERENCE_PLACEHOLDERS: [&str; 4] = ["{coalition}", "{series}", "{year}", "{number}"];

/// Why a reference pattern cannot be used, in the officer's words.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PatternError {
    #[error(
        "The reference pattern \"{pattern}\" has an unknown placeholder {placeholder}: use {{coalition}}, {{series}}, {{year}} or {{number}} (or {{number:02}} for two digits)"
    )]
    UnknownPlaceholder {
        pattern: String,
        placeholder: String,
    },
    #[error(
        "The reference pattern \"{pattern}\" opens a placeholder with {{ and does not close it with }}"
    )]
    Unclosed { pattern: String },
    #[error("The reference pattern is empty: a printed document needs a reference")]
    Empty,
}

/// One piece of a pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Part {
    Text(String),
    Coalition,
    Series,
    Year,
    /// The number in the series, padded with zeros to `width` digits.
    Number {
        width: usize,
    },
}

/// What the placeholders stand for in one document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReferenceValues {
    /// The coalition's short name ("CoW").
    pub coalition: String,
    /// The series' short name ("DM"); empty outside a series.
    pub series: String,
    pub year: i32,
    /// The number of the session in its series, its month and day
    /// ("04-10") when it has none, or a word such as "ATT" for a document
    /// about the whole series.
    pub number: String,
    /// Printed as " REV n" after the reference.
    pub revision: Option<u32>,
}

/// Checks a pattern without expanding it.
pub fn check_reference_pattern(pattern: &str) -> Result<(), PatternError> {
    parse(pattern).map(|_| ())
}

/// Expands `pattern` with `values`. A placeholder with no value (a meeting
/// outside a series has no series short name and no number) is left out
/// together with the separator before it (after it, when it comes first),
/// so the reference never shows "//". An unknown placeholder is an error.
pub fn expand_reference(pattern: &str, values: &ReferenceValues) -> Result<String, PatternError> {
    let mut reference = String::new();
    // Text before the first placeholder and after the last is part of the
    // pattern; text between two placeholders separates their values.
    let mut pending = String::new();
    let mut any_placeholder = false;
    let mut any_value = false;
    for part in parse(pattern)? {
        let value = match part {
            Part::Text(text) => {
                pending.push_str(&text);
                continue;
            }
            Part::Coalition => values.coalition.trim().to_string(),
            Part::Series => values.series.trim().to_string(),
            Part::Year => values.year.to_string(),
            Part::Number { width } => {
                let number = values.number.trim();
                if !number.is_empty() && number.chars().all(|c| c.is_ascii_digit()) {
                    format!("{number:0>width$}")
                } else {
                    number.to_string()
                }
            }
        };
        let prefix = !any_placeholder;
        any_placeholder = true;
        if prefix || (any_value && !value.is_empty()) {
            reference.push_str(&pending);
        }
        pending.clear();
        if !value.is_empty() {
            any_value = true;
            reference.push_str(&value);
        }
    }
    reference.push_str(&pending);
    if let Some(revision) = values.revision {
        reference.push_str(&format!(" REV {revision}"));
    }
    Ok(reference)
}

fn parse(pattern: &str) -> Result<Vec<Part>, PatternError> {
    if pattern.trim().is_empty() {
        return Err(PatternError::Empty);
    }
    let mut parts = Vec::new();
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        if open > 0 {
            parts.push(Part::Text(rest[..open].to_string()));
        }
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            return Err(PatternError::Unclosed {
                pattern: pattern.into(),
            });
        };
        let name = &after[..close];
        let unknown = || PatternError::UnknownPlaceholder {
            pattern: pattern.into(),
            placeholder: format!("{{{name}}}"),
        };
        parts.push(match name.split_once(':') {
            None => match name {
                "coalition" => Part::Coalition,
                "series" => Part::Series,
                "year" => Part::Year,
                "number" => Part::Number { width: 0 },
                _ => return Err(unknown()),
            },
            Some(("number", width)) => Part::Number {
                width: width
                    .parse()
                    .ok()
                    .filter(|w| (1..=9).contains(w))
                    .ok_or_else(unknown)?,
            },
            Some(_) => return Err(unknown()),
        });
        rest = &after[close + 1..];
    }
    if rest.contains('}') {
        return Err(PatternError::UnknownPlaceholder {
            pattern: pattern.into(),
            placeholder: "}".into(),
        });
    }
    if !rest.is_empty() {
        parts.push(Part::Text(rest.to_string()));
    }
    Ok(parts)
}

/// What `{number}` stands for in a meeting's documents: its number in
/// its series, or, for a one-off or unnumbered session, its month and day
/// ("04-10"), so that two meetings of a year never share a reference by
/// default (a bare "CoW/2025" named every one-off meeting of 2025).
fn meeting_number(meeting: &Meeting) -> String {
    match meeting.number {
        Some(number) => number.to_string(),
        None => meeting.date.format("%m-%d").to_string(),
    }
}

impl Register {
    /// What the placeholders stand for in the record of meeting `id`.
    pub fn reference_values(
        &self,
        id: MeetingId,
        revision: Option<u32>,
    ) -> Option<ReferenceValues> {
        let meeting = self.meeting(id)?;
        Some(ReferenceValues {
            coalition: self.short_name.clone(),
            series: meeting
                .series
                .and_then(|s| self.session_series(s))
                .map(|s| s.short_name.clone())
                .unwrap_or_default(),
            year: meeting.date.year(),
            number: meeting_number(meeting),
            revision,
        })
    }

    /// The reference of the record of meeting `id`, revision `revision`
    /// if it has been revised. `None` when there is no such meeting.
    pub fn meeting_reference(
        &self,
        id: MeetingId,
        revision: Option<u32>,
    ) -> Option<Result<String, PatternError>> {
        let values = self.reference_values(id, revision)?;
        Some(expand_reference(&self.reference_pattern, &values))
    }

    /// The reference of the attendance record of series `id` issued on
    /// `issued`: the same pattern, with "ATT" where a session's number
    /// goes and the year it was issued, since it covers the whole series.
    pub fn attendance_reference(
        &self,
        id: SeriesId,
        issued: NaiveDate,
    ) -> Option<Result<String, PatternError>> {
        let series = self.session_series(id)?;
        let values = ReferenceValues {
            coalition: self.short_name.clone(),
            series: series.short_name.clone(),
            year: issued.year(),
            number: "ATT".into(),
            revision: None,
        };
        Some(expand_reference(&self.reference_pattern, &values))
    }
}

#[cfg(test)]
#[expect(
    clippy::literal_string_with_formatting_args,
    reason = "reference patterns use braces as format strings do"
)]
mod tests {
    use super::*;

    fn values(revision: Option<u32>) -> ReferenceValues {
        ReferenceValues {
            coalition: "CoW".into(),
            series: "DM".into(),
            year: 2025,
            number: "4".into(),
            revision,
        }
    }

    #[test]
    fn default_pattern_pads_the_number() {
        assert_eq!(
            expand_reference(DEFAULT_REFERENCE_PATTERN, &values(None)).unwrap(),
            "CoW/DM/2025/04"
        );
    }

    #[test]
    fn a_revision_follows_the_reference() {
        assert_eq!(
            expand_reference(DEFAULT_REFERENCE_PATTERN, &values(Some(1))).unwrap(),
            "CoW/DM/2025/04 REV 1"
        );
    }

    #[test]
    fn other_patterns_and_widths() {
        let v = values(None);
        assert_eq!(expand_reference("{series}-{number}", &v).unwrap(), "DM-4");
        assert_eq!(
            expand_reference("REF {year}.{number:3}", &v).unwrap(),
            "REF 2025.004"
        );
        assert_eq!(expand_reference("{number:1}", &values(None)).unwrap(), "4");
        let long = ReferenceValues {
            number: "123".into(),
            ..values(None)
        };
        assert_eq!(expand_reference("{number:02}", &long).unwrap(), "123");
    }

    #[test]
    fn missing_values_take_their_separator_with_them() {
        let one_off = ReferenceValues {
            series: String::new(),
            number: String::new(),
            ..values(None)
        };
        assert_eq!(
            expand_reference(DEFAULT_REFERENCE_PATTERN, &one_off).unwrap(),
            "CoW/2025"
        );
        let no_coalition = ReferenceValues {
            coalition: String::new(),
            ..values(None)
        };
        assert_eq!(
            expand_reference(DEFAULT_REFERENCE_PATTERN, &no_coalition).unwrap(),
            "DM/2025/04"
        );
        assert_eq!(
            expand_reference("{series}/{number} (draft)", &one_off).unwrap(),
            " (draft)"
        );
    }

    #[test]
    fn a_word_for_the_number_is_not_padded() {
        let attendance = ReferenceValues {
            number: "ATT".into(),
            ..values(None)
        };
        assert_eq!(
            expand_reference(DEFAULT_REFERENCE_PATTERN, &attendance).unwrap(),
            "CoW/DM/2025/ATT"
        );
    }

    #[test]
    fn unknown_placeholders_are_named() {
        let error = expand_reference("{coalition}/{sereis}/{year}", &values(None)).unwrap_err();
        assert_eq!(
            error.to_string(),
            "The reference pattern \"{coalition}/{sereis}/{year}\" has an unknown placeholder {sereis}: use {coalition}, {series}, {year} or {number} (or {number:02} for two digits)"
        );
        assert!(matches!(
            check_reference_pattern("{number:x}"),
            Err(PatternError::UnknownPlaceholder { placeholder, .. }) if placeholder == "{number:x}"
        ));
        assert!(matches!(
            check_reference_pattern("{year}/{number"),
            Err(PatternError::Unclosed { .. })
        ));
        assert!(matches!(
            check_reference_pattern("{year}}"),
            Err(PatternError::UnknownPlaceholder { .. })
        ));
        assert_eq!(check_reference_pattern("  "), Err(PatternError::Empty));
        assert_eq!(check_reference_pattern(DEFAULT_REFERENCE_PATTERN), Ok(()));
    }
}
