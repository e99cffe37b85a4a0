//! Geometry: segment angles and boxes, and which segment a point hits.
//!
//! Most tests use a 200 × 200 box with 10 px of padding and a 2 px separator: the centre is
//! (100, 100), the outer radius 90 and the donut's hole 0.58 × 90 = 52.2.
#![cfg(not(target_arch = "wasm32"))]

use channel_sprawl::geometry::{angle_of, Layout, Segment, Shape, HOLE};
use std::f64::consts::{FRAC_PI_2, PI, TAU};

const EPS: f64 = 1e-9;

fn ring(shape: Shape, counts: &[usize]) -> Layout {
    Layout::new(shape, counts, 200.0, 200.0, 1.0, 10.0, 2.0)
}

fn arcs(layout: &Layout) -> Vec<(f64, f64)> {
    layout
        .segments
        .iter()
        .map(|s| match *s {
            Segment::Arc { start, end } => (start, end),
            Segment::Rect { .. } => panic!("a ring has arcs, not rows"),
        })
        .collect()
}

/// The arcs of `layout` are these `(start, end)` angles.
#[track_caller]
fn check_arcs(layout: &Layout, expected: &[(f64, f64)]) {
    let got = arcs(layout);
    assert_eq!(got.len(), expected.len(), "{got:?}");
    for (i, (g, e)) in got.iter().zip(expected).enumerate() {
        assert!((g.0 - e.0).abs() < EPS && (g.1 - e.1).abs() < EPS, "segment {i}: got {g:?}, expected {e:?}");
    }
}

/// Each point hits the given segment (or nothing).
#[track_caller]
fn check_hits(layout: &Layout, slack: f64, cases: &[((f64, f64), Option<usize>)]) {
    for &((x, y), expected) in cases {
        assert_eq!(layout.segment_at(x, y, slack), expected, "point ({x}, {y}), slack {slack}");
    }
}

/// A point at `degrees` clockwise from twelve o'clock, `r` from the centre (100, 100).
fn at(degrees: f64, r: f64) -> (f64, f64) {
    let a = degrees.to_radians();
    (100.0 + r * a.sin(), 100.0 - r * a.cos())
}

#[test]
fn the_ring_fits_the_box_minus_padding_and_the_hole_is_a_fixed_fraction() {
    let donut = ring(Shape::Donut, &[1]);
    assert_eq!((donut.cx, donut.cy, donut.outer), (100.0, 100.0, 90.0));
    assert!((donut.inner - 52.2).abs() < EPS);
    assert_eq!(HOLE, 0.58);
    assert_eq!(ring(Shape::Pie, &[1]).inner, 0.0);
    // A wide box: the short side decides.
    let wide = Layout::new(Shape::Donut, &[1], 400.0, 200.0, 1.0, 10.0, 2.0);
    assert_eq!((wide.cx, wide.cy, wide.outer), (200.0, 100.0, 90.0));
}

#[test]
fn fill_scales_the_area_so_a_quarter_fill_halves_the_radius() {
    let quarter = Layout::new(Shape::Donut, &[1], 200.0, 200.0, 0.25, 10.0, 2.0);
    assert!((quarter.outer - 45.0).abs() < EPS);
    assert!((quarter.inner - 26.1).abs() < EPS);
}

#[test]
fn donut_angles_are_proportional_to_counts_and_make_a_full_turn() {
    check_arcs(&ring(Shape::Donut, &[2, 1, 1]), &[(0.0, PI), (PI, 1.5 * PI), (1.5 * PI, TAU)]);
    check_arcs(&ring(Shape::Donut, &[3, 1, 4, 2]), &[(0.0, 0.3 * TAU), (0.3 * TAU, 0.4 * TAU), (0.4 * TAU, 0.8 * TAU), (0.8 * TAU, TAU)]);
}

#[test]
fn pie_angles_are_proportional_to_counts_and_make_a_full_turn() {
    check_arcs(&ring(Shape::Pie, &[1, 3]), &[(0.0, FRAC_PI_2), (FRAC_PI_2, TAU)]);
    let many = ring(Shape::Pie, &[1; 7]);
    let spans: f64 = arcs(&many).iter().map(|(s, e)| e - s).sum();
    assert!((spans - TAU).abs() < EPS);
    assert!(arcs(&many).iter().all(|(s, e)| ((e - s) - TAU / 7.0).abs() < EPS));
}

#[test]
fn a_zero_count_keeps_its_index_with_an_empty_arc() {
    check_arcs(&ring(Shape::Donut, &[1, 0, 1]), &[(0.0, PI), (PI, PI), (PI, TAU)]);
}

#[test]
fn angles_run_clockwise_from_twelve_o_clock() {
    assert!((angle_of(0.0, -1.0) - 0.0).abs() < EPS);
    assert!((angle_of(1.0, 0.0) - FRAC_PI_2).abs() < EPS);
    assert!((angle_of(0.0, 1.0) - PI).abs() < EPS);
    assert!((angle_of(-1.0, 0.0) - 1.5 * PI).abs() < EPS);
}

// ---------------------------------------------------------------- hit-testing

#[test]
fn each_segment_is_hit_at_its_anchor() {
    for shape in Shape::ALL {
        let layout = ring(shape, &[5, 1, 3, 2, 8]);
        for i in 0..5 {
            let (x, y) = layout.anchor(i).unwrap();
            assert_eq!(layout.segment_at(x, y, 0.0), Some(i), "{} segment {i}", shape.as_str());
        }
        assert_eq!(layout.anchor(5), None);
    }
}

#[test]
fn points_inside_the_ring_hit_the_segment_of_their_angle() {
    // [2, 1, 1]: 0 from 12 to 6 o'clock, 1 from 6 to 9, 2 from 9 to 12.
    let donut = ring(Shape::Donut, &[2, 1, 1]);
    check_hits(&donut, 0.0, &[(at(90.0, 70.0), Some(0)), (at(225.0, 60.0), Some(1)), (at(315.0, 85.0), Some(2))]);
}

#[test]
fn the_hole_and_the_outside_hit_nothing() {
    let donut = ring(Shape::Donut, &[2, 1, 1]);
    check_hits(
        &donut,
        0.0,
        &[
            ((100.0, 100.0), None), // the centre
            (at(90.0, 50.0), None), // in the hole (52.2)
            (at(90.0, 91.0), None), // just outside (90)
            ((5.0, 5.0), None),     // a corner of the box
            ((-40.0, 100.0), None), // off the canvas
        ],
    );
    // The pie has no hole, but its very centre belongs to no segment.
    check_hits(&ring(Shape::Pie, &[2, 1, 1]), 0.0, &[(at(90.0, 5.0), Some(0)), ((100.0, 100.0), None)]);
}

#[test]
fn slack_widens_the_outer_edge_for_a_lifted_segment() {
    let donut = ring(Shape::Donut, &[2, 1, 1]);
    check_hits(&donut, 0.0, &[(at(90.0, 95.0), None)]);
    check_hits(&donut, 7.0, &[(at(90.0, 95.0), Some(0)), (at(90.0, 98.0), None)]);
}

#[test]
fn a_point_on_a_boundary_between_two_segments_hits_nothing() {
    // The boundary between 0 and 1 is six o'clock; between 2 and 0, twelve o'clock.
    // At 70 px from the centre the 2 px separator is 1 px either side of the boundary.
    let donut = ring(Shape::Donut, &[2, 1, 1]);
    check_hits(
        &donut,
        0.0,
        &[
            ((100.0, 170.0), None), // on six o'clock
            ((100.5, 170.0), None), // within the separator, on 0's side
            ((99.5, 170.0), None),  // within the separator, on 1's side
            ((101.5, 170.0), Some(0)),
            ((98.5, 170.0), Some(1)),
            ((100.0, 30.0), None), // on twelve o'clock
            ((100.5, 30.0), None),
            ((101.5, 30.0), Some(0)),
            ((98.5, 30.0), Some(2)),
            ((30.0, 100.0), None), // on nine o'clock, between 1 and 2
        ],
    );
}

#[test]
fn a_single_segment_ring_is_hit_everywhere_in_the_ring() {
    // The zero-count neighbours keep their indices; the only drawn segment is 1.
    for shape in [Shape::Donut, Shape::Pie] {
        let layout = ring(shape, &[0, 5, 0]);
        for degrees in (0..360).step_by(5) {
            let (x, y) = at(degrees as f64, 70.0);
            assert_eq!(layout.segment_at(x, y, 0.0), Some(1), "{} at {degrees}°", shape.as_str());
        }
        check_hits(&layout, 0.0, &[((100.0, 100.0), None), (at(45.0, 95.0), None)]);
    }
    // Nothing to separate: twelve o'clock is not a boundary.
    assert_eq!(ring(Shape::Donut, &[4]).segment_at(100.0, 30.0, 0.0), Some(0));
}

#[test]
fn zero_total_produces_no_hits() {
    for counts in [&[0usize, 0, 0][..], &[]] {
        for shape in [Shape::Donut, Shape::Pie] {
            let layout = ring(shape, counts);
            assert!(arcs(&layout).iter().all(|&(s, e)| s == 0.0 && e == 0.0));
            for degrees in (0..360).step_by(15) {
                let (x, y) = at(degrees as f64, 70.0);
                assert_eq!(layout.segment_at(x, y, 0.0), None, "{} {counts:?} at {degrees}°", shape.as_str());
            }
        }
    }
}

// ---------------------------------------------------------------- bars

#[test]
fn bars_are_rows_scaled_to_the_longest() {
    // 200 × 124, padding 12: two rows of (124 - 24) / 2 = 50 px; a bar takes 75 % of its row
    // (37.5 px, centred) and the longest spans the 176 px between the paddings.
    let bars = Layout::new(Shape::Bar, &[4, 2], 200.0, 124.0, 1.0, 12.0, 2.0);
    assert_eq!(
        bars.segments,
        [Segment::Rect { x0: 12.0, y0: 18.25, x1: 188.0, y1: 55.75 }, Segment::Rect { x0: 12.0, y0: 68.25, x1: 100.0, y1: 105.75 },]
    );
}

#[test]
fn a_small_count_is_a_bar_of_three_css_pixels_at_least_and_none_is_none() {
    // 1 of 400 over 176 px would be 0.44 px; at twice the pixels (padding 24), 6 device pixels.
    let bars = Layout::new(Shape::Bar, &[400, 1, 0], 200.0, 124.0, 1.0, 12.0, 2.0);
    let ends: Vec<f64> = bars.segments.iter().map(|s| if let Segment::Rect { x0, x1, .. } = s { x1 - x0 } else { f64::NAN }).collect();
    assert_eq!(ends, [176.0, 3.0, 0.0]);
    let sharp = Layout::new(Shape::Bar, &[400, 1], 400.0, 248.0, 1.0, 24.0, 4.0);
    assert!(matches!(sharp.segments[1], Segment::Rect { x0, x1, .. } if x1 - x0 == 6.0));
}

#[test]
fn a_comparisons_bars_share_one_scale_through_fill() {
    // This company's largest group is half the largest of all: its longest bar spans half.
    let bars = Layout::new(Shape::Bar, &[4, 2], 200.0, 124.0, 0.5, 12.0, 2.0);
    assert_eq!(bars.segments[0], Segment::Rect { x0: 12.0, y0: 18.25, x1: 100.0, y1: 55.75 });
}

#[test]
fn bar_rows_are_hit_inside_and_past_their_end_and_missed_between() {
    let bars = Layout::new(Shape::Bar, &[4, 2], 200.0, 124.0, 1.0, 12.0, 2.0);
    check_hits(
        &bars,
        0.0,
        &[
            ((100.0, 37.0), Some(0)),
            ((13.0, 19.0), Some(0)),
            ((99.0, 87.0), Some(1)),
            ((150.0, 87.0), Some(1)), // past the shorter bar: its row, a target as wide as the longest
            ((50.0, 62.0), None),     // between the rows
            ((5.0, 37.0), None),      // in the left padding
            ((50.0, 115.0), None),    // below the last row
        ],
    );
    check_hits(&bars, 7.0, &[((104.0, 87.0), Some(1)), ((108.0, 87.0), Some(1))]);
}

// ---------------------------------------------------------------- outlines

#[test]
fn a_lifted_outline_moves_outward_along_the_middle_of_its_segment() {
    // The right half of a pie, lifted 10 px: it moves right by 10, the centre vertex too.
    let pie = ring(Shape::Pie, &[1, 1]);
    let flat = pie.outline(0, 0.0);
    let lifted = pie.outline(0, 10.0);
    assert_eq!(flat.len(), lifted.len());
    for (&(x0, y0), &(x1, y1)) in flat.iter().zip(&lifted) {
        assert!((x1 - x0 - 10.0).abs() < EPS && (y1 - y0).abs() < EPS);
    }
    let last = *lifted.last().unwrap();
    assert!((last.0 - 110.0).abs() < EPS && (last.1 - 100.0).abs() < EPS, "ends at the lifted centre: {last:?}");
    assert!(flat.iter().all(|&(x, y)| x >= 100.0 - EPS && (x - 100.0).hypot(y - 100.0) <= 90.0 + EPS));
    assert!(ring(Shape::Pie, &[0, 1]).outline(0, 0.0).is_empty(), "an empty segment has no outline");
}

#[test]
fn a_whole_ring_is_stroked_as_two_circles_and_never_lifted() {
    // One group all round: its edges are the outer and the inner circle, with no radial seam where
    // the outline's polygon joins them; lifting it would only shift the whole ring.
    let donut = ring(Shape::Donut, &[5]);
    let radii = |points: &[(f64, f64)]| points.iter().map(|&(x, y)| (x - 100.0).hypot(y - 100.0)).collect::<Vec<f64>>();
    assert!(radii(&donut.outline(0, 10.0)).iter().all(|&r| (r - 90.0).abs() < 1e-6 || (r - 52.2).abs() < 1e-6));
    let outline = donut.outline(0, 10.0);
    let [outer, inner] = donut.rims(0, &outline);
    assert!(!outer.is_empty() && radii(outer).iter().all(|&r| (r - 90.0).abs() < 1e-6), "the outer circle");
    assert!(!inner.is_empty() && radii(inner).iter().all(|&r| (r - 52.2).abs() < 1e-6), "the inner circle");
    // Anything less than whole keeps its one outline, lifted.
    let half = ring(Shape::Donut, &[1, 1]);
    let lifted = half.outline(0, 10.0);
    assert_eq!(half.rims(0, &lifted), [&lifted[..], &[]]);
    let pie = ring(Shape::Pie, &[5]);
    let circle = pie.outline(0, 0.0);
    assert_eq!(pie.rims(0, &circle), [&circle[..], &[]], "a whole pie is one circle already");
}

#[test]
fn shape_parses_its_attribute_value() {
    assert_eq!(Shape::parse(" Donut"), Some(Shape::Donut));
    assert_eq!(Shape::parse("PIE"), Some(Shape::Pie));
    assert_eq!(Shape::parse("bar"), Some(Shape::Bar));
    assert_eq!(Shape::parse("line"), None);
}

#[test]
fn a_nan_point_hits_nothing_even_in_a_single_segment_ring() {
    let layout = Layout::new(Shape::Donut, &[5], 200.0, 200.0, 1.0, 0.0, 1.0);
    assert_eq!(layout.segment_at(f64::NAN, f64::NAN, 0.0), None);
    assert_eq!(layout.segment_at(100.0, 20.0, 0.0), Some(0));
}

#[test]
fn a_segment_thinner_than_the_separator_is_still_hit_in_its_middle() {
    // One space in 1,001: 0.36°, under a pixel of arc where the separator takes 0.75 px off each
    // edge. Its middle hits it; its neighbour's middle hits the neighbour.
    let ring = Layout::new(Shape::Donut, &[1000, 1], 320.0, 320.0, 1.0, 12.0, 1.5);
    let (x, y) = ring.anchor(1).unwrap();
    assert_eq!(ring.segment_at(x, y, 0.0), Some(1));
    let (x, y) = ring.anchor(0).unwrap();
    assert_eq!(ring.segment_at(x, y, 0.0), Some(0));
}
