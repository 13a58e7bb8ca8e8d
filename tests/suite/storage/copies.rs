//! Copies of one register read together (`storage::load_copies`, as the
//! merge command reads base, ours and theirs): each reads exactly as it
//! reads alone, while the records written as in the first are taken from
//! it rather than parsed again (issue 19).

use std::path::{Path, PathBuf};

use coalition_desk::generate::{GenerateOptions, register};
use coalition_desk::model::{CommitmentId, MeetingId, Register};
use coalition_desk::storage::{self, StorageError, parallel};

/// A generated register, large enough (over a megabyte) to be read on
/// several threads, saved as `base.ron`.
fn saved_base(dir: &Path) -> (Register, PathBuf) {
    let base = register(GenerateOptions {
        meetings: 60,
        commitments: 1500,
        seed: 3,
    });
    let path = dir.join("base.ron");
    storage::save(&path, &base, None).unwrap();
    let size = std::fs::metadata(&path).unwrap().len();
    assert!(size > 1 << 20, "read in parallel only from 1 MB: {size}");
    (base, path)
}

fn nth_commitment(register: &Register, n: usize) -> CommitmentId {
    *register.commitments.keys().nth(n).unwrap()
}

fn nth_meeting(register: &Register, n: usize) -> MeetingId {
    *register.meetings.keys().nth(n).unwrap()
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// The same outcome as `storage::load` alone: the same register and
/// version, or the same refusal in the same words.
fn assert_reads_as_alone(read: &Result<storage::Loaded, StorageError>, path: &Path) {
    match (read, storage::load(path)) {
        (Ok(read), Ok(alone)) => {
            assert!(
                read.register == alone.register,
                "{} differs",
                path.display()
            );
            assert_eq!(read.newer_version, alone.newer_version);
            assert!(read.stamp.same_content(&alone.stamp));
        }
        (Err(read), Err(alone)) => assert_eq!(read.to_string(), alone.to_string()),
        (read, alone) => panic!(
            "{}: read together {:?}, alone {:?}",
            path.display(),
            read.as_ref().map(|_| "read"),
            alone.map(|_| "read")
        ),
    }
}

#[test]
fn each_copy_reads_together_as_it_reads_alone() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let (base, base_path) = saved_base(dir);
    let base_text = std::fs::read_to_string(&base_path).unwrap();

    let mut ours = base.clone();
    for n in [0, 100, 1499] {
        let id = nth_commitment(&base, n);
        if let Some(commitment) = ours.commitments.get_mut(&id) {
            commitment.title.push_str(" (London's wording)");
        }
    }
    ours.commitments.remove(&nth_commitment(&base, 200));
    let moved = nth_meeting(&base, 5);
    if let Some(meeting) = ours.meetings.get_mut(&moved) {
        meeting.location = "London".to_string();
    }
    let ours_path = dir.join("ours.ron");
    storage::save(&ours_path, &ours, None).unwrap();

    let mut theirs = base.clone();
    let template = base.commitments.values().next().unwrap().clone();
    theirs.commitments.insert(CommitmentId(9_000_000), template);
    theirs.meetings.remove(&nth_meeting(&base, 59));
    let theirs_path = dir.join("theirs.ron");
    storage::save(&theirs_path, &theirs, None).unwrap();

    let ours_text = std::fs::read_to_string(&ours_path).unwrap();
    let copies = [
        ours_path,
        theirs_path,
        // A byte-order mark before the same text.
        write(dir, "bom.ron", &format!("\u{feff}{ours_text}")),
        // Not laid out as Coalition Desk writes: the whole text is scanned.
        write(dir, "spaces.ron", &base_text.replace('\t', "    ")),
        // Broken in a record, with a hidden character in another, newer.
        write(
            dir,
            "broken.ron",
            &base_text.replacen("status: Pledged", "status: Pledgd", 1),
        ),
        write(
            dir,
            "hidden.ron",
            &base_text.replacen("title: \"", "title: \"\u{202e}", 3),
        ),
        write(
            dir,
            "newer.ron",
            &base_text.replacen("version: 7,", "version: 9,", 1),
        ),
        write(dir, "empty.ron", ""),
        dir.join("missing.ron"),
    ];
    let [a, b, c, d, e, f, g, h, i] = &copies;
    let (first, others) =
        storage::load_copies(&base_path, [a, b, c, d, e, f, g, h, i].map(|p| p.as_path()));
    assert_reads_as_alone(&first, &base_path);
    for (read, path) in others.iter().zip(&copies) {
        assert_reads_as_alone(read, path);
    }
    // The copies read as what was saved, not as the first copy.
    let read = |n: usize| others[n].as_ref().unwrap().register.clone();
    assert!(read(0) == ours);
    assert!(read(1) == theirs);
}

#[test]
fn a_first_copy_that_cannot_be_read_leaves_the_others_read_alone() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let (_, base_path) = saved_base(dir);
    let text = std::fs::read_to_string(&base_path).unwrap();
    let broken = write(
        dir,
        "broken.ron",
        &text.replacen("status: Pledged", "status: ?", 1),
    );
    let (first, [other]) = storage::load_copies(&broken, [base_path.as_path()]);
    assert_reads_as_alone(&first, &broken);
    assert!(first.is_err());
    assert_reads_as_alone(&other, &base_path);
}

#[test]
fn records_written_as_in_the_known_copy_are_taken_from_it() {
    let dir = tempfile::tempdir().unwrap();
    let (base, base_path) = saved_base(dir.path());
    let base_text = std::fs::read_to_string(&base_path).unwrap();
    let (read, notes) = parallel::parse_noting(&base_text, 2).expect("noted");
    assert!(read.register == base);

    // A known register that says otherwise than its text for one record:
    // a copy writing that record as the text does gets the known one,
    // which shows it was taken, not parsed.
    let kept = nth_commitment(&base, 10);
    let changed = nth_commitment(&base, 20);
    let mut planted = base.clone();
    if let Some(commitment) = planted.commitments.get_mut(&kept) {
        commitment.description = "taken from the known copy".to_string();
    }
    let mut copy = base.clone();
    if let Some(commitment) = copy.commitments.get_mut(&changed) {
        commitment.title = "Retitled in this copy".to_string();
    }
    let copy_text = storage::to_ron(&copy, Path::new("copy.ron")).unwrap();
    let known = parallel::Known {
        text: base_text.as_bytes(),
        register: &planted,
        notes: &notes,
    };
    let beside = parallel::parse_beside(&copy_text, 2, &known).expect("read beside");
    let commitments = &beside.register.commitments;
    assert_eq!(commitments[&kept].description, "taken from the known copy");
    assert_eq!(commitments[&changed].title, "Retitled in this copy");
    assert_eq!(commitments.len(), base.commitments.len());
}
