//! Participants and people: create, edit and delete by the keyboard.

use egui::Key;

use super::{palette, sample, show_panel};
use crate::app_harness::register;
use crate::keyboard::{press, tab_to, type_keys};

#[test]
fn a_participant_and_its_person_are_made_edited_and_deleted_by_keys() {
    let mut h = sample();
    show_panel(&mut h, Key::Num1);
    palette(&mut h, "New participant");
    // The name has the keyboard, and the form's next field is one Tab on.
    type_keys(&mut h, "Polska");
    assert_eq!(tab_to(&mut h, "Code", false), 1);
    type_keys(&mut h, "POL");
    let id = *register(&h).participants.keys().max().unwrap();
    let polska = register(&h).participant(id).cloned().unwrap();
    assert_eq!(
        (polska.name.as_str(), polska.code.as_str()),
        ("Polska", "POL")
    );

    tab_to(&mut h, "Add person", false);
    press(&mut h, Key::Enter);
    type_keys(&mut h, "Władysław Kosiniak-Kamysz");
    let people = register(&h).people_of(id);
    assert_eq!(people.len(), 1);
    assert_eq!(
        register(&h).person(people[0]).unwrap().name,
        "Władysław Kosiniak-Kamysz"
    );

    // Deleting the person asks first; Escape keeps them, Enter deletes.
    tab_to(&mut h, "Delete person…", false);
    press(&mut h, Key::Enter);
    press(&mut h, Key::Escape);
    assert_eq!(register(&h).people_of(id).len(), 1, "Escape keeps them");
    tab_to(&mut h, "Delete person…", false);
    press(&mut h, Key::Enter);
    press(&mut h, Key::Enter);
    assert!(register(&h).people_of(id).is_empty(), "Enter deletes");

    tab_to(&mut h, "Delete…", true);
    press(&mut h, Key::Space);
    press(&mut h, Key::Enter);
    assert!(register(&h).participant(id).is_none());
}
