//! The print preview as the officer uses it: the typeset pages, paged
//! through; Print naming the printer and the marking and asking once;
//! failures said in words with what to do next; the PDF handed to the
//! printer kept private and removed. The system's `lpstat`, `lp` and
//! viewer are stood in for by small scripts.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use coalition_desk::model::MeetingId;
use coalition_desk::report::{self, PrintEngine, SummaryOptions};
use coalition_desk::ui::Command;
use coalition_desk::ui::app::{CoalitionDeskApp, Settings, Startup};
use coalition_desk::ui::on_top::OnTop;
use coalition_desk::ui::print::{PrivatePdf, Spooler, printer_failure};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use crate::app_harness::{AppHarness, today, until_shown};

const DEFENCE_MINISTERS: MeetingId = MeetingId(11);

const NO_PRINTER: &str = "No printer is set up on this computer. Save the PDF and print it from another program, or set a default printer.";

/// The sample with the Defence ministers' summary in the preview,
/// printing through `spooler`.
fn preview(spooler: Spooler, snapshots: bool) -> AppHarness {
    let app = CoalitionDeskApp::with_settings(Settings::default(), Startup::Sample, today());
    let builder = Harness::builder().with_size(egui::vec2(1280.0, 800.0));
    let builder = if snapshots {
        builder
            .renderer(crate::cpu_renderer::CpuRenderer::default())
            .with_context_setup(coalition_desk::ui::fonts::install)
    } else {
        builder
    };
    let mut harness =
        builder.build_ui_state(|ui, app: &mut CoalitionDeskApp| app.frame_ui(ui), app);
    harness.state_mut().use_spooler(spooler);
    harness.run();
    harness
        .state_mut()
        .command(Command::PrintSummary(DEFENCE_MINISTERS));
    harness.run_steps(2);
    // The print service is asked for its printers as the preview opens.
    let started = Instant::now();
    while harness.query_by_label("Looking for printers…").is_some() {
        assert!(started.elapsed() < Duration::from_secs(30), "no printers");
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
    harness.run_steps(2);
    harness
}

/// The printer the preview's printer list shows as chosen.
fn printer_shown(harness: &AppHarness) -> String {
    harness
        .get_by_role_and_label(Role::ComboBox, "Printer:")
        .value()
        .unwrap_or_default()
}

fn click(harness: &mut AppHarness, label: &str) {
    harness.get_by_label(label).click();
    // A job may be under way, its spinner turning: a few frames, not `run`.
    harness.run_steps(3);
}

/// A stand-in program in `dir` running `body` under sh.
fn script(dir: &Path, name: &str, body: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

/// What `lpstat -d -p` says on an office computer with three printers:
/// the default, a stopped one and another (captured from CUPS 2.4).
const THREE_PRINTERS: &str = "system default destination: Office_Laser\n\
printer Annex_Colour disabled since Sun Dec  6 21:31:51 2026 -\n\
\tPaused\n\
printer Basement_Mono is idle.  enabled since Sun Dec  6 21:31:51 2026\n\
printer Office_Laser is idle.  enabled since Sun Dec  6 21:31:51 2026\n";

/// lpstat listing `THREE_PRINTERS` and job 7 of each as completed; lp
/// writing down what it was given (its arguments, the file's and its
/// folder's modes) in `lp.log`, then answering with `lp_answer`.
fn spooler(dir: &Path, lp_answer: &str) -> Spooler {
    let log = dir.join("lp.log");
    Spooler {
        lpstat: script(
            dir,
            "lpstat",
            &format!(
                "case \"$*\" in\n\
                 '-d -p') printf '{THREE_PRINTERS}' ;;\n\
                 '-W completed -o '*) echo \"$4-7 officer 1024 Sun Dec  6 21:31:55 2026\" ;;\n\
                 esac"
            ),
        )
        .into(),
        lp: script(
            dir,
            "lp",
            &format!(
                "for a in \"$@\"; do file=\"$a\"; done\n\
                 echo \"$*\" > '{log}'\n\
                 stat -c '%a' \"$file\" >> '{log}'\n\
                 stat -c '%a' \"$(dirname \"$file\")\" >> '{log}'\n\
                 echo \"$file\" >> '{log}'\n\
                 {lp_answer}",
                log = log.display()
            ),
        )
        .into(),
        viewer: dir.join("no-such-viewer").into(),
        follow: Duration::from_secs(2),
    }
}

fn page_count_of_the_pdf() -> usize {
    let register = coalition_desk::sample::register().unwrap();
    let summary = report::meeting_summary(
        &register,
        DEFENCE_MINISTERS,
        &SummaryOptions::default(),
        crate::common::today(),
    )
    .unwrap();
    let pdf = PrintEngine::new()
        .unwrap()
        .meeting_summary_pdf(&summary)
        .unwrap();
    lopdf::Document::load_mem(&pdf).unwrap().get_pages().len()
}

#[test]
fn the_preview_shows_the_typeset_pages_and_pages_through_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = preview(spooler(dir.path(), "true"), false);
    let pages = page_count_of_the_pdf();
    assert!(pages >= 2);
    until_shown(&mut harness, &format!("Page 1 of {pages}"));
    // The page itself, drawn by typst, not a text approximation of it.
    until_shown(&mut harness, &format!("Page 1 of {pages} as it prints"));
    assert!(
        harness
            .get_by_label("◀ Previous page")
            .accesskit_node()
            .is_disabled()
    );

    click(&mut harness, "Next page ▶");
    until_shown(&mut harness, &format!("Page 2 of {pages} as it prints"));
    harness.get_by_label(&format!("Page 2 of {pages}"));
    click(&mut harness, "◀ Previous page");
    harness.get_by_label(&format!("Page 1 of {pages}"));

    // Zoom: + from fit width goes up a step, 100% is the size it prints.
    click(&mut harness, "100%");
    harness.get_by_label("Zoom: 100%");
    click(&mut harness, "+");
    harness.get_by_label("Zoom: 125%");
    click(&mut harness, "−");
    click(&mut harness, "−");
    harness.get_by_label("Zoom: 75%");
}

#[test]
fn print_asks_once_naming_the_marking_and_the_printer_and_removes_its_copy() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = preview(
        spooler(
            dir.path(),
            "echo 'request id is Office_Laser-7 (1 file(s))'",
        ),
        false,
    );
    until_shown(&mut harness, "Page 1 of");
    let question = "Print OFFICIAL-SENSITIVE summary \u{201c}Coalition of the Willing \u{2014} Defence ministers\u{201d} on printer \u{201c}Office_Laser\u{201d}?";

    // Cancel sends nothing.
    click(&mut harness, "Print");
    until_shown(&mut harness, question);
    click(&mut harness, "Cancel");
    harness.get_by_label("Nothing was sent to the printer.");
    assert!(!dir.path().join("lp.log").exists(), "lp never ran");

    click(&mut harness, "Print");
    until_shown(&mut harness, question);
    harness.get_by_label_contains("1 copy, one-sided.");
    click(&mut harness, "Print on Office_Laser");
    until_shown(
        &mut harness,
        "Printed on \u{201c}Office_Laser\u{201d} (job Office_Laser-7). Collect the pages from the printer now.",
    );
    assert!(
        harness.query_by_label_contains("on printer").is_none(),
        "asked once"
    );

    let log = std::fs::read_to_string(dir.path().join("lp.log")).unwrap();
    let lines: Vec<&str> = log.lines().collect();
    assert_eq!(
        lines[0],
        format!(
            "-d Office_Laser -t CoW-DM-2025-04-10 2025-04-10 summary.pdf -n 1 -o sides=one-sided -- {}",
            lines[3]
        ),
        "{log}"
    );
    assert_eq!(lines[1], "600", "the PDF is the officer's only");
    assert_eq!(lines[2], "700", "in a folder of the officer's own");
    assert!(
        !Path::new(lines[3]).exists() && !Path::new(lines[3]).parent().unwrap().exists(),
        "the copy for the printer is gone once lp has it: {}",
        lines[3]
    );
}

#[test]
fn without_a_default_printer_print_says_what_to_do_and_sends_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut spooler = spooler(dir.path(), "true");
    spooler.lpstat = script(dir.path(), "lpstat", "echo 'no system default destination'").into();
    let mut harness = preview(spooler, false);
    until_shown(&mut harness, "Page 1 of");
    // Said where the printer would be chosen, and again when Print is pressed.
    harness.get_by_label(NO_PRINTER);
    click(&mut harness, "Print");
    assert_eq!(harness.query_all_by_label(NO_PRINTER).count(), 2);
    assert!(harness.query_by_label_contains("on printer").is_none());
    assert!(!dir.path().join("lp.log").exists(), "lp never ran");
    harness.get_by_label("Save the PDF instead…");
}

#[test]
fn a_refusing_printer_is_said_in_words_and_a_missing_viewer_too() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = preview(
        spooler(
            dir.path(),
            "echo 'lp: Error - No default destination.' >&2; exit 1",
        ),
        false,
    );
    until_shown(&mut harness, "Page 1 of");
    click(&mut harness, "Print");
    until_shown(&mut harness, "on printer");
    click(&mut harness, "Print on Office_Laser");
    until_shown(&mut harness, NO_PRINTER);
    assert!(
        harness
            .query_by_label_contains("No default destination")
            .is_none()
    );
    let kept = match harness.state().on_top() {
        Some(OnTop::PrintPreview(preview)) => preview.unprinted.clone().unwrap(),
        _ => panic!("the preview is open"),
    };
    let mode = std::fs::metadata(&kept).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);

    click(&mut harness, "Open the PDF");
    until_shown(
        &mut harness,
        "No program for showing PDFs was found on this computer",
    );
    harness.get_by_label("Save the PDF instead…");

    // The next print replaces the kept copy.
    click(&mut harness, "Print");
    until_shown(&mut harness, "on printer");
    click(&mut harness, "Print on Office_Laser");
    until_shown(&mut harness, NO_PRINTER);
    assert!(
        !kept.exists(),
        "the last refused copy went with the next print"
    );
    let kept = match harness.state().on_top() {
        Some(OnTop::PrintPreview(preview)) => preview.unprinted.clone().unwrap(),
        _ => panic!("the preview is open"),
    };
    assert!(kept.exists());

    // Closing the preview keeps the copy for a viewer still opening it;
    // the program removes it on exit (here: the window going away).
    harness.get_by_label("Close window").click();
    harness.run();
    assert!(kept.exists());
    drop(harness);
    assert!(!kept.exists(), "the refused copy is removed on exit");
}

#[test]
fn the_pdf_for_the_printer_is_readable_by_the_officer_only_and_removed() {
    let pdf = PrivatePdf::write("summary.pdf", b"%PDF-1.7").unwrap();
    let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(pdf.path()), 0o600);
    assert_eq!(mode(pdf.folder()), 0o700);
    assert_eq!(pdf.path().file_name().unwrap(), "summary.pdf");
    let (path, folder) = (pdf.path().to_owned(), pdf.folder().to_owned());
    drop(pdf);
    assert!(!path.exists() && !folder.exists());
}

#[test]
fn the_print_service_messages_become_sentences() {
    assert_eq!(
        printer_failure("lp: Error - No default destination.", None).to_string(),
        NO_PRINTER
    );
    assert_eq!(
        printer_failure(
            "lp: The printer or class does not exist.",
            Some("Office_Laser")
        )
        .to_string(),
        "The printer \u{201c}Office_Laser\u{201d} is not set up on this computer any more. Save the PDF and print it from another program, or choose another default printer."
    );
    assert!(
        printer_failure("lpstat: Unable to connect to server", None)
            .to_string()
            .starts_with("The print service on this computer is not running.")
    );
    // Anything else is quoted, with the way on.
    assert_eq!(
        printer_failure("lp: paper jam", Some("Office_Laser")).to_string(),
        "The printer \u{201c}Office_Laser\u{201d} refused the job (the print service said \u{201c}lp: paper jam\u{201d}). Save the PDF and print it from another program."
    );
}

#[test]
fn print_preview_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = preview(spooler(dir.path(), "true"), true);
    until_shown(&mut harness, "Page 1 of");
    until_shown(&mut harness, "as it prints");
    harness.snapshot("print_preview");
}

#[test]
fn releasable_at_prints_the_edition_without_what_is_marked_higher() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = preview(spooler(dir.path(), "true"), false);
    until_shown(&mut harness, "Page 1 of");
    click(&mut harness, "Releasable at");
    click(&mut harness, "OFFICIAL");
    let Some(OnTop::PrintPreview(preview)) = harness.state().on_top() else {
        panic!("the preview is open");
    };
    assert_eq!(preview.options.edition.as_deref(), Some("OFFICIAL"));
    let Ok(coalition_desk::ui::print::PrintData::Summary(summary)) =
        preview.data(harness.state().document().register())
    else {
        panic!("the summary can be printed");
    };
    assert_eq!(summary.marking, "OFFICIAL");
    assert_eq!(summary.edition.as_deref(), Some("OFFICIAL edition"));
    assert_eq!(
        summary.omitted.as_deref(),
        Some("1 item is omitted from this edition.")
    );
}

#[test]
fn releasable_at_offers_no_level_below_the_meetings_own_marking() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = preview(spooler(dir.path(), "true"), false);
    let mut meeting = harness
        .state()
        .document()
        .register()
        .meeting(DEFENCE_MINISTERS)
        .unwrap()
        .clone();
    meeting.marking = "OFFICIAL-SENSITIVE".into();
    harness
        .state_mut()
        .edit(coalition_desk::edit::Edit::Meeting(
            DEFENCE_MINISTERS,
            Some(meeting),
        ));
    harness.run_steps(2);
    click(&mut harness, "Releasable at");
    assert!(
        harness
            .get_by_label("OFFICIAL")
            .accesskit_node()
            .is_disabled()
    );
    assert!(
        !harness
            .get_by_label("OFFICIAL-SENSITIVE")
            .accesskit_node()
            .is_disabled()
    );
}

#[test]
fn the_preview_lists_the_printers_default_first_and_prints_on_the_one_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = preview(
        spooler(
            dir.path(),
            "echo 'request id is Basement_Mono-7 (1 file(s))'",
        ),
        false,
    );
    until_shown(&mut harness, "Page 1 of");
    assert_eq!(printer_shown(&harness), "Office_Laser (default)");
    harness
        .get_by_role_and_label(Role::ComboBox, "Printer:")
        .click();
    harness.run();
    // A stopped printer says so in words, not by colour alone.
    harness.get_by_label("Annex_Colour \u{2014} stopped: Paused");
    click(&mut harness, "Basement_Mono");
    assert_eq!(printer_shown(&harness), "Basement_Mono");

    // Three copies, typed; two-sided, by Space on its box.
    harness.get_by_label("Copies:").focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label("Copies:").type_text("3");
    harness.key_press(egui::Key::Tab);
    harness.run();
    harness.get_by_label("Two-sided").focus();
    harness.run();
    harness.key_press(egui::Key::Space);
    harness.run();

    click(&mut harness, "Print");
    until_shown(&mut harness, "on printer \u{201c}Basement_Mono\u{201d}?");
    harness.get_by_label_contains("3 copies, two-sided.");
    click(&mut harness, "Print on Basement_Mono");
    until_shown(
        &mut harness,
        "Printed on \u{201c}Basement_Mono\u{201d} (job Basement_Mono-7)",
    );
    let log = std::fs::read_to_string(dir.path().join("lp.log")).unwrap();
    assert!(
        log.lines()
            .next()
            .unwrap()
            .starts_with("-d Basement_Mono -t ")
            && log.contains(" -n 3 -o sides=two-sided-long-edge -- "),
        "{log}"
    );
}

#[test]
fn a_job_the_printer_has_not_printed_is_said_to_be_queued_with_the_printers_error() {
    let dir = tempfile::tempdir().unwrap();
    let mut spooler = spooler(
        dir.path(),
        "echo 'request id is Office_Laser-9 (1 file(s))'",
    );
    // The job stays in the queue; the printer has stopped, saying why.
    spooler.lpstat = script(
        dir.path(),
        "lpstat",
        "case \"$*\" in\n\
         '-d -p') echo 'system default destination: Office_Laser' ;;\n\
         '-o Office_Laser') echo 'Office_Laser-9 officer 52224 Sun Dec  6 21:40:00 2026' ;;\n\
         '-p Office_Laser') printf 'printer Office_Laser disabled since Sun Dec  6 21:40:01 2026 -\\n\\tUnable to connect to printer; will retry in 30 seconds...\\n' ;;\n\
         esac",
    )
    .into();
    spooler.follow = Duration::from_millis(300);
    let mut harness = preview(spooler, false);
    until_shown(&mut harness, "Page 1 of");
    assert_eq!(printer_shown(&harness), "Office_Laser (default)");
    click(&mut harness, "Print");
    until_shown(&mut harness, "on printer");
    click(&mut harness, "Print on Office_Laser");
    until_shown(
        &mut harness,
        "Queued as Office_Laser-9, but the printer \u{201c}Office_Laser\u{201d} has stopped: \u{201c}Unable to connect to printer; will retry in 30 seconds...\u{201d}.",
    );
    harness.get_by_label("Save the PDF instead…");
}

#[test]
fn save_pdf_proposes_the_officers_folder_and_names_where_it_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = preview(spooler(dir.path(), "true"), false);
    until_shown(&mut harness, "Page 1 of");
    let name = "CoW-DM-2025-04-10 2025-04-10 summary.pdf";
    let proposed = coalition_desk::printing::save_location::officer_folder(None)
        .unwrap()
        .join(name);
    {
        let register = harness.state().document().register().clone();
        let preview = harness.state_mut().print_preview_mut().unwrap();
        assert_eq!(preview.proposed_path(&register), proposed);
        preview.type_path_to_save(&register);
    }
    harness.run_steps(2);
    let field = "No file dialog could be shown. Type where to save the PDF:";
    assert_eq!(
        harness.get_by_label(field).value().unwrap(),
        proposed.display().to_string()
    );
    let target = dir.path().join(name);
    harness.get_by_label(field).focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_label(field)
        .type_text(&target.display().to_string());
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    until_shown(
        &mut harness,
        &format!("Saved the PDF as {}", target.display()),
    );
    assert!(target.exists());
    harness.get_by_label("Open folder");
}

/// A key pressed while the preview may be busy: a few frames, not `run`.
fn key(harness: &mut AppHarness, key: egui::Key) {
    harness.key_press(key);
    harness.run_steps(3);
}

#[test]
fn print_by_the_keyboard_alone_enter_prints_escape_sends_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = preview(
        spooler(
            dir.path(),
            "echo 'request id is Office_Laser-7 (1 file(s))'",
        ),
        false,
    );
    until_shown(&mut harness, "Page 1 of");
    let question = "on printer \u{201c}Office_Laser\u{201d}?";
    let to_print = |harness: &mut AppHarness| {
        for _ in 0..60 {
            key(harness, egui::Key::Tab);
            if crate::keyboard::focused(harness).as_deref() == Some("Print") {
                return;
            }
        }
        panic!("Tab never reached Print");
    };

    // The question opens with the keyboard on its Print button; Escape
    // declines it.
    to_print(&mut harness);
    key(&mut harness, egui::Key::Enter);
    until_shown(&mut harness, question);
    assert_eq!(
        crate::keyboard::focused(&harness).as_deref(),
        Some("Print on Office_Laser")
    );
    key(&mut harness, egui::Key::Escape);
    harness.get_by_label("Nothing was sent to the printer.");
    assert!(!dir.path().join("lp.log").exists(), "lp never ran");
    assert!(
        matches!(
            harness.state().workspace().on_top(),
            Some(coalition_desk::ui::on_top::OnTop::PrintPreview(_))
        ),
        "that Escape answered the question, not the window"
    );

    // Enter answers it: the pages go to the printer.
    to_print(&mut harness);
    key(&mut harness, egui::Key::Enter);
    until_shown(&mut harness, question);
    key(&mut harness, egui::Key::Enter);
    until_shown(
        &mut harness,
        "Printed on \u{201c}Office_Laser\u{201d} (job Office_Laser-7).",
    );
    assert!(dir.path().join("lp.log").exists(), "lp ran");
}

/// The installed trial's flow, by keys alone from the open meeting:
/// Ctrl+P opens its summary's preview with the keyboard on the printer
/// list (it had stayed on the editor behind the window, out of sight);
/// the list chooses a printer by Space, ↓ and Enter, and closes (it stayed
/// open); Escape leaves the list with the keyboard on it; Tab walks to copies, two-sided and Print; Enter asks, Enter
/// prints.
#[test]
fn ctrl_p_prints_the_open_meeting_by_keys_alone_with_copies_and_two_sided() {
    let dir = tempfile::tempdir().unwrap();
    let app = CoalitionDeskApp::with_settings(Settings::default(), Startup::Sample, today());
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(30)
        .build_ui_state(|ui, app: &mut CoalitionDeskApp| app.frame_ui(ui), app);
    harness.state_mut().use_spooler(spooler(
        dir.path(),
        "echo 'request id is Basement_Mono-7 (1 file(s))'",
    ));
    harness.run();
    harness
        .state_mut()
        .command(Command::SelectMeeting(DEFENCE_MINISTERS));
    harness.run();
    let mut keys = 0;
    let press = |harness: &mut AppHarness, modifiers, key| {
        harness.key_press_modifiers(modifiers, key);
        harness.run_steps(3);
        1
    };
    let none = egui::Modifiers::NONE;
    keys += press(&mut harness, egui::Modifiers::COMMAND, egui::Key::P);
    assert!(
        matches!(
            harness.state().workspace().on_top(),
            Some(OnTop::PrintPreview(_))
        ),
        "Ctrl+P opens the preview"
    );
    until_shown(&mut harness, "Page 1 of");
    assert_eq!(
        crate::keyboard::focused(&harness).as_deref(),
        Some("Printer:"),
        "the keyboard is on the printer list"
    );
    assert_eq!(printer_shown(&harness), "Office_Laser (default)");
    // Space opens the list, ↓ walks it, Enter chooses and closes it and
    // the keyboard is back on the list's button.
    keys += press(&mut harness, none, egui::Key::Space);
    let printers = ["Office_Laser (default)", "Annex_Colour", "Basement_Mono"];
    let mut walked = 0;
    while crate::keyboard::focused(&harness).as_deref() != Some("Basement_Mono") {
        keys += press(&mut harness, none, egui::Key::ArrowDown);
        walked += 1;
        assert!(walked < printers.len() + 1, "↓ never reached Basement_Mono");
    }
    keys += press(&mut harness, none, egui::Key::Enter);
    assert!(
        harness
            .query_by_label("Annex_Colour \u{2014} stopped: Paused")
            .is_none(),
        "the list closed"
    );
    assert_eq!(printer_shown(&harness), "Basement_Mono");
    assert_eq!(
        crate::keyboard::focused(&harness).as_deref(),
        Some("Printer:")
    );
    // Opened again and left by Escape: the list closes, the preview
    // stays, and the keyboard is still on the list.
    keys += press(&mut harness, none, egui::Key::Space);
    harness.get_by_label("Annex_Colour \u{2014} stopped: Paused");
    keys += press(&mut harness, none, egui::Key::Escape);
    assert!(
        harness
            .query_by_label("Annex_Colour \u{2014} stopped: Paused")
            .is_none(),
        "Escape closed the list"
    );
    assert!(matches!(
        harness.state().workspace().on_top(),
        Some(OnTop::PrintPreview(_))
    ));
    assert_eq!(
        crate::keyboard::focused(&harness).as_deref(),
        Some("Printer:"),
        "the keyboard is back on the list after Escape"
    );
    // Past Look for printers again to Copies, typed over.
    keys += press(&mut harness, none, egui::Key::Tab);
    keys += press(&mut harness, none, egui::Key::Tab);
    assert_eq!(
        crate::keyboard::focused(&harness).as_deref(),
        Some("Copies:")
    );
    keys += press(&mut harness, egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .query_by(|node| node.is_focused())
        .unwrap()
        .type_text("2");
    keys += 1;
    keys += press(&mut harness, none, egui::Key::Tab);
    assert_eq!(
        crate::keyboard::focused(&harness).as_deref(),
        Some("Two-sided")
    );
    keys += press(&mut harness, none, egui::Key::Space);
    // Releasable at, Save PDF…, Print: a few frames a key, not `run`,
    // which a loaded machine's typesetting could keep busy.
    for _ in 0..3 {
        keys += press(&mut harness, none, egui::Key::Tab);
    }
    assert_eq!(crate::keyboard::focused(&harness).as_deref(), Some("Print"));
    keys += press(&mut harness, none, egui::Key::Enter);
    until_shown(&mut harness, "on printer \u{201c}Basement_Mono\u{201d}?");
    harness.get_by_label_contains("2 copies, two-sided.");
    keys += press(&mut harness, none, egui::Key::Enter);
    until_shown(
        &mut harness,
        "Printed on \u{201c}Basement_Mono\u{201d} (job Basement_Mono-7)",
    );
    let log = std::fs::read_to_string(dir.path().join("lp.log")).unwrap();
    assert!(
        log.starts_with("-d Basement_Mono ")
            && log.contains(" -n 2 -o sides=two-sided-long-edge -- "),
        "{log}"
    );
    println!("printed by {keys} key presses");
    assert!(keys <= 20, "{keys} key presses");
}

/// With no meeting open, Ctrl+P says what to do and opens nothing.
#[test]
fn ctrl_p_with_no_meeting_open_says_so() {
    let app = CoalitionDeskApp::with_settings(Settings::default(), Startup::Sample, today());
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut CoalitionDeskApp| app.frame_ui(ui), app);
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::P);
    harness.run();
    assert!(harness.state().workspace().on_top().is_none());
    let said = harness.state().notice().map(|n| n.text.clone());
    assert!(
        said.as_deref()
            .is_some_and(|t| t.starts_with("Open a meeting first")),
        "{said:?}"
    );
}
