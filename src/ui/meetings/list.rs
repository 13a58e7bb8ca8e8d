//! What a row of the meetings list calls a meeting. A secretariat's
//! meetings are often all titled "Coalition of the Willing — …"; cut to
//! a fixed width those titles all read the same, so the row shows the
//! words that differ, after the session's number.

use crate::model::{Meeting, Register};

/// Marks that end a shared opening such as "Coalition of the Willing —".
const SEPARATORS: [char; 6] = ['—', '–', '-', ':', '·', '|'];

/// How many bytes at the start of every meeting's title are shared words
/// ending in a separator ("Coalition of the Willing — "); 0 when there
/// are fewer than two meetings or nothing of the kind is shared.
pub(super) fn shared_title_start(register: &Register) -> usize {
    let mut titles = register.meetings.values().map(|m| m.title.as_str());
    let (Some(first), Some(_)) = (titles.next(), titles.clone().next()) else {
        return 0;
    };
    let shared = titles.fold(first.len(), |shared, title| {
        first
            .char_indices()
            .zip(title.chars())
            .find(|((_, a), b)| a != b)
            .map_or(shared.min(title.len()), |((at, _), _)| shared.min(at))
    });
    let Some(opening) = first.get(..shared) else {
        return 0;
    };
    // A separator between words, not the hyphen inside "Anti-drone".
    opening
        .rmatch_indices(SEPARATORS)
        .map(|(at, separator)| at + separator.len())
        .find(|&end| {
            first
                .get(end..)
                .is_some_and(|after| after.chars().next().is_none_or(char::is_whitespace))
        })
        .unwrap_or(0)
}

/// The row's words for `meeting`: "No. 4 · Defence ministers" where the
/// whole title is "Coalition of the Willing — Defence ministers" and the
/// first `shared_start` bytes are shared by every meeting.
pub(super) fn list_title(meeting: &Meeting, shared_start: usize) -> String {
    let rest = meeting
        .title
        .get(shared_start..)
        .map(str::trim)
        .filter(|rest| !rest.is_empty())
        .unwrap_or(&meeting.title);
    match meeting.number {
        Some(number) => format!("No. {number} · {rest}"),
        None => rest.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MeetingId;

    fn register(titles: &[&str]) -> Register {
        let mut register = Register::new("Coalition of the Willing");
        for (n, title) in titles.iter().enumerate() {
            let meeting = Meeting {
                title: (*title).into(),
                ..Meeting::default()
            };
            register.meetings.insert(MeetingId(n as u64 + 1), meeting);
        }
        register
    }

    fn shown(titles: &[&str]) -> Vec<String> {
        let register = register(titles);
        let start = shared_title_start(&register);
        register
            .meetings
            .values()
            .map(|m| list_title(m, start))
            .collect()
    }

    #[test]
    fn the_shared_opening_is_left_out() {
        assert_eq!(
            shown(&[
                "Coalition of the Willing — Defence ministers",
                "Coalition of the Willing — Chiefs of Defence",
                "Coalition of the Willing — Defence ministers (extraordinary)",
            ]),
            [
                "Defence ministers",
                "Chiefs of Defence",
                "Defence ministers (extraordinary)"
            ]
        );
    }

    #[test]
    fn words_shared_without_a_separator_stay() {
        assert_eq!(
            shown(&["Defence ministers", "Defence ministers, extraordinary"]),
            ["Defence ministers", "Defence ministers, extraordinary"]
        );
        assert_eq!(shown(&["Coalition — Air"]), ["Coalition — Air"]);
        assert_eq!(
            shown(&["Anti-drone coalition", "Anti-tank coalition"]),
            ["Anti-drone coalition", "Anti-tank coalition"]
        );
    }

    #[test]
    fn a_title_that_is_only_the_opening_is_shown_whole() {
        assert_eq!(
            shown(&["Coalition: air", "Coalition: maritime", "Coalition:"]),
            ["air", "maritime", "Coalition:"]
        );
    }

    #[test]
    fn the_number_comes_first() {
        let mut register = register(&["Coalition — Air", "Coalition — Sea"]);
        let start = shared_title_start(&register);
        let meeting = register.meetings.get_mut(&MeetingId(1)).unwrap();
        meeting.number = Some(4);
        assert_eq!(list_title(meeting, start), "No. 4 · Air");
    }
}
