//! Drawing: one renderer written against plotters' `DrawingBackend`, so the same code paints the
//! canvas in the browser and SVG natively (reference tests, static fallbacks).
//!
//! Invariant: a segment's interior is filled with exactly its group's colour unless another
//! segment is hovered (then the rest are dimmed); emphasis is shown by lifting the segment and by
//! outlines, never by changing its colour.

use crate::geometry::Layout;
use crate::palette::{Rgb, Scheme};
use plotters::prelude::DrawingBackend;
use plotters_backend::{BackendColor, BackendStyle, DrawingErrorKind};

/// What to emphasise, by segment index.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Emphasis {
    pub hovered: Option<usize>,
    pub selected: Option<usize>,
    pub focused: Option<usize>,
}

/// Sizes in CSS pixels; the renderer multiplies by the device-pixel ratio.
pub const LIFT_SELECTED: f64 = 7.0;
pub const LIFT_HOVERED: f64 = 3.0;
pub const SEPARATOR: f64 = 1.5;
/// Room the layout keeps around the chart for lifts and the focus ring.
pub const PAD: f64 = 12.0;
/// How far non-hovered segments fade toward the background while one is hovered.
const DIM: f64 = 0.35;

/// Paints `layout` with `colors` (one per segment) on `backend`. `scale` is the device-pixel ratio.
pub fn draw<B: DrawingBackend>(
    backend: &mut B,
    layout: &Layout,
    colors: &[Rgb],
    scheme: &Scheme,
    emphasis: Emphasis,
    scale: f64,
) -> Result<(), DrawingErrorKind<B::ErrorType>> {
    let (w, h) = backend.get_size();
    backend.draw_rect((0, 0), (w as i32, h as i32), &color(scheme.background), true)?;
    let lift = |i: usize| {
        if emphasis.selected == Some(i) {
            LIFT_SELECTED * scale
        } else if emphasis.hovered == Some(i) {
            LIFT_HOVERED * scale
        } else {
            0.0
        }
    };
    // Lifted segments are painted last so that nothing covers them.
    let n = layout.segments.len();
    let order = (0..n).filter(|&i| lift(i) == 0.0).chain((0..n).filter(|&i| lift(i) > 0.0));
    for i in order {
        let outline = to_coords(&layout.outline(i, lift(i)));
        if outline.is_empty() {
            continue;
        }
        let base = colors.get(i).copied().unwrap_or(scheme.neutral);
        let fill = match emphasis.hovered {
            Some(h) if h != i && emphasis.selected != Some(i) => base.mix(scheme.background, DIM),
            _ => base,
        };
        backend.fill_polygon(outline.iter().copied(), &color(fill))?;
        // The separator: a background-coloured stroke on the edge, half on each neighbour.
        let closed = outline.iter().copied().chain(outline.first().copied());
        backend.draw_path(closed, &Stroke(scheme.background, (SEPARATOR * scale).round().max(1.0) as u32))?;
    }
    if let Some(i) = emphasis.selected {
        ring(backend, &layout.outline(i, lift(i)), scheme.text, 2.0 * scale)?;
    }
    if let Some(i) = emphasis.focused {
        // A light halo under a dark ring keeps ≥ 3:1 against any neighbour colour.
        let outline = layout.outline(i, lift(i));
        ring(backend, &outline, scheme.background, 6.0 * scale)?;
        ring(backend, &outline, scheme.text, 3.0 * scale)?;
    }
    backend.present()
}

fn ring<B: DrawingBackend>(backend: &mut B, outline: &[(f64, f64)], c: Rgb, width: f64) -> Result<(), DrawingErrorKind<B::ErrorType>> {
    let coords = to_coords(outline);
    let closed = coords.iter().copied().chain(coords.first().copied());
    backend.draw_path(closed, &Stroke(c, width.round().max(1.0) as u32))
}

fn to_coords(points: &[(f64, f64)]) -> Vec<(i32, i32)> {
    points.iter().map(|&(x, y)| (x.round() as i32, y.round() as i32)).collect()
}

fn color(c: Rgb) -> BackendColor {
    BackendColor { alpha: 1.0, rgb: (c.0, c.1, c.2) }
}

/// A solid stroke of a given width.
struct Stroke(Rgb, u32);

impl BackendStyle for Stroke {
    fn color(&self) -> BackendColor {
        color(self.0)
    }
    fn stroke_width(&self) -> u32 {
        self.1
    }
}
