//! Chart geometry in device pixels: where each segment lies, and which segment a point hits.
//! Pure `f64`, no drawing.
//!
//! Angles are radians clockwise from twelve o'clock. A pie is a donut with no hole; a bar chart
//! is rows of rectangles. Boundaries between segments (the separator gap), the hole and the
//! outside hit nothing.

use std::f64::consts::TAU;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Donut,
    Pie,
    Bar,
}

impl Shape {
    pub const ALL: [Shape; 3] = [Shape::Donut, Shape::Pie, Shape::Bar];

    pub fn parse(text: &str) -> Option<Shape> {
        Shape::ALL.into_iter().find(|s| text.trim().eq_ignore_ascii_case(s.as_str()))
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Shape::Donut => "donut",
            Shape::Pie => "pie",
            Shape::Bar => "bar",
        }
    }
}

/// The donut's hole, as a fraction of its outer radius.
pub const HOLE: f64 = 0.58;

#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub shape: Shape,
    pub width: f64,
    pub height: f64,
    /// Width of the separator between neighbours, in device pixels.
    pub gap: f64,
    pub cx: f64,
    pub cy: f64,
    pub outer: f64,
    pub inner: f64,
    /// Per segment: `(start, end)` angles for rings, `(x0, y0, x1, y1)` row boxes for bars.
    pub segments: Vec<Segment>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Segment {
    Arc { start: f64, end: f64 },
    Rect { x0: f64, y0: f64, x1: f64, y1: f64 },
}

impl Layout {
    /// Lays `counts` out in a `width` × `height` box (device pixels). `fill` (0–1] scales the ring's
    /// *area*, or the longest bar's length, so several charts share one scale; `pad` leaves room
    /// for a lifted segment and the focus outline. Zero counts get no segment angle but keep their index.
    pub fn new(shape: Shape, counts: &[usize], width: f64, height: f64, fill: f64, pad: f64, gap: f64) -> Layout {
        let (cx, cy) = (width / 2.0, height / 2.0);
        let full = ((width.min(height) / 2.0) - pad).max(1.0);
        let outer = full * fill.clamp(0.0, 1.0).sqrt();
        let inner = if shape == Shape::Donut { outer * HOLE } else { 0.0 };
        let total: usize = counts.iter().sum();
        let segments = match shape {
            Shape::Bar => bar_rows(counts, width, height, pad, gap, fill.clamp(0.0, 1.0)),
            _ => {
                let mut at: f64 = 0.0;
                counts
                    .iter()
                    .map(|&c| {
                        // Clamped: rounding may carry the running sum a hair past a full turn.
                        let start = at.min(TAU);
                        at += if total == 0 { 0.0 } else { TAU * c as f64 / total as f64 };
                        Segment::Arc { start, end: at.min(TAU) }
                    })
                    .collect()
            }
        };
        Layout { shape, width, height, gap, cx, cy, outer, inner, segments }
    }

    /// The segment under `(x, y)`, if any. `slack` widens a ring's outer edge (a lifted segment).
    pub fn segment_at(&self, x: f64, y: f64, slack: f64) -> Option<usize> {
        if self.shape == Shape::Bar {
            // A bar's whole row, past its end too: a short bar is a target as wide as the longest.
            return self.segments.iter().position(|s| match *s {
                Segment::Rect { x0, y0, y1, .. } => x >= x0 && y >= y0 && y <= y1,
                Segment::Arc { .. } => false,
            });
        }
        let (dx, dy) = (x - self.cx, y - self.cy);
        let r = (dx * dx + dy * dy).sqrt();
        // Written so that NaN (never from a browser, but from a caller) hits nothing too.
        if !(r >= self.inner && r <= self.outer + slack) || r == 0.0 {
            return None;
        }
        let angle = angle_of(dx, dy);
        // Half the separator, as an angle at this radius: points on a boundary hit nothing.
        let tolerance = self.gap / 2.0 / r;
        let drawn = self.segments.iter().filter(|s| matches!(s, Segment::Arc { start, end } if end > start)).count();
        self.segments.iter().position(|s| match *s {
            Segment::Arc { start, end } if end > start => {
                if drawn == 1 {
                    return true;
                }
                // A segment hardly wider than the separator has no boundary band: all of it is a
                // target (sub-pixel ones, side by side, share the ring between them).
                let tolerance = if end - start > 4.0 * tolerance { tolerance } else { 0.0 };
                angle > start + tolerance && angle < end - tolerance
            }
            _ => false,
        })
    }

    /// A point well inside segment `i` (its middle), e.g. to anchor a tooltip or aim a test.
    pub fn anchor(&self, i: usize) -> Option<(f64, f64)> {
        match *self.segments.get(i)? {
            Segment::Arc { start, end } => {
                let mid = (start + end) / 2.0;
                let r = (self.outer + self.inner.max(self.outer * 0.3)) / 2.0;
                Some(self.polar(mid, r))
            }
            Segment::Rect { x0, y0, x1, y1 } => Some(((x0 + x1) / 2.0, (y0 + y1) / 2.0)),
        }
    }

    /// The outline of segment `i`, moved `lift` pixels outward, as a closed polygon. A whole
    /// ring (one segment all round) is not moved: it has no outward.
    pub fn outline(&self, i: usize, lift: f64) -> Vec<(f64, f64)> {
        match self.segments.get(i) {
            Some(&Segment::Arc { start, end }) if end > start => {
                let mid = (start + end) / 2.0;
                let (sin, cos) = sin_cos(mid);
                let lift = if self.whole(i) { 0.0 } else { lift };
                let (ox, oy) = (lift * sin, -lift * cos);
                // About one vertex per 2 degrees, and at least a few per segment.
                let steps = ((end - start) / TAU * 180.0).ceil().max(2.0) as usize;
                let mut points = Vec::with_capacity(2 * steps + 3);
                for k in 0..=steps {
                    let a = start + (end - start) * k as f64 / steps as f64;
                    let (x, y) = self.polar(a, self.outer);
                    points.push((x + ox, y + oy));
                }
                if self.inner > 0.0 {
                    for k in (0..=steps).rev() {
                        let a = start + (end - start) * k as f64 / steps as f64;
                        let (x, y) = self.polar(a, self.inner);
                        points.push((x + ox, y + oy));
                    }
                } else if end - start < TAU - 1e-9 {
                    points.push((self.cx + ox, self.cy + oy));
                }
                points
            }
            Some(&Segment::Rect { x0, y0, x1, y1 }) => {
                vec![(x0, y0), (x1 + lift, y0), (x1 + lift, y1), (x0, y1)]
            }
            _ => Vec::new(),
        }
    }

    /// The closed lines that stroke segment `i`'s edges: its outline, or for a whole donut ring
    /// its outer and inner circles (the two halves of its outline), without the seam the
    /// outline's polygon has where they join.
    pub fn rims<'a>(&self, i: usize, outline: &'a [(f64, f64)]) -> [&'a [(f64, f64)]; 2] {
        if self.whole(i) && self.inner > 0.0 {
            let (outer, inner) = outline.split_at(outline.len() / 2);
            [outer, inner]
        } else {
            [outline, &[]]
        }
    }

    /// Segment `i` goes all round.
    fn whole(&self, i: usize) -> bool {
        matches!(self.segments.get(i), Some(&Segment::Arc { start, end }) if end - start >= TAU - 1e-9)
    }

    fn polar(&self, angle: f64, r: f64) -> (f64, f64) {
        let (sin, cos) = sin_cos(angle);
        (self.cx + r * sin, self.cy - r * cos)
    }
}

/// `(sin a, cos a)` for the angles of a chart (|a| up to a few turns), within 2 ulp of `f64::sin`/`cos`.
/// Not `f64::sin`: its argument reduction for huge angles costs ≈7 KB of wasm. The kernels are
/// musl's (`__sin`, `__cos`); the reduction is Cody–Waite by π/2.
#[allow(clippy::excessive_precision)] // musl's constants, digit for digit
pub fn sin_cos(a: f64) -> (f64, f64) {
    const PIO2_HI: f64 = 1.57079632673412561417e+00;
    const PIO2_LO: f64 = 6.07710050650619224932e-11;
    let n = (a * std::f64::consts::FRAC_2_PI).round();
    let x = a - n * PIO2_HI - n * PIO2_LO;
    let z = x * x;
    let s = x + x
        * z
        * (-1.66666666666666324348e-01
            + z * (8.33333333332248946124e-03
                + z * (-1.98412698298579493134e-04
                    + z * (2.75573137070700676789e-06 + z * (-2.50507602534068634195e-08 + z * 1.58969099521155010221e-10)))));
    let c = 1.0 - 0.5 * z
        + z * z
            * (4.16666666666666019037e-02
                + z * (-1.38888888888741095749e-03
                    + z * (2.48015872894767294178e-05
                        + z * (-2.75573143513906633035e-07 + z * (2.08757232129817482790e-09 + z * -1.13596475577881948265e-11)))));
    match (n as i64).rem_euclid(4) {
        0 => (s, c),
        1 => (c, -s),
        2 => (-s, -c),
        _ => (-c, s),
    }
}

/// Angle of the vector `(dx, dy)` (screen coordinates, y down), clockwise from twelve o'clock, in [0, 2π).
pub fn angle_of(dx: f64, dy: f64) -> f64 {
    let a = dx.atan2(-dy);
    if a < 0.0 {
        a + TAU
    } else {
        a
    }
}

/// Horizontal bars, one row per group, longest = full width, left-aligned.
fn bar_rows(counts: &[usize], width: f64, height: f64, pad: f64, gap: f64, fill: f64) -> Vec<Segment> {
    let max = counts.iter().copied().max().unwrap_or(0).max(1) as f64;
    let rows = counts.len().max(1) as f64;
    let row = ((height - 2.0 * pad) / rows).max(1.0);
    let bar = (row - gap.max(row * 0.25)).max(1.0);
    let usable = (width - 2.0 * pad).max(1.0) * fill;
    counts
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let y0 = pad + i as f64 * row + (row - bar) / 2.0;
            // A count's bar is never a hairline: at least a quarter of the padding (3 CSS pixels),
            // where 1 of 45 in a comparison would be one pixel.
            let len = if c == 0 { 0.0 } else { (usable * c as f64 / max).max(pad / 4.0) };
            Segment::Rect { x0: pad, y0, x1: pad + len, y1: y0 + bar }
        })
        .collect()
}
