//! The officer at the window: clicks, fields typed and keys pressed,
//! each counted.

use coalition_desk::model::Register;
use coalition_desk::ui::app::Startup;
use egui::accesskit::Role as A11yRole;
use egui_kittest::kittest::Queryable;

use crate::app_harness::{AppHarness, harness};

/// The window with the register open, and what the officer did so far.
pub struct Officer {
    pub window: AppHarness,
    pub clicks: usize,
    pub fields: usize,
    pub keys: usize,
}

impl Officer {
    pub fn new() -> Self {
        let mut window = harness(Startup::Empty);
        window
            .state_mut()
            .open_register(super::coalition::register());
        window.run();
        Officer {
            window,
            clicks: 0,
            fields: 0,
            keys: 0,
        }
    }

    pub fn interactions(&self) -> usize {
        self.clicks + self.fields + self.keys
    }

    /// Clicks the one widget called `label` (the last one drawn, where a
    /// menu's entry shares its name with the box that opened it).
    pub fn click(&mut self, label: &str) {
        self.window
            .get_all_by_label(label)
            .last()
            .unwrap_or_else(|| panic!("nothing called {label:?}"))
            .scroll_to_me();
        self.window.run();
        self.window.get_all_by_label(label).last().unwrap().click();
        self.window.run();
        self.clicks += 1;
    }

    /// Clicks into a text field and types `text`.
    pub fn type_in(&mut self, role: A11yRole, label: &str, text: &str) {
        self.click_into(role, label);
        self.type_here(text);
    }

    /// Clicks into a text field, giving it the keyboard.
    pub fn click_into(&mut self, role: A11yRole, label: &str) {
        let field = self.window.get_by_role_and_label(role, label);
        field.scroll_to_me();
        self.window.run();
        self.window.get_by_role_and_label(role, label).focus();
        self.window.run();
        self.clicks += 1;
    }

    /// Types into the field that already has the keyboard.
    pub fn type_here(&mut self, text: &str) {
        self.window.event(egui::Event::Text(text.into()));
        self.window.run();
        self.fields += 1;
    }

    /// Clicks into the first of the text fields called `label` (a panel
    /// lists several people, each with a "Role title") and types `text`.
    pub fn type_in_first(&mut self, role: A11yRole, label: &str, text: &str) {
        self.window
            .get_all_by_role_and_label(role, label)
            .next()
            .unwrap_or_else(|| panic!("no field called {label:?}"))
            .scroll_to_me();
        self.window.run();
        self.window
            .get_all_by_role_and_label(role, label)
            .next()
            .unwrap()
            .focus();
        self.window.run();
        self.clicks += 1;
        self.type_here(text);
    }

    pub fn key(&mut self, key: egui::Key) {
        self.window.key_press(key);
        self.window.run();
        self.keys += 1;
    }

    pub fn key_with(&mut self, modifiers: egui::Modifiers, key: egui::Key) {
        self.window.key_press_modifiers(modifiers, key);
        self.window.run();
        self.keys += 1;
    }

    /// Picks `option` in the drop-down called `label`.
    pub fn choose(&mut self, label: &str, option: &str) {
        self.click(label);
        self.click(option);
    }

    pub fn register(&self) -> &Register {
        self.window.state().workspace().document.register()
    }

    /// Leaves the text field being typed in, so later keys go elsewhere.
    pub fn leave_field(&mut self) {
        self.window.key_press(egui::Key::Escape);
        self.window.run();
        self.keys += 1;
    }

    pub fn report(&self, how: &str) {
        println!(
            "{how}: {} interactions ({} clicks, {} fields typed, {} keys)",
            self.interactions(),
            self.clicks,
            self.fields,
            self.keys
        );
    }
}
