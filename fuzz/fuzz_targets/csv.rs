//! Any bytes as CSV text → `csv::parse`: never panics; every problem and warning names a row (and
//! a column) or the whole dataset; whatever is accepted links only http(s) URLs.
#![no_main]

use channel_sprawl::csv;
use libfuzzer_sys::fuzz_target;

fn located(path: &str) -> bool {
    path.is_empty() || path == "company" || path == "title" || path.starts_with("row ")
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for company in [Some("Acme"), None] {
        match csv::parse(&text, company, None) {
            Ok(d) => {
                for w in &d.warnings {
                    assert!(located(&w.path), "warning at {:?}", w.path);
                }
                for s in &d.spaces {
                    assert!(!s.themes.is_empty());
                    if let Some(link) = s.link() {
                        let lower = link.to_ascii_lowercase();
                        assert!(lower.starts_with("http://") || lower.starts_with("https://"), "unsafe link {link:?}");
                    }
                }
            }
            Err(problems) => {
                assert!(!problems.is_empty());
                for p in &problems {
                    assert!(located(&p.path), "problem at {:?}", p.path);
                }
            }
        }
    }
});
