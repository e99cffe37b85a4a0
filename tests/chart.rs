//! The chart state machine: each action, the state it leaves, and the `Change` it reports.
//!
//! The chart is 320 × 320 CSS px: centre (160, 160), outer radius 160 − 12 (padding) = 148,
//! hole 0.58 × 148 ≈ 85.8. With themes a = 2, b = 1, c = 1 spaces, segment a runs from twelve to
//! six o'clock, b from six to nine, c from nine to twelve.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use channel_sprawl::chart::{Action, Change, Chart, Key, Options};
use channel_sprawl::dataset::Dataset;
use channel_sprawl::geometry::{Segment, Shape};
use channel_sprawl::group::{GroupBy, NOT_SET, OTHER};
use channel_sprawl::palette::{Scheme, DARK, LIGHT_PALETTE};
use common::{counts, dataset, expect, space, with};
use serde_json::json;
use std::f64::consts::{PI, TAU};

/// Points in CSS pixels, about 117 px from the centre.
const IN_A: (f64, f64) = (277.0, 160.0); // three o'clock
const IN_B: (f64, f64) = (77.0, 243.0); // half past seven
const IN_C: (f64, f64) = (77.0, 77.0); // half past ten
const HOLE: (f64, f64) = (160.0, 160.0);
const OUTSIDE: (f64, f64) = (5.0, 5.0);
const ON_SIX: (f64, f64) = (160.0, 277.0); // the boundary between a and b

const NOTHING: Change = Change { redraw: false, view: false, selection: false, pointer: false };
const POINTER: Change = Change { redraw: true, view: false, selection: false, pointer: true };
const SELECTION: Change = Change { redraw: true, view: false, selection: true, pointer: true };
const VIEW: Change = Change { redraw: true, view: true, selection: false, pointer: true };
const VIEW_AND_SELECTION: Change = Change { redraw: true, view: true, selection: true, pointer: true };
const REDRAW: Change = Change { redraw: true, view: false, selection: false, pointer: false };

fn abc() -> Dataset {
    dataset(json!({
        "company": "Acme",
        "themes": [{ "id": "a" }, { "id": "b" }, { "id": "c" }],
        "spaces": [
            with(space("a1", "LinkedIn", &["a"]), json!({ "department": "HR", "country": "FR", "function": "careers" })),
            with(space("a2", "LinkedIn", &["a"]), json!({ "department": "HR", "function": "Careers" })),
            with(space("b1", "X", &["b"]), json!({ "department": "Comms" })),
            with(space("c1", "blog", &["c"]), json!({ "country": "DE" })),
        ]
    }))
}

fn chart() -> Chart {
    Chart::new(abc(), Options::default())
}

/// `action` reports `expected`.
#[track_caller]
fn check(chart: &mut Chart, action: Action, expected: Change) {
    let label = format!("{action:?}");
    assert_eq!(chart.apply(action), expected, "after {label}");
}

fn keys(chart: &Chart) -> Vec<&str> {
    chart.groups.iter().map(|g| g.key.as_str()).collect()
}

fn hit(chart: &Chart, (x, y): (f64, f64)) -> Option<&str> {
    chart.segment_at(x, y).map(|i| chart.groups[i].key.as_str())
}

fn arcs(chart: &Chart) -> Vec<(f64, f64)> {
    chart
        .layout
        .segments
        .iter()
        .map(|s| match *s {
            Segment::Arc { start, end } => (start, end),
            Segment::Rect { .. } => panic!("not a ring"),
        })
        .collect()
}

#[track_caller]
fn check_arcs(chart: &Chart, expected: &[(f64, f64)]) {
    let got = arcs(chart);
    assert_eq!(got.len(), expected.len(), "{got:?}");
    for (g, e) in got.iter().zip(expected) {
        assert!((g.0 - e.0).abs() < 1e-9 && (g.1 - e.1).abs() < 1e-9, "got {got:?}, expected {expected:?}");
    }
}

#[test]
fn a_new_chart_shows_every_group_with_nothing_selected() {
    let c = chart();
    assert_eq!(keys(&c), ["a", "b", "c"]);
    assert_eq!((c.selected.as_deref(), c.hovered, c.focused, c.has_focus), (None, None, None, false));
    check_arcs(&c, &[(0.0, PI), (PI, 1.5 * PI), (1.5 * PI, TAU)]);
    assert_eq!(c.colors(), LIGHT_PALETTE[..3]);
    assert_eq!(c.units, 4);
    assert_eq!((hit(&c, IN_A), hit(&c, IN_B), hit(&c, IN_C)), (Some("a"), Some("b"), Some("c")));
    assert_eq!((hit(&c, HOLE), hit(&c, OUTSIDE), hit(&c, ON_SIX)), (None, None, None));
}

// ---------------------------------------------------------------- pointer

#[test]
fn hover_follows_the_pointer_and_reports_only_changes() {
    let mut c = chart();
    check(&mut c, Action::Hover(Some(IN_A)), POINTER);
    assert_eq!(c.hovered, Some(0));
    check(&mut c, Action::Hover(Some((280.0, 150.0))), NOTHING); // still over a
    check(&mut c, Action::Hover(Some(IN_C)), POINTER);
    assert_eq!(c.hovered, Some(2));
    check(&mut c, Action::Hover(Some(HOLE)), POINTER);
    assert_eq!(c.hovered, None);
    check(&mut c, Action::Hover(Some(IN_B)), POINTER);
    check(&mut c, Action::Hover(None), POINTER);
    assert_eq!(c.hovered, None);
    check(&mut c, Action::Hover(None), NOTHING);
    assert_eq!(c.emphasis().hovered, None);
}

#[test]
fn a_click_selects_the_segment_and_a_second_click_clears_it() {
    let mut c = chart();
    check(&mut c, Action::Click(IN_B.0, IN_B.1), SELECTION);
    assert_eq!(c.selected.as_deref(), Some("b"));
    assert_eq!((c.selected_index(), c.focused), (Some(1), Some(1)));
    assert_eq!(c.selected_group().map(|g| g.spaces.clone()), Some(vec![2]));
    check(&mut c, Action::Click(IN_A.0, IN_A.1), SELECTION);
    assert_eq!(c.selected.as_deref(), Some("a"));
    check(&mut c, Action::Click(IN_A.0, IN_A.1), SELECTION);
    assert_eq!(c.selected, None);
}

#[test]
fn a_click_on_empty_space_clears_the_selection() {
    let mut c = chart();
    check(&mut c, Action::Click(HOLE.0, HOLE.1), NOTHING);
    check(&mut c, Action::Click(IN_C.0, IN_C.1), SELECTION);
    check(&mut c, Action::Click(OUTSIDE.0, OUTSIDE.1), SELECTION);
    assert_eq!(c.selected, None);
    check(&mut c, Action::Click(ON_SIX.0, ON_SIX.1), NOTHING);
}

#[test]
fn a_tap_selects_a_segment_and_shows_it_and_again_clears_both() {
    let mut c = chart();
    check(&mut c, Action::Tap(IN_A.0, IN_A.1), SELECTION);
    assert_eq!((c.hovered, c.selected.as_deref()), (Some(0), Some("a")));
    // Another segment: selected and shown in its place.
    check(&mut c, Action::Tap(IN_B.0, IN_B.1), SELECTION);
    assert_eq!((c.hovered, c.selected.as_deref()), (Some(1), Some("b")));
    // Again on it: nothing selected, nothing shown.
    check(&mut c, Action::Tap(IN_B.0, IN_B.1), SELECTION);
    assert_eq!((c.hovered, c.selected.as_deref()), (None, None));
    // A tap on empty space clears both too.
    c.apply(Action::Tap(IN_A.0, IN_A.1));
    check(&mut c, Action::Tap(HOLE.0, HOLE.1), SELECTION);
    assert_eq!((c.hovered, c.selected.as_deref()), (None, None));
    check(&mut c, Action::Tap(HOLE.0, HOLE.1), NOTHING);
    // Cleared or changed from elsewhere (the legend, the drill-down's ×), the tapped segment is
    // no longer shown either: no pointer leaves it on a touch screen.
    c.apply(Action::Tap(IN_A.0, IN_A.1));
    check(&mut c, Action::ToggleSelect("b".into()), SELECTION);
    assert_eq!((c.hovered, c.selected.as_deref()), (None, Some("b")));
    c.apply(Action::Tap(IN_A.0, IN_A.1));
    check(&mut c, Action::Select(None), SELECTION);
    assert_eq!(c.hovered, None);
}

#[test]
fn a_segment_shown_is_no_longer_shown_once_the_groups_or_the_shape_change() {
    // A tapped segment (no pointer leaves it) or a hovered one: its index would name another
    // group, or another place, after the change.
    for action in [
        Action::ToggleHidden("a".into()),
        Action::ToggleHidden("c".into()),
        Action::GroupBy(GroupBy::Platform),
        Action::Dedupe(!Options::default().dedupe),
        Action::Shape(Shape::Bar),
        Action::ExpandOther(true),
        Action::KeyOrder(vec!["c".into(), "b".into(), "a".into()]),
    ] {
        let mut c = chart();
        c.apply(Action::Tap(IN_A.0, IN_A.1));
        let change = c.apply(action.clone());
        assert_eq!(c.hovered, None, "{action:?}");
        assert!(change.pointer && change.redraw, "{action:?}");
        let mut c = chart();
        c.apply(Action::Hover(Some(IN_B)));
        c.apply(action.clone());
        assert_eq!(c.hovered, None, "{action:?}");
    }
}

// ---------------------------------------------------------------- keyboard

#[test]
fn focus_starts_on_the_first_segment_or_the_selected_one() {
    let mut c = chart();
    check(&mut c, Action::Focus(true), POINTER);
    assert_eq!((c.focused, c.emphasis().focused), (Some(0), Some(0)));
    check(&mut c, Action::Focus(false), POINTER);
    assert_eq!((c.focused, c.emphasis().focused), (Some(0), None), "the outline shows only with focus");

    let mut c = chart();
    c.apply(Action::Select(Some("c".into())));
    c.apply(Action::Focus(true));
    assert_eq!(c.focused, Some(2));
}

#[test]
fn arrow_keys_move_the_focus_and_wrap_around() {
    let mut c = chart();
    c.apply(Action::Focus(true));
    let mut steps = Vec::new();
    for key in [Key::Next, Key::Next, Key::Next, Key::Previous, Key::Last, Key::First, Key::Previous] {
        check(&mut c, Action::Key(key), POINTER);
        steps.push(c.focused.unwrap());
    }
    assert_eq!(steps, [1, 2, 0, 2, 2, 0, 2]);
    assert_eq!(c.selected, None, "moving the focus selects nothing");
}

#[test]
fn an_arrow_key_takes_over_from_the_pointer() {
    // A mouse resting on a while the keyboard moves on: the tooltip and the announcement follow
    // the focus, and a hover elsewhere takes over again.
    let mut c = chart();
    c.apply(Action::Hover(Some(IN_A)));
    c.apply(Action::Focus(true));
    assert_eq!(c.emphasis().hovered, Some(0));
    check(&mut c, Action::Key(Key::Next), POINTER);
    assert_eq!((c.emphasis().hovered, c.emphasis().focused), (None, Some(1)));
    c.apply(Action::Hover(Some(IN_C)));
    assert_eq!(c.emphasis().hovered, Some(2));
}

#[test]
fn activate_toggles_the_selection_of_the_focused_segment_and_escape_clears_it() {
    let mut c = chart();
    c.apply(Action::Focus(true));
    c.apply(Action::Key(Key::Last));
    check(&mut c, Action::Key(Key::Activate), SELECTION);
    assert_eq!(c.selected.as_deref(), Some("c"));
    assert_eq!(c.emphasis().selected, Some(2));
    check(&mut c, Action::Key(Key::Activate), SELECTION);
    assert_eq!(c.selected, None);
    check(&mut c, Action::Key(Key::Activate), SELECTION);
    check(&mut c, Action::Key(Key::Escape), SELECTION);
    assert_eq!(c.selected, None);
    check(&mut c, Action::Key(Key::Escape), NOTHING);
}

// ---------------------------------------------------------------- selection by key

#[test]
fn select_and_toggle_select_by_key() {
    let mut c = chart();
    check(&mut c, Action::Select(Some("b".into())), SELECTION);
    assert_eq!((c.selected.as_deref(), c.focused), (Some("b"), Some(1)));
    check(&mut c, Action::Select(Some("b".into())), NOTHING);
    check(&mut c, Action::ToggleSelect("c".into()), SELECTION);
    assert_eq!(c.selected.as_deref(), Some("c"));
    check(&mut c, Action::ToggleSelect("c".into()), SELECTION);
    assert_eq!(c.selected, None);
    check(&mut c, Action::Select(None), NOTHING);
}

#[test]
fn select_of_an_unknown_key_is_a_no_op() {
    let mut c = chart();
    check(&mut c, Action::Select(Some("nope".into())), NOTHING);
    assert_eq!(c.selected, None);
}

#[test]

fn select_of_an_unknown_key_keeps_the_current_selection() {
    let mut c = chart();
    c.apply(Action::Select(Some("a".into())));
    check(&mut c, Action::Select(Some("nope".into())), NOTHING);
    assert_eq!(c.selected.as_deref(), Some("a"));
    check(&mut c, Action::ToggleSelect("nope".into()), NOTHING);
    assert_eq!(c.selected.as_deref(), Some("a"));
}

// ---------------------------------------------------------------- options

#[test]
fn group_by_regroups_clears_hidden_groups_and_drops_a_selection_that_no_longer_exists() {
    let mut c = chart();
    c.apply(Action::ToggleHidden("c".into()));
    c.apply(Action::Select(Some("a".into())));
    check(&mut c, Action::GroupBy(GroupBy::Platform), VIEW_AND_SELECTION);
    assert_eq!(counts(&c.groups), expect(&[("linkedin", 2), ("twitter", 1), ("blog", 1)]));
    assert!(c.hidden.is_empty());
    assert_eq!(c.selected, None);
    check(&mut c, Action::GroupBy(GroupBy::Platform), NOTHING);
}

#[test]
fn group_by_clears_a_selection_even_one_whose_key_still_exists() {
    let mut c = chart();
    c.apply(Action::GroupBy(GroupBy::Department));
    assert_eq!(counts(&c.groups), expect(&[("hr", 2), ("comms", 1), (NOT_SET, 1)]));
    c.apply(Action::Select(Some(NOT_SET.into())));
    // Another group under the same key (the spaces with no country, not those with no
    // department): not the reader's selection.
    check(&mut c, Action::GroupBy(GroupBy::Country), VIEW_AND_SELECTION);
    assert_eq!(counts(&c.groups), expect(&[("FR", 1), ("DE", 1), (NOT_SET, 2)]));
    assert_eq!(c.selected, None);
}

#[test]
fn dedupe_recounts_and_relays_out() {
    let mut c = chart();
    check(&mut c, Action::Dedupe(true), VIEW);
    // a1 and a2 share the function "careers": every theme now counts 1.
    assert_eq!(counts(&c.groups), expect(&[("a", 1), ("b", 1), ("c", 1)]));
    assert_eq!(c.units, 3);
    check_arcs(&c, &[(0.0, TAU / 3.0), (TAU / 3.0, 2.0 * TAU / 3.0), (2.0 * TAU / 3.0, TAU)]);
    assert_eq!(hit(&c, (218.0, 261.0)), Some("b"), "five o'clock is b's now");
    check(&mut c, Action::Dedupe(true), NOTHING);
    check(&mut c, Action::Dedupe(false), VIEW);
    assert_eq!(c.units, 4);
    // A selected group whose count changes: the selection is said anew; one that keeps its
    // count is not.
    c.apply(Action::Select(Some("a".into())));
    check(&mut c, Action::Dedupe(true), VIEW_AND_SELECTION);
    assert_eq!(c.selected_group().map(|g| g.count), Some(1));
    c.apply(Action::Select(Some("b".into())));
    check(&mut c, Action::Dedupe(false), VIEW);
}

#[test]
fn copies_are_spaces_that_share_a_function() {
    // a1 "careers" and a2 "Careers": one account, two country copies.
    assert!(chart().copies);
    // Functions that are all different: counting copies once would change nothing.
    let distinct = dataset(json!({
        "company": "Acme",
        "themes": [{ "id": "a" }],
        "spaces": [
            with(space("a1", "X", &["a"]), json!({ "function": "care" })),
            with(space("a2", "Forum", &["a"]), json!({ "function": "care-forums" })),
            space("a3", "Blog", &["a"]),
        ]
    }));
    assert!(!Chart::new(distinct, Options::default()).copies);
}

#[test]
fn a_colour_repeated_past_the_palette_carries_rows_of_dots() {
    let themes: Vec<_> = (0..22).map(|i| json!({ "id": format!("t{i}") })).collect();
    let spaces: Vec<_> = (0..22).map(|i| space(&format!("s{i}"), "blog", &[&format!("t{i}")])).collect();
    let c = Chart::new(dataset(json!({ "company": "Acme", "themes": themes, "spaces": spaces })), Options::default());
    let mut expected = vec![0; 10];
    expected.extend([1; 10]);
    expected.extend([2; 2]);
    assert_eq!(c.twins(), expected, "ten colours, then each again with one row of dots, then two");
}

#[test]
fn shape_changes_the_layout_only() {
    let mut c = chart();
    c.apply(Action::Select(Some("b".into())));
    check(&mut c, Action::Shape(Shape::Bar), VIEW);
    assert_eq!(c.layout.shape, Shape::Bar);
    assert_eq!(c.selected.as_deref(), Some("b"));
    check(&mut c, Action::Shape(Shape::Bar), NOTHING);
    check(&mut c, Action::Shape(Shape::Pie), VIEW);
    assert_eq!(hit(&c, (200.0, 160.0)), Some("a"), "the pie has no hole");
}

#[test]
fn hiding_a_group_renormalises_the_others_to_a_full_turn() {
    let mut c = chart();
    check(&mut c, Action::ToggleHidden("a".into()), VIEW);
    assert_eq!(keys(&c), ["b", "c"]);
    assert_eq!(c.all_groups.len(), 3, "the legend still lists it");
    check_arcs(&c, &[(0.0, PI), (PI, TAU)]);
    assert_eq!(hit(&c, IN_A), Some("b"));
    check(&mut c, Action::ToggleHidden("a".into()), VIEW);
    assert_eq!(keys(&c), ["a", "b", "c"]);
    check(&mut c, Action::ToggleHidden("nope".into()), NOTHING);
    assert!(c.hidden.is_empty());
}

#[test]
fn the_last_group_shown_is_never_hidden() {
    let mut c = chart();
    check(&mut c, Action::ToggleHidden("a".into()), VIEW);
    check(&mut c, Action::ToggleHidden("b".into()), VIEW);
    check(&mut c, Action::ToggleHidden("c".into()), NOTHING);
    assert_eq!(keys(&c), ["c"]);
    assert_eq!(c.hidden, ["a", "b"]);
}

#[test]
fn hiding_the_selected_group_drops_the_selection() {
    let mut c = chart();
    c.apply(Action::Select(Some("b".into())));
    check(&mut c, Action::ToggleHidden("b".into()), VIEW_AND_SELECTION);
    assert_eq!(c.selected, None);
}

#[test]
fn isolate_shows_one_group_and_again_shows_all() {
    let mut c = chart();
    check(&mut c, Action::Isolate("b".into()), VIEW);
    assert_eq!(keys(&c), ["b"]);
    assert_eq!(c.hidden, ["a", "c"]);
    check_arcs(&c, &[(0.0, TAU)]);
    assert_eq!((hit(&c, IN_A), hit(&c, IN_C), hit(&c, (160.0, 40.0))), (Some("b"), Some("b"), Some("b")));
    check(&mut c, Action::Isolate("b".into()), VIEW);
    assert_eq!(keys(&c), ["a", "b", "c"]);
    assert!(c.hidden.is_empty());
}

#[test]
fn isolating_a_group_the_chart_lacks_hides_every_group_and_again_shows_all() {
    // In a comparison, another company's group: this company's chart shows none of its own.
    let mut c = chart();
    check(&mut c, Action::Isolate("nope".into()), VIEW);
    assert!(keys(&c).is_empty());
    assert_eq!(c.hidden, ["a", "b", "c"]);
    assert_eq!(hit(&c, IN_A), None);
    check(&mut c, Action::Isolate("nope".into()), VIEW);
    assert_eq!(keys(&c), ["a", "b", "c"]);
    // Another group it lacks next: still none shown (the other company shows that one alone
    // now), until that one is isolated again.
    c.apply(Action::Isolate("nope".into()));
    c.apply(Action::Isolate("neither".into()));
    assert!(keys(&c).is_empty());
    c.apply(Action::Isolate("nope".into()));
    assert!(keys(&c).is_empty());
    c.apply(Action::Isolate("nope".into()));
    assert_eq!(keys(&c), ["a", "b", "c"]);
    // Showing every group forgets it: isolating it afterwards hides them again.
    c.apply(Action::Isolate("nope".into()));
    c.apply(Action::ShowAll);
    c.apply(Action::Isolate("nope".into()));
    assert!(keys(&c).is_empty());
    // A chart of no spaces has nothing to hide.
    let mut empty = Chart::new(dataset(json!({ "company": "E", "spaces": [] })), Options::default());
    check(&mut empty, Action::Isolate("nope".into()), NOTHING);
}

#[test]
fn isolating_another_group_switches_to_it() {
    let mut c = chart();
    c.apply(Action::Isolate("b".into()));
    check(&mut c, Action::Isolate("c".into()), VIEW);
    assert_eq!(keys(&c), ["c"]);
}

#[test]
fn show_all_unhides_every_group() {
    let mut c = chart();
    check(&mut c, Action::ShowAll, NOTHING);
    c.apply(Action::ToggleHidden("a".into()));
    c.apply(Action::ToggleHidden("c".into()));
    assert_eq!(keys(&c), ["b"]);
    check(&mut c, Action::ShowAll, VIEW);
    assert_eq!(keys(&c), ["a", "b", "c"]);
}

/// big 50, mid 48, tiny1 1, tiny2 1: the two tiny themes (1 % each) fold into "Other".
fn with_small_groups() -> Chart {
    let mut spaces = Vec::new();
    for (theme, n) in [("big", 50), ("mid", 48), ("tiny1", 1), ("tiny2", 1)] {
        spaces.extend((0..n).map(|i| space(&format!("{theme} {i}"), "blog", &[theme])));
    }
    Chart::new(dataset(json!({ "company": "Acme", "spaces": spaces })), Options::default())
}

#[test]
fn expand_other_shows_the_folded_groups() {
    let mut c = with_small_groups();
    assert_eq!(counts(&c.groups), expect(&[("big", 50), ("mid", 48), (OTHER, 2)]));
    assert_eq!(c.groups[2].folded, ["tiny1", "tiny2"]);
    check(&mut c, Action::ExpandOther(true), VIEW);
    assert_eq!(counts(&c.groups), expect(&[("big", 50), ("mid", 48), ("tiny1", 1), ("tiny2", 1)]));
    check(&mut c, Action::ExpandOther(true), NOTHING);
    check(&mut c, Action::ExpandOther(false), VIEW);
    assert_eq!(keys(&c), ["big", "mid", OTHER]);
}

#[test]
fn a_folded_group_is_selected_as_other_and_the_selection_is_lost_on_expand() {
    let mut c = with_small_groups();
    check(&mut c, Action::Select(Some("tiny1".into())), NOTHING); // not on the chart while folded
    check(&mut c, Action::Select(Some(OTHER.into())), SELECTION);
    assert_eq!(c.selected_group().map(|g| g.spaces.clone()), Some(vec![98, 99]));
    check(&mut c, Action::ExpandOther(true), VIEW_AND_SELECTION);
    assert_eq!(c.selected, None);
}

#[test]
fn isolating_a_folded_group_expands_other() {
    let mut c = with_small_groups();
    check(&mut c, Action::Isolate("tiny2".into()), VIEW);
    assert_eq!(counts(&c.groups), expect(&[("tiny2", 1)]));
}

#[test]
fn folding_is_offered_only_when_it_would_make_an_other() {
    let mut c = with_small_groups();
    assert!(c.can_fold);
    c.apply(Action::Isolate("big".into()));
    assert!(c.other_expanded && !c.can_fold, "one group shown: nothing to fold");
    c.apply(Action::ShowAll);
    assert!(c.other_expanded && c.can_fold);
    let mut plain = chart();
    plain.apply(Action::Isolate("b".into()));
    assert!(plain.other_expanded && !plain.can_fold, "no small groups");
}

#[test]
fn isolate_and_its_toggle_back_restore_the_folded_view() {
    let mut c = with_small_groups();
    c.apply(Action::Isolate("big".into()));
    c.apply(Action::Isolate("big".into()));
    assert_eq!(keys(&c), ["big", "mid", OTHER]);
}

#[test]
fn the_spaces_shown_count_each_space_once_and_copies_once_with_dedupe() {
    let d = dataset(json!({ "company": "A", "spaces": [
        with(space("A", "blog", &["x", "y"]), json!({ "function": "help" })),
        space("B", "blog", &["x"]),
        with(space("C", "blog", &["y"]), json!({ "function": "help" })),
        space("D", "blog", &["z"]),
    ]}));
    let mut c = Chart::new(d, Options::default());
    assert_eq!((c.units, c.shown), (4, 4));
    c.apply(Action::ToggleHidden("z".into()));
    assert_eq!(c.shown, 3, "A, B and C; A once though in x and y");
    c.apply(Action::Isolate("y".into()));
    assert_eq!(c.shown, 2);
    c.apply(Action::Dedupe(true));
    assert_eq!((c.units, c.shown), (3, 1), "A and C are copies of one function");
    c.apply(Action::ShowAll);
    assert_eq!(c.shown, c.units);
}

// ---------------------------------------------------------------- size and pixel ratio

#[test]
fn resize_relays_out_in_device_pixels() {
    let mut c = chart();
    check(&mut c, Action::Resize(320.0, 320.0, 1.0), NOTHING);
    check(&mut c, Action::Resize(320.0, 320.0, 2.0), REDRAW);
    assert_eq!((c.layout.width, c.layout.height, c.layout.cx, c.layout.outer), (640.0, 640.0, 320.0, 296.0));
    check(&mut c, Action::Resize(640.0, 320.0, 1.0), REDRAW);
    assert_eq!((c.layout.cx, c.layout.cy, c.layout.outer), (320.0, 160.0, 148.0));
    check(&mut c, Action::Resize(0.0, -3.0, 0.0), REDRAW);
    assert_eq!(c.size, (1.0, 1.0, 1.0), "a collapsed canvas keeps a 1 px size and ratio 1");
}

#[test]
fn the_readers_text_size_redraws_within_what_a_browser_allows() {
    let mut c = chart();
    check(&mut c, Action::TextScale(1.0), NOTHING);
    check(&mut c, Action::TextScale(1.5), REDRAW);
    assert_eq!(c.picture(&c.colors()).text, 1.5);
    check(&mut c, Action::TextScale(1.5), NOTHING);
    // Past what a font size setting gives, and no number at all (a style not computed yet).
    check(&mut c, Action::TextScale(40.0), REDRAW);
    assert_eq!(c.text, 3.0);
    check(&mut c, Action::TextScale(0.0), REDRAW);
    assert_eq!(c.text, 0.75);
    check(&mut c, Action::TextScale(f64::NAN), REDRAW);
    assert_eq!(c.text, 1.0);
    // The layout does not move: only the labels' size.
    let before = (c.layout.cx, c.layout.outer, c.layout.inner);
    c.apply(Action::TextScale(2.0));
    assert_eq!((c.layout.cx, c.layout.outer, c.layout.inner), before);
}

#[test]
fn the_same_css_point_hits_the_same_segment_at_any_pixel_ratio() {
    let points = [IN_A, IN_B, IN_C, HOLE, OUTSIDE, ON_SIX, (160.0, 20.0), (300.0, 160.0)];
    let at_one: Vec<Option<String>> = {
        let c = chart();
        points.iter().map(|&p| hit(&c, p).map(str::to_owned)).collect()
    };
    assert_eq!(at_one, [Some("a"), Some("b"), Some("c"), None, None, None, None, Some("a")].map(|k| k.map(str::to_owned)));
    for dpr in [1.5, 2.0, 3.0] {
        let mut c = chart();
        c.apply(Action::Resize(320.0, 320.0, dpr));
        let got: Vec<Option<String>> = points.iter().map(|&p| hit(&c, p).map(str::to_owned)).collect();
        assert_eq!(got, at_one, "at ratio {dpr}");
        check(&mut c, Action::Hover(Some(IN_B)), POINTER);
        assert_eq!(c.hovered, Some(1));
    }
}

// ---------------------------------------------------------------- colour scheme

#[test]
fn a_scheme_change_recolours_every_group() {
    let mut c = chart();
    static DARK_SCHEME: &Scheme = &DARK;
    check(&mut c, Action::Scheme(DARK_SCHEME), VIEW);
    assert_eq!(c.colors(), DARK.palette[..3]);
    check(&mut c, Action::Scheme(DARK_SCHEME), NOTHING);
}

#[test]
fn the_pages_background_is_painted_in_place_of_the_schemes_through_scheme_changes() {
    use channel_sprawl::palette::{Rgb, LIGHT};
    let mut c = chart();
    let solarized = Rgb(0x00, 0x2b, 0x36);
    let background = |c: &Chart| c.picture(&[]).scheme.background;
    assert_eq!(background(&c), LIGHT.background);
    check(&mut c, Action::Background(Some(solarized)), REDRAW);
    check(&mut c, Action::Background(Some(solarized)), NOTHING);
    assert_eq!(background(&c), solarized);
    static DARK_SCHEME: &Scheme = &DARK;
    c.apply(Action::Scheme(DARK_SCHEME));
    assert_eq!(background(&c), solarized, "the page's background outlasts a scheme change");
    assert_eq!(c.picture(&[]).scheme.palette, DARK.palette, "the rest is the scheme's");
    check(&mut c, Action::Background(None), REDRAW);
    assert_eq!(background(&c), DARK.background);
}

#[test]
fn a_shared_key_order_gives_a_key_the_same_colour_in_every_chart() {
    use channel_sprawl::palette::{generated, LIGHT};
    let a = Chart::new(
        common::dataset(serde_json::json!({ "company": "A", "spaces": [common::space("x", "blog", &["hr"])] })),
        Options { key_order: vec!["support".into(), "hr".into()], ..Options::default() },
    );
    let b = Chart::new(
        common::dataset(
            serde_json::json!({ "company": "B", "spaces": [common::space("y", "blog", &["support"]), common::space("z", "blog", &["hr"])] }),
        ),
        Options { key_order: vec!["support".into(), "hr".into()], ..Options::default() },
    );
    let color = |c: &Chart, key: &str| c.groups.iter().find(|g| g.key == key).map(|g| g.color);
    assert_eq!(color(&a, "hr"), Some(generated(&LIGHT, 1)));
    assert_eq!(color(&a, "hr"), color(&b, "hr"));
    assert_eq!(color(&b, "support"), Some(generated(&LIGHT, 0)));
}

#[test]
fn a_key_listed_twice_in_the_shared_order_keeps_its_first_place() {
    use channel_sprawl::palette::{generated, LIGHT};
    let c = Chart::new(
        common::dataset(
            serde_json::json!({ "company": "A", "spaces": [common::space("x", "blog", &["hr"]), common::space("y", "blog", &["support"])] }),
        ),
        Options { key_order: vec!["hr".into(), "support".into(), "hr".into()], ..Options::default() },
    );
    let color = |key: &str| c.groups.iter().find(|g| g.key == key).map(|g| g.color);
    assert_eq!(color("hr"), Some(generated(&LIGHT, 0)));
    assert_eq!(color("support"), Some(generated(&LIGHT, 1)));
}

#[test]
fn a_theme_another_company_colours_has_that_colour_unless_this_dataset_colours_it() {
    use channel_sprawl::palette::Rgb;
    let green = Rgb(0, 0xff, 0);
    let spaces = serde_json::json!([common::space("x", "blog", &["news"]), common::space("y", "blog", &["hr"])]);
    let plain = common::dataset(serde_json::json!({ "company": "Q", "spaces": spaces }));
    let own = common::dataset(serde_json::json!({ "company": "R", "themes": [{ "id": "hr", "color": "#123456" }], "spaces": spaces }));
    let shared = vec![("news".to_owned(), green), ("hr".to_owned(), Rgb(9, 9, 9))];
    let options = Options { key_order: vec!["news".into(), "hr".into()], key_colors: shared.clone(), ..Options::default() };
    let q = Chart::new(plain, options.clone());
    let r = Chart::new(own, options);
    let color = |c: &Chart, key: &str| c.groups.iter().find(|g| g.key == key).map(|g| g.color);
    assert_eq!(color(&q, "news"), Some(green));
    assert_eq!(color(&r, "news"), Some(green));
    assert_eq!(color(&r, "hr"), Some(Rgb(0x12, 0x34, 0x56)), "its own dataset's colour wins");
    assert_eq!(r.colored_keys(), ["hr"]);
    // The same through the action, and back.
    let mut c = Chart::new(
        common::dataset(serde_json::json!({ "company": "Q", "spaces": spaces })),
        Options { key_order: vec!["news".into()], ..Options::default() },
    );
    assert_ne!(color(&c, "news"), Some(green));
    check(&mut c, Action::KeyColors(shared.clone()), VIEW);
    check(&mut c, Action::KeyColors(shared), NOTHING);
    assert_eq!(color(&c, "news"), Some(green));
}

#[test]
fn top_platforms_of_a_group_count_its_spaces_most_first() {
    let chart = Chart::new(
        common::dataset(serde_json::json!({ "company": "A", "spaces": [
            common::space("a", "Twitter", &["t"]), common::space("b", "blog", &["t"]),
            common::space("c", "X", &["t"]), common::space("d", "forum", &["u"]),
            common::space("e", "Blog", &["t"]), common::space("f", "twitter", &["t"])
        ] })),
        Options::default(),
    );
    assert_eq!(chart.platform_count(), 3);
    assert_eq!(chart.top_platforms(0, 3), [("Twitter", 3), ("Blog", 2)]);
    assert_eq!(chart.top_platforms(1, 1), [("Forum", 1)]);
    assert!(chart.top_platforms(9, 3).is_empty());
}

#[test]
fn pointing_at_a_legend_entry_emphasises_its_segment_without_a_tooltip() {
    let mut chart = chart();
    check(&mut chart, Action::Legend(Some("b".into())), REDRAW);
    assert_eq!(chart.emphasis().hovered, Some(1));
    check(&mut chart, Action::Legend(Some("b".into())), NOTHING);
    // A segment under the pointer wins while it is there.
    check(&mut chart, Action::Hover(Some(IN_C)), POINTER);
    assert_eq!(chart.emphasis().hovered, Some(2));
    check(&mut chart, Action::Hover(None), POINTER);
    assert_eq!(chart.emphasis().hovered, Some(1));
    // It follows the key through a regrouping, and is gone with its group.
    chart.apply(Action::ToggleHidden("a".into()));
    assert_eq!(chart.emphasis().hovered, Some(0));
    chart.apply(Action::ToggleHidden("b".into()));
    assert_eq!(chart.emphasis().hovered, None);
    check(&mut chart, Action::Legend(None), REDRAW);
    assert_eq!(chart.emphasis().hovered, None);
}

#[test]
fn a_generated_colour_never_repeats_one_a_dataset_gives_another_group() {
    use channel_sprawl::palette::{generated, LIGHT};
    let color = |c: &Chart, key: &str| c.groups.iter().find(|g| g.key == key).map(|g| g.color);
    // One dataset: its second theme coloured as the palette's first colour (the SPEC's example
    // #1b6ca8 for support), its first uncoloured.
    let taken = generated(&LIGHT, 0).hex();
    let one = dataset(
        json!({ "company": "A", "themes": [{ "id": "news" }, { "id": "support", "color": taken }], "spaces": [space("x", "blog", &["news", "support"])] }),
    );
    let c = Chart::new(one, Options::default());
    assert_eq!(color(&c, "support"), Some(generated(&LIGHT, 0)));
    assert_eq!(color(&c, "news"), Some(generated(&LIGHT, 1)), "the next palette colour, not the taken one");
    // A comparison: another company's dataset gives support that colour; this company's only
    // theme comes first in the shared order.
    let tiny = dataset(json!({ "company": "Tiny", "spaces": [space("t", "blog", &["only-tiny"])] }));
    let shared = Options {
        key_order: vec!["only-tiny".into(), "support".into()],
        key_colors: vec![("support".into(), generated(&LIGHT, 0))],
        ..Options::default()
    };
    let c = Chart::new(tiny, shared);
    assert_eq!(color(&c, "only-tiny"), Some(generated(&LIGHT, 1)));
    // Nor do the generated colours then repeat each other: each takes the next free one.
    let three = dataset(
        json!({ "company": "A", "themes": [{ "id": "news" }, { "id": "jobs" }, { "id": "events" }, { "id": "support", "color": taken }],
        "spaces": [space("x", "blog", &["news", "jobs", "events", "support"])] }),
    );
    let c = Chart::new(three, Options::default());
    let colors: Vec<_> = ["news", "jobs", "events", "support"].iter().map(|k| color(&c, k)).collect();
    assert_eq!(colors, [Some(generated(&LIGHT, 1)), Some(generated(&LIGHT, 2)), Some(generated(&LIGHT, 3)), Some(generated(&LIGHT, 0))]);
    let shared = Options {
        key_order: ["news", "jobs", "events", "care"].map(String::from).to_vec(),
        key_colors: vec![("care".into(), generated(&LIGHT, 1))],
        ..Options::default()
    };
    let c = Chart::new(dataset(json!({ "company": "B", "spaces": [space("x", "blog", &["news", "jobs", "events"])] })), shared);
    let colors: Vec<_> = ["news", "jobs", "events"].iter().map(|k| color(&c, k)).collect();
    assert_eq!(colors, [Some(generated(&LIGHT, 0)), Some(generated(&LIGHT, 2)), Some(generated(&LIGHT, 3))]);
}
