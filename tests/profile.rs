//! The sprawl profile against hand-computed figures.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use channel_sprawl::dataset;
use channel_sprawl::profile::{days, profile, Verdict};
use serde_json::json;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-12
}

#[test]
fn a_small_company_by_hand() {
    // 4 spaces: twitter ×3 (two copies of one function), forum ×1.
    // Themes: support ×3, promo ×2 (memberships: 5).
    let d = common::dataset(json!({
        "company": "Acme", "as_of": "2010-10-29",
        "spaces": [
            {"name": "@A", "platform": "twitter", "themes": ["support"], "function": "a", "country": "US", "department": "Care", "last_post": "2010-10-01"},
            {"name": "@A_UK", "platform": "X", "themes": ["support"], "function": "a", "country": "GB", "last_post": "2009-01-01"},
            {"name": "@Deals", "platform": "twitter", "themes": ["promo"], "country": "US", "department": "Sales"},
            {"name": "Forum", "platform": "forum", "themes": ["support", "promo"], "department": "Care", "last_post": "2010-04-01"}
        ]
    }));
    let p = profile(&d);
    assert_eq!((p.spaces, p.functions, p.themes, p.countries), (4, 3, 2, 2));
    assert!(close(p.replication, 4.0 / 3.0));
    assert_eq!(p.platforms, [("Twitter".to_owned(), 3), ("Forum".to_owned(), 1)]);
    // Platforms: (3/4)² + (1/4)² = 0.625 → focused. Themes: (3/5)² + (2/5)² = 0.52.
    assert!(close(p.platform_hhi, 0.625));
    assert!(close(p.theme_hhi, 0.52));
    assert_eq!(Verdict::of(p.platform_hhi), Verdict::Focused);
    // Dated: 28 days, 666 days, 211 days before as_of → 2 of 3 dormant (> 180 days).
    assert!(close(p.dormant.unwrap(), 2.0 / 3.0));
    // One of four has no department.
    assert!(close(p.unowned, 0.25));
}

#[test]
fn no_as_of_means_no_dormancy_figure() {
    let d =
        common::dataset(json!({"company": "A", "spaces": [{"name": "a", "platform": "b", "themes": ["t"], "last_post": "2001-01-01"}]}));
    assert_eq!(profile(&d).dormant, None);
}

#[test]
fn verdict_thresholds() {
    assert_eq!(Verdict::of(1.0), Verdict::Focused);
    assert_eq!(Verdict::of(0.25), Verdict::Focused);
    assert_eq!(Verdict::of(0.2), Verdict::Balanced);
    assert_eq!(Verdict::of(0.15), Verdict::Balanced);
    assert_eq!(Verdict::of(0.1), Verdict::Sprawling);
}

#[test]
fn dell_sprawls_and_bt_focuses() {
    let read = |name: &str| {
        let text = std::fs::read_to_string(format!("{}/www/data/{name}.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
        dataset::parse_json(&text).unwrap()
    };
    let (dell, bt) = (profile(&read("dell")), profile(&read("bt")));
    assert_eq!(dell.platforms[0], ("Twitter".to_owned(), 45));
    assert!(dell.replication > 1.4, "{}", dell.replication);
    assert_eq!(Verdict::of(dell.theme_hhi), Verdict::Sprawling);
    assert!(bt.platform_hhi > dell.platform_hhi);
    assert!(close(bt.replication, 1.0));
}

#[test]
fn days_since_the_epoch() {
    assert_eq!(days("1970-01-01"), Some(0));
    assert_eq!(days("2000-03-01"), Some(11017));
    assert_eq!(days("2010-10-29"), Some(14911));
    assert_eq!(days("2010-10-29T12:00:00Z"), Some(14911));
    assert_eq!(days("29/10/2010"), None);
}
