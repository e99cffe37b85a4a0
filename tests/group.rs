//! Grouping: which spaces each segment counts, in which order, and how small groups fold.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use channel_sprawl::dataset::Dataset;
use channel_sprawl::group::{self, fold, group, Group, GroupBy, NOT_SET, OTHER};
use channel_sprawl::palette::{Rgb, DARK, LIGHT, LIGHT_PALETTE};
use common::{counts, dataset, expect, space, with};
use serde_json::json;

/// Grouping `d` by `by` gives exactly these `(key, count)` groups, in this order.
#[track_caller]
fn check(d: &Dataset, by: GroupBy, dedupe: bool, expected: &[(&str, usize)]) -> Vec<Group> {
    let groups = group(d, by, dedupe, &LIGHT);
    assert_eq!(counts(&groups), expect(expected), "by {} (dedupe {dedupe})", by.as_str());
    groups
}

fn find<'a>(groups: &'a [Group], key: &str) -> &'a Group {
    groups.iter().find(|g| g.key == key).unwrap_or_else(|| panic!("no group {key:?}"))
}

/// Seven spaces of one company: a careers function copied in three countries, a newsroom in two.
fn acme() -> Dataset {
    dataset(json!({
        "company": "Acme",
        "themes": [{ "id": "jobs" }, { "id": "news" }, { "id": "support" }],
        "spaces": [
            with(space("Careers FR", "LinkedIn", &["jobs"]), json!({ "country": "FR", "department": "HR", "function": "Careers" })),
            with(space("Careers DE", "LinkedIn", &["jobs"]), json!({ "country": "DE", "department": "hr", "function": "careers" })),
            with(space("Careers UK", "X", &["jobs", "news"]), json!({ "country": "GB", "department": "HR", "function": "CAREERS" })),
            with(space("Newsroom", "twitter", &["news"]), json!({ "country": "WW", "department": "Comms", "function": "newsroom" })),
            with(space("Newsroom DE", "Twitter", &["news"]), json!({ "country": "DE", "department": "Comms", "function": "Newsroom" })),
            with(space("Help", "facebook", &["support", "news"]), json!({ "country": "FR" })),
            with(space("Blog", "blog", &["news"]), json!({ "department": "Comms" })),
        ]
    }))
}

// ---------------------------------------------------------------- by theme

#[test]
fn by_theme_a_space_with_several_themes_counts_once_in_each() {
    let groups = check(&acme(), GroupBy::Theme, false, &[("jobs", 3), ("news", 5), ("support", 1)]);
    assert_eq!(find(&groups, "news").spaces, [2, 3, 4, 5, 6]);
    assert_eq!(find(&groups, "support").spaces, [5]);
    assert_eq!(find(&groups, "jobs").label, "Jobs");
}

#[test]
fn dedupe_counts_spaces_sharing_a_function_once_whatever_its_case() {
    // "Careers" in FR, DE and GB is one unit; "newsroom"/"Newsroom" another.
    let groups = check(&acme(), GroupBy::Theme, true, &[("jobs", 1), ("news", 4), ("support", 1)]);
    assert_eq!(group::units(&acme(), true).1, 4);
    assert_eq!(group::units(&acme(), false).1, 7);
    // Members are all still there; the counted unit is the first space of each function.
    assert_eq!(find(&groups, "jobs").spaces, [0, 1, 2]);
    assert_eq!(find(&groups, "jobs").units, [0]);
    assert_eq!(find(&groups, "news").units, [2, 3, 5, 6]);
}

#[test]
fn dedupe_counts_the_copies_of_a_function_once_per_group() {
    // Careers FR, DE and UK are one unit, but each country still has it once.
    check(&acme(), GroupBy::Country, true, &[("FR", 2), ("DE", 2), ("GB", 1), ("WW", 1), (NOT_SET, 1)]);
    check(&acme(), GroupBy::Platform, true, &[("twitter", 2), ("linkedin", 1), ("facebook", 1), ("blog", 1)]);
    check(&acme(), GroupBy::Department, true, &[("comms", 2), ("hr", 1), (NOT_SET, 1)]);
}

#[test]
fn units_give_every_space_its_own_unit_without_dedupe_and_shared_ones_with_it() {
    assert_eq!(group::units(&acme(), false).0, [0, 1, 2, 3, 4, 5, 6]);
    // Careers ×3 → 0, newsroom ×2 → 1, then the two spaces without a function.
    assert_eq!(group::units(&acme(), true).0, [0, 0, 0, 1, 1, 2, 3]);
}

#[test]
fn dedupe_never_increases_any_count() {
    let d = acme();
    for by in GroupBy::ALL {
        let plain = group(&d, by, false, &LIGHT);
        let deduped = group(&d, by, true, &LIGHT);
        assert_eq!(plain.len(), deduped.len(), "dedupe drops no group (by {})", by.as_str());
        for g in &deduped {
            let before = find(&plain, &g.key).count;
            assert!(g.count <= before, "by {}: {} grew from {before} to {}", by.as_str(), g.key, g.count);
            assert!(g.count >= 1);
        }
    }
}

#[test]
fn listed_themes_keep_the_dataset_order_whatever_their_counts() {
    let d = dataset(json!({
        "company": "Acme",
        "themes": [{ "id": "news" }, { "id": "unused" }, { "id": "jobs" }],
        "spaces": [
            space("s1", "blog", &["jobs", "zeta"]),
            space("s2", "blog", &["alpha"]),
            space("s3", "blog", &["alpha", "jobs"]),
            space("s4", "blog", &["omega"]),
            space("s5", "blog", &["news"]),
        ]
    }));
    // Listed first in their order (the unused one left out), then unlisted largest first,
    // ties (zeta, omega) in order of first appearance.
    check(&d, GroupBy::Theme, false, &[("news", 1), ("jobs", 2), ("alpha", 2), ("zeta", 1), ("omega", 1)]);
}

#[test]
fn a_theme_keeps_its_dataset_colour_or_the_palette_colour_of_its_position_in_the_list() {
    let d = dataset(json!({
        "company": "Acme",
        "themes": [{ "id": "news" }, { "id": "jobs", "color": "#123456" }, { "id": "hr" }],
        "spaces": [space("a", "blog", &["hr", "jobs"]), space("b", "blog", &["other"])]
    }));
    let groups = check(&d, GroupBy::Theme, false, &[("jobs", 1), ("hr", 1), ("other", 1)]);
    assert_eq!(find(&groups, "jobs").color, Rgb(0x12, 0x34, 0x56));
    // "news" (position 0) has no space, yet "hr" keeps the colour of position 2.
    assert_eq!(find(&groups, "hr").color, LIGHT_PALETTE[2]);
    assert_eq!(find(&groups, "other").color, LIGHT_PALETTE[3]);
    let dark = group(&d, GroupBy::Theme, false, &DARK);
    assert_eq!(find(&dark, "hr").color, DARK.palette[2]);
    assert_eq!(find(&dark, "jobs").color, Rgb(0x12, 0x34, 0x56), "a dataset colour holds in both schemes");
}

// ---------------------------------------------------------------- by platform, department, country

#[test]
fn by_platform_x_and_twitter_are_one_group_keyed_twitter() {
    let groups = check(&acme(), GroupBy::Platform, false, &[("twitter", 3), ("linkedin", 2), ("facebook", 1), ("blog", 1)]);
    assert_eq!(find(&groups, "twitter").spaces, [2, 3, 4]);
    let labels: Vec<&str> = groups.iter().map(|g| g.label.as_str()).collect();
    assert_eq!(labels, ["Twitter", "LinkedIn", "Facebook", "Blog"]);
    let keys: Vec<String> = acme().platform_keys().collect();
    assert_eq!(keys, ["linkedin", "linkedin", "twitter", "twitter", "twitter", "facebook", "blog"]);
}

#[test]
fn a_platform_is_keyed_by_its_own_name_spellings_of_a_known_one_aside() {
    // SPEC: the key is the lower-case platform name. A product (Yammer) keeps its name rather
    // than become the kind of platform it is; spellings of Twitter, Facebook, forums are theirs.
    for (name, key) in [("Yammer", "yammer"), ("Twitter / X", "twitter"), ("X", "twitter"), ("fb", "facebook"), ("Forums", "forum")] {
        let d = dataset(json!({ "company": "Acme", "spaces": [space("a", name, &["x"])] }));
        assert_eq!(d.platform_keys().collect::<Vec<_>>(), [key], "{name}");
    }
}

#[test]
fn an_unknown_platform_is_keyed_in_lower_case_and_labelled_as_first_written() {
    let d = dataset(json!({
        "company": "Acme",
        "spaces": [space("a", "Discord", &["x"]), space("b", "DISCORD", &["x"]), space("c", "Mastodon", &["x"])]
    }));
    let groups = check(&d, GroupBy::Platform, false, &[("discord", 2), ("mastodon", 1)]);
    assert_eq!(groups[0].label, "Discord");
}

#[test]
fn by_department_case_is_ignored_and_missing_values_go_last_to_not_set() {
    let groups = check(&acme(), GroupBy::Department, false, &[("hr", 3), ("comms", 3), (NOT_SET, 1)]);
    assert_eq!(find(&groups, "hr").label, "HR", "the label is the first spelling met");
    assert_eq!(find(&groups, NOT_SET).label, "", "the interface names the not-set group");
    assert_eq!(find(&groups, NOT_SET).spaces, [5]);
}

#[test]
fn by_country_missing_values_go_last_to_not_set() {
    check(&acme(), GroupBy::Country, false, &[("FR", 2), ("DE", 2), ("GB", 1), ("WW", 1), (NOT_SET, 1)]);
}

#[test]
fn not_set_is_last_even_when_it_is_the_largest_group() {
    let d = dataset(json!({
        "company": "Acme",
        "spaces": [
            space("a", "blog", &["x"]),
            with(space("b", "blog", &["x"]), json!({ "country": "fr" })),
            space("c", "blog", &["x"]),
            space("d", "blog", &["x"]),
        ]
    }));
    check(&d, GroupBy::Country, false, &[("FR", 1), (NOT_SET, 3)]);
    check(&d, GroupBy::Department, false, &[(NOT_SET, 4)]);
}

#[test]
fn other_groupings_are_ordered_largest_first_ties_in_order_of_first_appearance() {
    let d = dataset(json!({
        "company": "Acme",
        "spaces": [
            space("a", "wiki", &["x"]),
            space("b", "forum", &["x"]),
            space("c", "blog", &["x"]),
            space("d", "blog", &["x"]),
            space("e", "forums", &["x"]),
            space("f", "youtube", &["x"]),
        ]
    }));
    check(&d, GroupBy::Platform, false, &[("forum", 2), ("blog", 2), ("wiki", 1), ("youtube", 1)]);
}

#[test]
fn other_groupings_take_palette_colours_in_display_order_and_not_set_is_neutral() {
    let groups = check(&acme(), GroupBy::Department, false, &[("hr", 3), ("comms", 3), (NOT_SET, 1)]);
    let colors: Vec<Rgb> = groups.iter().map(|g| g.color).collect();
    assert_eq!(colors, [LIGHT_PALETTE[0], LIGHT_PALETTE[1], LIGHT.neutral]);
}

#[test]
fn group_by_parses_its_attribute_value() {
    assert_eq!(GroupBy::parse(" Platform "), Some(GroupBy::Platform));
    assert_eq!(GroupBy::parse("COUNTRY"), Some(GroupBy::Country));
    assert_eq!(GroupBy::parse("colour"), None);
    for by in GroupBy::ALL {
        assert_eq!(GroupBy::parse(by.as_str()), Some(by));
    }
}

// ---------------------------------------------------------------- folding into "Other"

/// A company whose spaces are spread over platforms as given: `[("linkedin", 60), …]`.
fn platforms(spread: &[(&str, usize)]) -> Dataset {
    let spaces: Vec<serde_json::Value> =
        spread.iter().flat_map(|&(platform, n)| (0..n).map(move |i| space(&format!("{platform} {i}"), platform, &["x"]))).collect();
    dataset(json!({ "company": "Acme", "spaces": spaces }))
}

fn by_platform(spread: &[(&str, usize)]) -> Vec<Group> {
    group(&platforms(spread), GroupBy::Platform, false, &LIGHT)
}

fn total(groups: &[Group]) -> usize {
    groups.iter().map(|g| g.count).sum()
}

#[test]
fn groups_under_the_threshold_fold_into_other_placed_last() {
    let groups = by_platform(&[("linkedin", 60), ("wiki", 1), ("blog", 37), ("forum", 1), ("flickr", 1)]);
    let folded = fold(groups, 0.02, &[], &LIGHT);
    // 1 of 100 is under 2 %; the kept groups stay in order.
    assert_eq!(counts(&folded), expect(&[("linkedin", 60), ("blog", 37), (OTHER, 3)]));
    let other = &folded[2];
    assert_eq!(other.folded, ["wiki", "forum", "flickr"]);
    assert_eq!(other.color, LIGHT.neutral);
    assert_eq!(other.label, "");
    assert_eq!(other.spaces, [60, 98, 99], "member spaces in dataset order");
    assert_eq!(total(&folded), 100);
}

#[test]
fn groups_to_keep_stay_out_of_other_and_one_small_group_left_is_not_folded_alone() {
    let groups = by_platform(&[("linkedin", 60), ("wiki", 1), ("blog", 37), ("forum", 1), ("flickr", 1)]);
    // A comparison keeps what another company shows: here wiki.
    let folded = fold(groups.clone(), 0.02, &["wiki".to_owned()], &LIGHT);
    assert_eq!(counts(&folded), expect(&[("linkedin", 60), ("blog", 37), ("wiki", 1), (OTHER, 2)]));
    let alone = fold(groups, 0.02, &["wiki".to_owned(), "forum".to_owned()], &LIGHT);
    assert!(alone.iter().all(|g| g.key != OTHER), "flickr alone is not an Other");
}

#[test]
fn a_group_at_exactly_the_threshold_does_not_fold() {
    // 2 of 100 is 2 %, not under it: only wiki and flickr fold.
    let folded = fold(by_platform(&[("linkedin", 96), ("blog", 2), ("wiki", 1), ("flickr", 1)]), 0.02, &[], &LIGHT);
    assert_eq!(counts(&folded), expect(&[("linkedin", 96), ("blog", 2), (OTHER, 2)]));
}

#[test]
fn a_single_small_group_is_never_folded_alone() {
    let groups = by_platform(&[("linkedin", 97), ("blog", 2), ("wiki", 1)]);
    let before = counts(&groups);
    let folded = fold(groups, 0.02, &[], &LIGHT);
    assert_eq!(counts(&folded), before);
    assert!(folded.iter().all(|g| g.key != OTHER));
}

#[test]
fn folding_preserves_the_total_even_with_multi_theme_spaces() {
    let mut spaces: Vec<serde_json::Value> = (0..60).map(|i| space(&format!("big {i}"), "blog", &["big"])).collect();
    spaces.push(space("both", "blog", &["tiny-a", "tiny-b"]));
    spaces.push(space("c", "blog", &["tiny-c"]));
    let d = dataset(json!({ "company": "Acme", "spaces": spaces }));
    let groups = group(&d, GroupBy::Theme, false, &LIGHT);
    assert_eq!(total(&groups), 63);
    let folded = fold(groups, 0.02, &[], &LIGHT);
    // "both" counts once in tiny-a and once in tiny-b, as it did before folding.
    assert_eq!(counts(&folded), expect(&[("big", 60), (OTHER, 3)]));
    assert_eq!(folded[1].folded, ["tiny-a", "tiny-b", "tiny-c"]);
    assert_eq!(folded[1].spaces, [60, 61], "a member space is listed once");
}

#[test]
fn nothing_folds_with_a_zero_threshold_or_no_groups() {
    let groups = by_platform(&[("linkedin", 98), ("wiki", 1), ("flickr", 1)]);
    assert_eq!(fold(groups.clone(), 0.0, &[], &LIGHT), groups);
    assert!(fold(Vec::new(), 0.02, &[], &LIGHT).is_empty());
}

#[test]
fn where_almost_every_group_is_under_the_threshold_the_largest_stay_so_the_chart_is_not_one_grey_ring() {
    // 200 platforms, each under 2 %: the five largest stay (the first of equal ones), the rest fold.
    let spread: Vec<(String, usize)> =
        (0..200).map(|i| (format!("p{i:03}"), if i == 150 { 3 } else { 1 + usize::from(i % 7 == 0) })).collect();
    let spread: Vec<(&str, usize)> = spread.iter().map(|(p, n)| (p.as_str(), *n)).collect();
    let groups = by_platform(&spread);
    let all = total(&groups);
    let folded = fold(groups, 0.02, &[], &LIGHT);
    assert_eq!(folded.len(), channel_sprawl::group::LEAST_SHOWN + 1);
    let kept: Vec<(&str, usize)> = folded.iter().take(5).map(|g| (g.key.as_str(), g.count)).collect();
    // Grouped by platform, groups go largest first: p150 (3), then the first platforms of 2.
    assert_eq!(kept, [("p150", 3), ("p000", 2), ("p007", 2), ("p014", 2), ("p021", 2)]);
    assert_eq!(folded[5].key, OTHER);
    assert_eq!(total(&folded), all, "the total is kept");
    // Two large groups and many small ones: three of the small stay beside them.
    let mut spread = vec![("big", 500), ("large", 300)];
    spread.extend([("a", 5), ("b", 4), ("c", 3), ("d", 2), ("e", 1), ("f", 1)]);
    let folded = fold(by_platform(&spread), 0.02, &[], &LIGHT);
    assert_eq!(counts(&folded), expect(&[("big", 500), ("large", 300), ("a", 5), ("b", 4), ("c", 3), (OTHER, 4)]));
    // Few groups: as before, those under the threshold fold.
    let folded = fold(by_platform(&[("linkedin", 96), ("blog", 2), ("wiki", 1), ("flickr", 1)]), 0.02, &[], &LIGHT);
    assert_eq!(counts(&folded), expect(&[("linkedin", 96), ("blog", 2), (OTHER, 2)]));
}
