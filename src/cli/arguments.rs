//! The command line's own arguments, refused in one sentence. clap reads
//! them; when it refuses, it prints its error, a usage block and a tip,
//! and exits 2. Here each refusal becomes one sentence naming the value
//! and how to write it, on standard error with exit 1, as every other
//! refusal of the command line; `--help` and `--version` print as clap
//! writes them and exit 0.

use std::process::ExitCode;

use chrono::NaiveDate;
use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::model::{ValueError, typed_values};

/// A date on the command line, read as the window reads a typed one, so
/// both refuse it in the same words ("2026-02-30 is not a date: February
/// 2026 has 28 days.").
pub fn date(text: &str) -> Result<NaiveDate, ValueError> {
    typed_values::read_date(text)
}

/// A count on the command line (`--meetings 200`): a whole number from 0.
pub fn count(text: &str) -> Result<usize, ValueError> {
    let number = typed_values::read_whole_number(text, 0, i64::MAX)?;
    usize::try_from(number)
        .map_err(|_| format!("{text} is too large a number for this machine.").into())
}

/// A seed on the command line: a whole number from 0.
pub fn seed(text: &str) -> Result<u64, ValueError> {
    let number = typed_values::read_whole_number(text, 0, i64::MAX)?;
    u64::try_from(number).map_err(|_| format!("{text} is not a whole number from 0.").into())
}

/// Answers a refusal of clap's: help and version as clap prints them (exit
/// 0), anything else as one sentence on standard error (exit 1). `root` is
/// the program's command, for the names of its sub-commands.
pub fn answer(error: &clap::Error, root: &clap::Command) -> ExitCode {
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            // Help read through a closed pipe has no one left to tell.
            let _ = error.print();
            ExitCode::SUCCESS
        }
        _ => {
            tell!("{}", refusal(error, root));
            ExitCode::FAILURE
        }
    }
}

/// A refusal of clap's as one sentence: what was wrong, naming the value,
/// and how to write it.
pub fn refusal(error: &clap::Error, root: &clap::Command) -> String {
    // A command missing its sub-command carries no usage of its own, but
    // the help clap wrote for it starts with one.
    let rendered = error.render().to_string();
    let usage = text(error.get(ContextKind::Usage))
        .or_else(|| {
            rendered
                .lines()
                .find(|line| line.starts_with("Usage:"))
                .map(str::to_string)
        })
        .map(|usage| usage.trim_start_matches("Usage:").trim().to_string())
        .unwrap_or_default();
    let path = command_path(&usage, root);
    let arg = text(error.get(ContextKind::InvalidArg));
    let flag = arg
        .as_deref()
        .map(|arg| arg.split_whitespace().next().unwrap_or(arg).to_string());
    let value = text(error.get(ContextKind::InvalidValue));
    match (error.kind(), flag, value) {
        (ErrorKind::ValueValidation, flag, value) => match std::error::Error::source(error) {
            Some(reason) => ensure_full_stop(&reason.to_string()),
            None => format!(
                "{} is not a value of {}: see {path} --help.",
                value.unwrap_or_default(),
                flag.unwrap_or_default()
            ),
        },
        (ErrorKind::InvalidValue, Some(flag), Some(value)) => {
            let valid = strings(error.get(ContextKind::ValidValue));
            let write = if valid.is_empty() {
                format!("see {path} --help")
            } else {
                format!("write {}", one_of(&valid))
            };
            if value.is_empty() {
                format!("{flag} needs a value: {write}.")
            } else {
                format!("{value} is not a value of {flag}: {write}.")
            }
        }
        (ErrorKind::UnknownArgument, Some(flag), _) => {
            let suggested = strings(error.get(ContextKind::SuggestedArg))
                .into_iter()
                .chain(strings(error.get(ContextKind::SuggestedSubcommand)))
                .next();
            match suggested {
                Some(suggested) => format!(
                    "{flag} is not an argument of {path}: did you mean {suggested}? (see {path} --help)"
                ),
                None if flag.starts_with('-') => {
                    format!("{flag} is not an option of {path}: see {path} --help.")
                }
                None => format!("{flag} is one argument too many: write {usage}."),
            }
        }
        (ErrorKind::InvalidSubcommand, _, _) => {
            let typed = text(error.get(ContextKind::InvalidSubcommand)).unwrap_or_default();
            format!(
                "{typed} is not a command of {path}: write one of {}.",
                sub_commands(root, &path).join(", ")
            )
        }
        (ErrorKind::MissingRequiredArgument, _, _) => {
            let missing = strings(error.get(ContextKind::InvalidArg));
            format!("{path} needs {}: write {usage}.", all_of(&missing))
        }
        (
            ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand,
            _,
            _,
        ) => {
            format!(
                "{path} needs a command: write one of {}.",
                sub_commands(root, &path).join(", ")
            )
        }
        _ => {
            // What no arm above words: clap's own first line, which names
            // the argument, and where the full usage is.
            let first = rendered
                .lines()
                .next()
                .unwrap_or_default()
                .trim_start_matches("error:")
                .trim()
                .to_string();
            format!("{}: see {path} --help.", capitalised(&first))
        }
    }
}

/// A piece of clap's context as plain text.
fn text(value: Option<&ContextValue>) -> Option<String> {
    match value? {
        ContextValue::String(text) => Some(text.clone()),
        ContextValue::StyledStr(text) => Some(text.to_string()),
        ContextValue::Strings(texts) => Some(texts.join(", ")),
        _ => None,
    }
}

/// A list in clap's context, one entry per value.
fn strings(value: Option<&ContextValue>) -> Vec<String> {
    match value {
        Some(ContextValue::String(text)) => vec![text.clone()],
        Some(ContextValue::Strings(texts)) => texts.clone(),
        Some(ContextValue::StyledStr(text)) => vec![text.to_string()],
        Some(ContextValue::StyledStrs(texts)) => texts.iter().map(ToString::to_string).collect(),
        _ => Vec::new(),
    }
}

/// The command a usage line is of: its words before the first argument
/// (`coalition-desk export` of `coalition-desk export <COMMAND>`); the
/// program's name when there is no usage.
fn command_path(usage: &str, root: &clap::Command) -> String {
    let words: Vec<&str> = usage
        .split_whitespace()
        .take_while(|word| !word.starts_with(['<', '[', '-']))
        .collect();
    if words.is_empty() {
        root.get_name().to_string()
    } else {
        words.join(" ")
    }
}

/// The names of the sub-commands of the command at `path`, in the order
/// `--help` lists them.
fn sub_commands(root: &clap::Command, path: &str) -> Vec<String> {
    let mut command = root;
    for word in path.split_whitespace().skip(1) {
        match command.find_subcommand(word) {
            Some(found) => command = found,
            None => break,
        }
    }
    command
        .get_subcommands()
        .filter(|sub| !sub.is_hide_set())
        .map(|sub| sub.get_name().to_string())
        .collect()
}

/// "a4 or letter", "a, b or c".
fn one_of(values: &[String]) -> String {
    listed(values, "or")
}

/// "--meeting <MEETING> and --on <ON>".
fn all_of(values: &[String]) -> String {
    listed(values, "and")
}

fn listed(values: &[String], last: &str) -> String {
    match values {
        [] => String::new(),
        [only] => only.clone(),
        [rest @ .., final_one] => format!("{} {last} {final_one}", rest.join(", ")),
    }
}

fn ensure_full_stop(sentence: &str) -> String {
    let sentence = sentence.trim_end();
    if sentence.ends_with(['.', '?', '!']) {
        sentence.to_string()
    } else {
        format!("{sentence}.")
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
