//! Checks shared by the fuzz targets: what any output of `dataset::parse` and of grouping must
//! satisfy. Each check panics (an `assert!`) so that libFuzzer records the input as a crash.
#![allow(dead_code)]

use channel_sprawl::dataset::{Dataset, Problem, MAX_PROBLEMS};
use channel_sprawl::group::{self, fold, group, Group, GroupBy, OTHER};
use channel_sprawl::palette::LIGHT;

/// Fold thresholds tried on every grouping: odd ones included (negative, above 1, NaN).
pub const THRESHOLDS: [f64; 10] = [-1.0, 0.0, 0.001, 0.02, 0.1, 0.25, 0.5, 1.0, 2.0, f64::NAN];

/// `path` is empty or names a field under one of the top-level keys.
pub fn path_is_known(path: &str) -> bool {
    path.is_empty()
        || ["company", "title", "as_of", "themes", "spaces"]
            .iter()
            .any(|top| path.strip_prefix(top).is_some_and(|rest| rest.is_empty() || rest.starts_with('[') || rest.starts_with('.')))
}

/// What `dataset::parse` promises about its result, valid or not.
pub fn check_parsed(result: &Result<Dataset, Vec<Problem>>) {
    match result {
        Ok(d) => {
            assert!(!d.company.trim().is_empty(), "empty company accepted");
            for w in &d.warnings {
                assert!(path_is_known(&w.path), "warning at unknown path {:?}", w.path);
                let _ = w.to_string();
            }
            for s in &d.spaces {
                assert!(!s.themes.is_empty(), "a space without theme: {s:?}");
                assert!(s.themes.iter().all(|&t| t < d.themes.len()), "theme index out of range: {:?}", s.themes);
                let mut sorted = s.themes.clone();
                sorted.sort_unstable();
                sorted.dedup();
                assert_eq!(sorted.len(), s.themes.len(), "repeated theme: {:?}", s.themes);
                if let Some(c) = &s.country {
                    assert!(c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()), "country {c:?}");
                }
                if let Some(a) = s.audience {
                    assert!(a.is_finite() && a >= 0.0, "audience {a}");
                }
                if let Some(link) = s.link() {
                    let lower = link.to_ascii_lowercase();
                    assert!(lower.starts_with("http://") || lower.starts_with("https://"), "unsafe link {link:?}");
                    assert!(!link.chars().any(char::is_control), "control character in link {link:?}");
                }
            }
            let mut ids: Vec<&str> = d.themes.iter().map(|t| t.id.as_str()).collect();
            ids.sort_unstable();
            ids.dedup();
            assert_eq!(ids.len(), d.themes.len(), "duplicate theme ids");
            assert!(d.used_themes() <= d.themes.len());
            assert_eq!(d.platform_keys().count(), d.spaces.len());
        }
        Err(problems) => {
            assert!(!problems.is_empty() && problems.len() <= MAX_PROBLEMS, "{} problems", problems.len());
            for p in problems {
                assert!(path_is_known(&p.path), "problem at unknown path {:?}: {p}", p.path);
                let _ = p.to_string();
            }
        }
    }
}

/// Groups `d` by every field, with and without dedupe, and folds each grouping at every threshold:
/// no space dropped, dedupe never counts more, folding keeps the total and never leaves a group
/// alone in "Other".
pub fn check_grouping(d: &Dataset) {
    let (_, plain_units) = group::units(d, false);
    let (dedupe_ids, dedupe_units) = group::units(d, true);
    assert_eq!(plain_units, d.spaces.len());
    assert!(dedupe_units <= plain_units);
    assert!(dedupe_ids.iter().all(|&u| u < dedupe_units));
    for by in GroupBy::ALL {
        let plain = group(d, by, false, &LIGHT);
        let deduped = group(d, by, true, &LIGHT);
        let members = match by {
            GroupBy::Theme => d.spaces.iter().map(|s| s.themes.len()).sum(),
            _ => d.spaces.len(),
        };
        for (dedupe, groups) in [(false, &plain), (true, &deduped)] {
            let total: usize = groups.iter().map(|g| g.count).sum();
            assert_eq!(groups.iter().map(|g| g.spaces.len()).sum::<usize>(), members, "by {} dedupe {dedupe}", by.as_str());
            if !dedupe {
                assert_eq!(total, members, "by {}", by.as_str());
            }
            for g in groups.iter() {
                assert!(g.count > 0 && g.count == g.units.len() && g.units.len() <= g.spaces.len(), "group {g:?}");
                assert!(g.spaces.windows(2).all(|w| w[0] < w[1]), "members out of order in {:?}", g.key);
            }
            let mut keys: Vec<&str> = groups.iter().map(|g| g.key.as_str()).collect();
            keys.sort_unstable();
            keys.dedup();
            assert_eq!(keys.len(), groups.len(), "duplicate keys by {}", by.as_str());
            for below in THRESHOLDS {
                check_fold(groups, below, total);
            }
        }
        assert_eq!(plain.len(), deduped.len());
        for g in &deduped {
            let p = plain.iter().find(|p| p.key == g.key).expect("dedupe keeps the groups");
            assert!(g.count <= p.count, "{}: {} with dedupe, {} without", g.key, g.count, p.count);
        }
    }
}

fn check_fold(groups: &[Group], below: f64, total: usize) {
    let folded = fold(groups.to_vec(), below, &[], &LIGHT);
    assert_eq!(folded.iter().map(|g| g.count).sum::<usize>(), total, "fold at {below} changed the total");
    // The folded group is the one that lists what it holds (a theme may be *named* "~other").
    let others: Vec<usize> = (0..folded.len()).filter(|&i| !folded[i].folded.is_empty()).collect();
    match others[..] {
        [] => assert_eq!(folded, groups, "fold at {below} changed groups without an Other"),
        [i] => {
            let other = &folded[i];
            assert_eq!(i, folded.len() - 1, "Other is not last");
            assert_eq!(other.key, OTHER);
            assert!(other.folded.len() >= 2, "a group alone in Other: {:?}", other.folded);
            assert_eq!(folded.len() - 1 + other.folded.len(), groups.len());
        }
        _ => panic!("several Other groups at {below}"),
    }
}
