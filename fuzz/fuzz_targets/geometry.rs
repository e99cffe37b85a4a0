//! Arbitrary counts (at most 2000) and sizes → `Layout::new` for each shape; `segment_at` at
//! arbitrary points and at every anchor. A hit is always a drawn segment, and an anchor hits its
//! own segment whenever the segment is comfortably wider than the separator there.
#![no_main]

use arbitrary::Arbitrary;
use channel_sprawl::geometry::{Layout, Segment, Shape};
use libfuzzer_sys::fuzz_target;
use std::f64::consts::TAU;

#[derive(Debug, Arbitrary)]
struct Input {
    counts: Vec<u32>,
    /// Sizes as integers, scaled into sane ranges below (device pixels).
    width: u32,
    height: u32,
    pad: u16,
    gap: u16,
    fill: u16,
    slack: u8,
    /// Raw floats: the same layout calls must not panic on NaN, infinities or negatives either.
    raw: (f64, f64, f64, f64, f64),
    points: Vec<(f64, f64)>,
}

fuzz_target!(|input: Input| {
    let counts: Vec<usize> = input.counts.iter().take(2000).map(|&c| c as usize).collect();
    let width = (input.width % 100_000) as f64 / 10.0; // 0 – 10 000 px
    let height = (input.height % 100_000) as f64 / 10.0;
    let pad = (input.pad % 1000) as f64 / 10.0; // 0 – 100 px
    let gap = (input.gap % 200) as f64 / 10.0; // 0 – 20 px
    let fill = (input.fill % 1001) as f64 / 1000.0; // 0 – 1
    let slack = input.slack as f64 / 10.0;
    let points = &input.points[..input.points.len().min(64)];

    for shape in Shape::ALL {
        let layout = Layout::new(shape, &counts, width, height, fill, pad, gap);
        check(&layout, &counts, points, slack);

        // Nonsense sizes: no panic, and a hit is still a segment index.
        let (w, h, f, p, g) = input.raw;
        let odd = Layout::new(shape, &counts, w, h, f, p, g);
        for &(x, y) in points {
            assert!(odd.segment_at(x, y, slack).is_none_or(|i| i < counts.len()));
        }
        for i in 0..odd.segments.len().min(50) {
            let _ = odd.anchor(i);
            let _ = odd.outline(i, slack);
        }
    }
});

fn check(layout: &Layout, counts: &[usize], points: &[(f64, f64)], slack: f64) {
    assert_eq!(layout.segments.len(), counts.len());
    let total: usize = counts.iter().sum();
    if layout.shape != Shape::Bar && total > 0 {
        let turn: f64 = layout.segments.iter().map(|s| arc(s).1 - arc(s).0).filter(|&d| d > 0.0).sum();
        assert!((turn - TAU).abs() < 1e-9, "the arcs cover {turn}");
    }
    for &(x, y) in points {
        if let Some(i) = layout.segment_at(x, y, slack) {
            assert!(i < counts.len());
            match layout.segments[i] {
                Segment::Arc { start, end } => assert!(end > start, "hit an undrawn arc {i}: {start}..{end}"),
                Segment::Rect { x0, y0, x1, y1 } => {
                    assert!(x >= x0 && x <= x1 + slack && y >= y0 && y <= y1, "({x}, {y}) outside bar {i}")
                }
            }
        }
    }
    for i in 0..layout.segments.len() {
        let (ax, ay) = layout.anchor(i).expect("every segment has an anchor");
        if anchor_is_clear(layout, i) {
            assert_eq!(layout.segment_at(ax, ay, 0.0), Some(i), "anchor ({ax}, {ay}) of segment {i}: {:?}", layout.segments[i]);
        }
        // About one vertex per two degrees: never more than a full turn's worth.
        assert!(layout.outline(i, slack).len() <= 2 * 181 + 3);
    }
}

fn arc(s: &Segment) -> (f64, f64) {
    match *s {
        Segment::Arc { start, end } => (start, end),
        Segment::Rect { .. } => (0.0, 0.0),
    }
}

/// Whether the anchor of segment `i` is comfortably away from the separators and the rims.
fn anchor_is_clear(layout: &Layout, i: usize) -> bool {
    match layout.segments[i] {
        Segment::Arc { start, end } => {
            let r = (layout.outer + layout.inner.max(layout.outer * 0.3)) / 2.0;
            // Room for rounding: the anchor's angle and radius are recomputed from x and y.
            r > 0.01 && r - layout.inner > 1e-6 && end - start > 2.0 * (layout.gap / 2.0 / r + 1e-6)
        }
        Segment::Rect { .. } => true,
    }
}
