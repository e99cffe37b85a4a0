//! Every problem the core can report is worded in every language of the loader's table
//! (`js/i18n.js`), so a French reader never sees an untranslated error.
#![cfg(not(target_arch = "wasm32"))]

use channel_sprawl::dataset::{Problem, CODES};

/// The text of one language's table: from `  <lang>: {` to the next language or the end.
fn language_table<'a>(source: &'a str, lang: &str) -> &'a str {
    let start = source.find(&format!("\n  {lang}: {{")).unwrap_or_else(|| panic!("no `{lang}` table in js/i18n.js"));
    let rest = &source[start + 1..];
    let end = rest[1..].find("\n  }").map_or(rest.len(), |e| e + 1);
    &rest[..end]
}

#[test]
fn every_problem_code_is_worded_in_english_and_french() {
    let source = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/js/i18n.js")).unwrap();
    for lang in ["en", "fr"] {
        let table = language_table(&source, lang);
        let problems = &table[table.find("problems: {").unwrap_or_else(|| panic!("{lang}: no problems table"))..];
        for code in CODES {
            let key = if code.contains('-') { format!("\"{code}\":") } else { format!(" {code}:") };
            assert!(problems.contains(&key), "{lang}: no wording for the problem code `{code}`");
        }
    }
}

#[test]
fn every_code_has_an_english_message_in_the_core() {
    for code in CODES {
        let p = Problem { path: "spaces[0].x".into(), code, detail: "D".into() };
        let message = p.message();
        assert!(!message.is_empty() && message != "D", "`{code}` has no message of its own: {message:?}");
    }
}
