//! Where Save PDF proposes to put a document, and under what name: the
//! officer's documents folder (or, without one, the register's own
//! folder), named by the document's reference and date, so the file is
//! found again where the officer looks and sorts beside its siblings.

use std::path::{Path, PathBuf};

/// The folder to propose: the first of the documents folder, the
/// register's folder and the home folder that is an existing folder.
pub fn proposed_folder(
    documents: Option<&Path>,
    register: Option<&Path>,
    home: Option<&Path>,
) -> Option<PathBuf> {
    let register_folder = register
        .and_then(Path::parent)
        .filter(|folder| !folder.as_os_str().is_empty());
    [documents, register_folder, home]
        .into_iter()
        .flatten()
        .find(|folder| folder.is_dir())
        .map(Path::to_path_buf)
}

/// The folder to propose on this computer, for a register kept at
/// `register` (none for one never saved).
pub fn officer_folder(register: Option<&Path>) -> Option<PathBuf> {
    let user = directories::UserDirs::new();
    proposed_folder(
        user.as_ref().and_then(directories::UserDirs::document_dir),
        register,
        user.as_ref().map(directories::UserDirs::home_dir),
    )
}

/// A file name from the document's reference and date, with what it is:
/// `CoW-DM-2025-04 2025-04-10 summary.pdf`. Characters a file name cannot
/// hold everywhere (the reference's slashes) become dashes.
pub fn pdf_file_name(reference: &str, date: &str, what: &str) -> String {
    let stem = [reference, date, what]
        .into_iter()
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let mut name = String::new();
    for c in stem.chars() {
        let c = if c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ' ') {
            c
        } else {
            '-'
        };
        // One dash for a run of them ("REV/1" and "—" alike).
        if !(c == '-' && name.ends_with('-')) {
            name.push(c);
        }
    }
    let name = name.trim_matches(['-', ' ', '.']);
    if name.is_empty() {
        "document.pdf".into()
    } else {
        format!("{name}.pdf")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_is_the_reference_the_date_and_what_it_is() {
        assert_eq!(
            pdf_file_name("CoW/DM/2025/04 REV 1", "2025-04-10", "summary"),
            "CoW-DM-2025-04 REV 1 2025-04-10 summary.pdf"
        );
        assert_eq!(
            pdf_file_name("", "2025-04-10", "summary OFFICIAL edition"),
            "2025-04-10 summary OFFICIAL edition.pdf"
        );
        assert_eq!(pdf_file_name("//", "", ""), "document.pdf");
        assert_eq!(pdf_file_name("../../x", "", ""), "x.pdf");
    }

    #[test]
    fn the_documents_folder_comes_first_then_the_registers() {
        let documents = tempfile::tempdir().unwrap();
        let office = tempfile::tempdir().unwrap();
        let register = office.path().join("coalition.ron");
        let missing = documents.path().join("not-there");
        assert_eq!(
            proposed_folder(Some(documents.path()), Some(&register), None),
            Some(documents.path().to_path_buf())
        );
        assert_eq!(
            proposed_folder(Some(&missing), Some(&register), None),
            Some(office.path().to_path_buf())
        );
        assert_eq!(
            proposed_folder(None, None, Some(office.path())),
            Some(office.path().to_path_buf())
        );
        assert_eq!(proposed_folder(None, Some(Path::new("r.ron")), None), None);
    }
}
