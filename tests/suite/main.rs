//! The integration tests, built as one test binary: every test file links
//! the whole application (egui, typst), and one link instead of
//! twenty keeps `cargo test` quick and its disk use within a CI machine's.
//! Each module below is one area; run one with `cargo test -- model::`.
#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a failed unwrap is a failed test, in the helpers as in the tests"
)]

mod app_harness;
mod common;
mod cpu_renderer;
mod keyboard;

mod agenda;
mod architecture;
mod attendance_steps;
mod bad_input;
mod calendar;
mod calendar_checks;
mod calendar_readers;
mod calendar_time_zones;
mod carried_actions;
mod check_rules;
mod cli;
mod cli_answers;
mod cli_approve;
mod cli_errors;
mod cli_lookup;
mod cli_merge;
mod cli_print;
mod conflict_words;
mod crash_safety;
mod delete_refusals;
mod document_clearance;
mod documents;
mod format_reference;
mod generate;
mod git_driver;
mod huge_text;
mod meeting_records;
mod meeting_references;
mod merge;
mod merge_apart;
mod merge_base;
mod merge_compare;
mod merge_outcomes;
mod merge_resolve;
mod merge_saves;
mod model;
mod money;
mod office_ids;
mod on_behalf;
mod overflow;
mod printing;
mod problem_words;
mod problems;
mod register_settings;
mod report_archival;
mod report_draft_header;
mod report_editions;
mod report_minutes;
mod report_movements;
mod report_pages;
mod report_pdf;
mod report_references;
mod report_summary;
mod safety;
mod shared_ids;
mod storage;
mod strict_reading;
mod strict_values;
mod timeline_layout;
mod tracking;
mod ui_action_items;
mod ui_agenda;
mod ui_app;
mod ui_approval;
mod ui_attendance_grid;
mod ui_attendance_rows;
mod ui_carried_actions;
mod ui_commitments;
mod ui_contrast;
mod ui_dashboard;
mod ui_delete_refused;
mod ui_documents;
mod ui_errors;
mod ui_files;
mod ui_find_choice;
mod ui_first_field;
mod ui_fresh_records;
mod ui_keyboard;
mod ui_layout;
mod ui_looking;
mod ui_meeting_flow;
mod ui_meeting_sections;
mod ui_meetings;
mod ui_merge;
mod ui_minutes_life;
mod ui_on_behalf;
mod ui_opening;
mod ui_part_markings;
mod ui_participants;
mod ui_pasted_text;
mod ui_print;
mod ui_problems;
mod ui_reach;
mod ui_records;
mod ui_references;
mod ui_shell;
mod ui_start;
mod ui_timeline;
mod ui_tracking;
mod ui_typed_fields;
mod ui_widgets;
