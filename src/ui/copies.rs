//! Copies of the register kept by two offices: sending ours to a partner
//! office (kept beside the register as the common copy of the next merge),
//! merging theirs back through a review, and settling the conflicts a
//! merge left. The merge itself is the core's; this decides what to ask.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;

use super::file_dialog::{FileChoice, PathPurpose};
use super::merge_review::MergeReview;
use super::on_top::OnTop;
use super::shown_error::{Failure, FieldRefusal, Said};
use super::workspace::Workspace;
use crate::merge;
use crate::model::Register;
use crate::storage::{self, WrittenFrom};

/// One step of sending or merging a copy, on top of the panels.
pub enum Exchange {
    /// Which office the copy is for, before asking where to write it.
    Send(OfficesForm),
    /// A partner's copy has been read: whose it is, and whose this one is.
    Offices {
        copy: ReceivedCopy,
        form: OfficesForm,
    },
    /// No copy exchanged with the partner is kept, or the one kept is
    /// older than the last copy both hold (`older` says so, in the words
    /// `merge` refuses it with): compare, or cancel.
    NoBase {
        copy: ReceivedCopy,
        ours: String,
        partner: String,
        older: Option<String>,
    },
    /// The merge, or the register's conflicts, before anything is applied.
    Review(Box<MergeReview>),
}

impl Exchange {
    /// What the officer calls it, for "finish with … first".
    pub fn name(&self) -> &'static str {
        match self {
            Exchange::Send(_) => "sending a copy",
            Exchange::Review(_) => "the merge review",
            _ => "merging another copy",
        }
    }
}

/// A partner office's copy, read from its file.
#[derive(Clone, Debug, PartialEq)]
pub struct ReceivedCopy {
    pub path: PathBuf,
    pub register: Box<Register>,
}

/// The office codes asked for: this copy's office (when merging) and the
/// partner's, with the partners already exchanged with to pick from.
#[derive(Debug, Default)]
pub struct OfficesForm {
    pub ours: String,
    pub partner: String,
    pub known: Vec<String>,
    /// Why the codes typed cannot be used, until they are corrected.
    pub problem: Option<String>,
}

/// An office code as typed, uppercased, when it is one: 2 to 5 letters or
/// digits starting with a letter, such as LON or PAR.
pub fn office_code(typed: &str, whose: &str) -> Result<String, FieldRefusal> {
    let code = typed.trim().to_uppercase();
    if code.is_empty() {
        return Err(FieldRefusal::new(format!(
            "Give {whose} office code, such as LON or PAR"
        )));
    }
    if crate::model::is_office_code(&code) {
        Ok(code)
    } else {
        Err(FieldRefusal::new(format!(
            "“{}” cannot be {whose} office code: a code is 2 to 5 letters or digits, starting \
             with a letter, such as LON or PAR",
            typed.trim()
        )))
    }
}

impl Workspace {
    /// This copy's office: the code the register keeps (set on the
    /// Register tab), else the one the officer gave last time.
    pub(super) fn our_office(&self, workstation: &str) -> String {
        let kept = &self.document.register().office;
        if kept.is_empty() {
            workstation.to_string()
        } else {
            kept.clone()
        }
    }

    /// The register's file, which kept copies sit beside; says why not
    /// when the register has none yet.
    fn register_file(&mut self, doing: &str) -> Option<PathBuf> {
        let path = self.document.path().map(Path::to_path_buf);
        if path.is_none() {
            self.fail(Failure::Refused(format!(
                "Save the register to a file first: {doing} keeps the copy exchanged beside it, \
                 for the next merge"
            )));
        }
        path
    }

    /// Asks which offices the copy is between (`workstation`: the office
    /// this workstation last gave).
    pub(super) fn send_copy(&mut self, workstation: &str) {
        let Some(register) = self.register_file("sending a copy") else {
            return;
        };
        let known = storage::partner_offices(&register);
        let form = OfficesForm {
            ours: self.our_office(workstation),
            partner: known.first().cloned().unwrap_or_default(),
            known,
            problem: None,
        };
        self.on_top = Some(OnTop::Exchange(Exchange::Send(form)));
    }

    /// Asks where to write the copy for `partner`.
    pub(super) fn choose_where_to_send(&mut self, partner: String) {
        let stem = self.document.path().and_then(Path::file_stem).map_or_else(
            || "coalition-register".into(),
            |s| s.to_string_lossy().into_owned(),
        );
        let name = format!("{stem}-for-{partner}.ron");
        let purpose = PathPurpose::SendCopy {
            partner: partner.clone(),
        };
        match purpose.choose(Some((None, &name))) {
            FileChoice::Picked(path) => self.send_copy_to(&partner, &path),
            FileChoice::TypePath => self.type_path(purpose),
            FileChoice::Cancelled => {}
        }
    }

    /// Writes the register to `to` for `partner` and keeps it beside the
    /// register as the common copy of the next merge with them.
    pub(super) fn send_copy_to(&mut self, partner: &str, to: &Path) {
        let Some(register_file) = self.register_file("sending a copy") else {
            return;
        };
        if to == register_file {
            self.fail(Failure::not_done(
                "The copy was not written",
                format!(
                    "That is the register's own file; choose another file for {partner}'s copy: \
                     {}",
                    to.display()
                ),
            ));
            return;
        }
        // The copy kept must be what the register file holds: unsaved
        // changes later discarded would otherwise look, to the next merge,
        // like records this office deleted.
        let saved_first = self.document.is_dirty();
        if saved_first && !self.save() {
            return;
        }
        let register = self.document.register();
        let from = WrittenFrom::register(Some(&register_file), false);
        let written = storage::save_from(
            to,
            register,
            storage::Overwrite::IfCurrentFormat,
            storage::Backup::Keep,
            from,
        );
        if let Err(error) = written {
            self.fail(Failure::not_done("The copy was not written", error));
            return;
        }
        match storage::keep_base(&register_file, partner, register) {
            Ok(()) => self.tell(format!(
                "{}Wrote a copy for {partner}, kept beside the register for the next merge with \
                 {partner}: {}",
                if saved_first {
                    "Saved the register. "
                } else {
                    ""
                },
                to.display()
            )),
            Err(error) => self.fail(Failure::not_done(
                "The copy was written but not kept for the next merge",
                format!(
                    "Merging {partner}'s next copy will have no common copy to start from. {error}"
                ),
            )),
        }
    }

    /// Asks for the partner's copy to merge.
    pub(super) fn merge_copy(&mut self, workstation: &str) {
        match PathPurpose::MergeCopy.choose(None) {
            FileChoice::Picked(path) => self.read_copy(&path, workstation),
            FileChoice::TypePath => self.type_path(PathPurpose::MergeCopy),
            FileChoice::Cancelled => {}
        }
    }

    /// Reads the partner's copy at `path` and asks whose it is
    /// (`workstation`: the office this workstation last gave). A file that
    /// cannot be read changes nothing.
    pub(super) fn read_copy(&mut self, path: &Path, workstation: &str) {
        let loaded = match storage::load(path) {
            Ok(loaded) => loaded,
            Err(error) => {
                self.fail(Failure::not_done("The copy was not merged", error));
                return;
            }
        };
        if let Some(version) = loaded.newer_version {
            self.fail(Failure::not_done(
                "The copy was not merged",
                format!(
                    "It was written by a newer version of Coalition Desk (format {version}); \
                     merging it here would lose what that version added. Update Coalition Desk \
                     first: {}",
                    path.display()
                ),
            ));
            return;
        }
        let ours = self.document.register();
        if !merge::same_register(ours, &loaded.register) {
            self.fail(Failure::not_done(
                "The copy was not merged",
                format!(
                    "{} is a copy of another register, \"{}\", not of \"{}\" open here; \
                     merging them would mix two coalitions' records. Merge only a copy of \
                     this register",
                    path.display(),
                    loaded.register.name,
                    ours.name
                ),
            ));
            return;
        }
        // A failure said about an earlier try no longer holds.
        self.told.push(Said::Unsaid);
        let known = self
            .document
            .path()
            .map(storage::partner_offices)
            .unwrap_or_default();
        // A copy that names its office says whose it is; else the
        // office last exchanged with is the likeliest.
        let partner = Some(loaded.register.office.clone())
            .filter(|office| !office.is_empty())
            .or_else(|| known.first().cloned())
            .unwrap_or_default();
        let form = OfficesForm {
            ours: self.our_office(workstation),
            partner,
            known,
            problem: None,
        };
        let copy = ReceivedCopy {
            path: path.to_path_buf(),
            register: Box::new(loaded.register),
        };
        self.on_top = Some(OnTop::Exchange(Exchange::Offices { copy, form }));
    }

    /// Merges the copy from the common copy kept for `partner`; without
    /// one, says so and offers the comparison instead.
    pub(super) fn merge_with_base(
        &mut self,
        copy: ReceivedCopy,
        ours: &str,
        partner: String,
        now: NaiveDateTime,
    ) {
        let base = match self.document.path() {
            Some(register) => storage::read_kept_base(register, &partner),
            None => Ok(None),
        };
        match base {
            Ok(Some(base)) => {
                // The common copy carries the register's identity, which
                // every copy made from it keeps: one without is another
                // register's, its identity removed.
                if !merge::made_from(&base, &copy.register) {
                    self.fail(Failure::not_done(
                        "The copy was not merged",
                        format!(
                            "{} carries no identity, while the copy last exchanged with \
                             {partner} carries that of \"{}\", which every copy of it keeps: \
                             it is not a copy of this register. Merge only a copy of this \
                             register",
                            copy.path.display(),
                            base.name
                        ),
                    ));
                    return;
                }
                // Merged from a copy older than the last one both hold,
                // what the later merge settled would be taken for changes:
                // only a comparison is offered, every difference a decision.
                let ours_register = self.document.register();
                let wrong_base = match merge::check_base(&base, ours_register, &copy.register) {
                    Err(older) => Some(older.to_string()),
                    Ok(()) => merge::check_saves(&base, ours_register, &copy.register)
                        .err()
                        .map(|not_common| {
                            not_common.sentence("this copy", &format!("{partner}'s copy"))
                        }),
                };
                if let Some(wrong_base) = wrong_base {
                    self.on_top = Some(OnTop::Exchange(Exchange::NoBase {
                        copy,
                        ours: ours.to_string(),
                        partner,
                        older: Some(wrong_base),
                    }));
                    return;
                }
                let merged = merge::merge(
                    &base,
                    self.document.register(),
                    &copy.register,
                    ours,
                    &partner,
                    now,
                );
                self.review_copy(copy, partner, merged, false);
            }
            Ok(None) => {
                self.on_top = Some(OnTop::Exchange(Exchange::NoBase {
                    copy,
                    ours: ours.to_string(),
                    partner,
                    older: None,
                }));
            }
            Err(error) => self.fail(Failure::not_done(
                "The copy was not merged",
                format!(
                    "The copy last exchanged with {partner}, kept beside the register, cannot be \
                     read. {error}"
                ),
            )),
        }
    }

    /// Compares the two copies with no common copy: every difference is
    /// a decision in the review.
    pub(super) fn compare_copies(
        &mut self,
        copy: ReceivedCopy,
        ours: String,
        partner: String,
        now: NaiveDateTime,
    ) {
        let merged = merge::compare(
            self.document.register(),
            &copy.register,
            &ours,
            &partner,
            now,
        );
        self.review_copy(copy, partner, merged, true);
    }

    /// Shows the merge of `copy` (or its comparison) for review.
    fn review_copy(
        &mut self,
        copy: ReceivedCopy,
        partner: String,
        merged: merge::Merged,
        compared: bool,
    ) {
        let ours = self.document.register();
        let review = MergeReview::of_copy(ours, copy, partner, merged, compared);
        self.on_top = Some(OnTop::Exchange(Exchange::Review(Box::new(review))));
    }

    pub(super) fn resolve_conflicts(&mut self) {
        let register = self.document.register();
        if register.conflicts.is_empty() {
            self.fail(Failure::Refused(
                "The register has no conflicts to resolve".into(),
            ));
            return;
        }
        let review = MergeReview::of_conflicts(register);
        self.on_top = Some(OnTop::Exchange(Exchange::Review(Box::new(review))));
    }
}
