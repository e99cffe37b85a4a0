//! Drawing: one renderer written against plotters' `DrawingBackend`, so the same code paints the
//! canvas in the browser and SVG natively (reference tests, static fallbacks).
//!
//! Invariant: a segment's interior is filled with exactly its group's colour unless another
//! segment is hovered (then the rest are dimmed); emphasis is shown by lifting the segment and by
//! outlines, never by changing its colour.

use crate::geometry::{sin_cos, Layout, Segment};
use crate::palette::{Rgb, Scheme};
use plotters::prelude::DrawingBackend;
use plotters_backend::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{BackendColor, BackendStyle, BackendTextStyle, DrawingErrorKind, FontFamily, FontStyle};

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

/// Everything one paint needs.
#[derive(Debug, Clone, Copy)]
pub struct Picture<'a> {
    pub layout: &'a Layout,
    /// One colour per segment.
    pub colors: &'a [Rgb],
    /// Direct labels (the counts), one per segment, drawn inside it where they fit: the reader
    /// never depends on colour alone.
    pub labels: &'a [String],
    pub scheme: &'a Scheme,
    pub emphasis: Emphasis,
    /// The device-pixel ratio.
    pub scale: f64,
    /// The reader's text size against the usual (`Action::TextScale`): the labels' size.
    pub text: f64,
    /// Backend units per device pixel: the coordinates a backend is given are whole numbers, so a
    /// backend that draws at `1 / fine` of a unit (the canvas's, `FINE`) places the ring's edges
    /// to a fraction of a pixel. Whole pixels, an enlarged ring's rounded vertices showed as
    /// facets on its rims. Every size and threshold is still worked out in device pixels.
    pub fine: f64,
}

/// The canvas's `Picture::fine`: an eighth of a device pixel.
pub const FINE: f64 = 8.0;

/// The widget's typeface (the stylesheet's default, without quotes so that it can go in an SVG
/// attribute as it is): labels on the canvas use the same font as the text around them (unless
/// the page sets `--channel-sprawl-font`, which the canvas does not see), and the browser matches
/// one family instead of two.
pub const FONT_FAMILY: &str = "system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif";

/// Label text size in CSS pixels (never under 12).
pub const LABEL_SIZE: f64 = 13.0;

/// Paints a picture on `backend`.
pub fn draw<B: DrawingBackend>(backend: &mut B, picture: &Picture) -> Result<(), DrawingErrorKind<B::ErrorType>> {
    let Picture { layout, colors, scheme, emphasis, scale, fine, .. } = *picture;
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
    // The separator stroke takes half its width off every edge, the ring's rims included: fill a
    // ring grown by that half so the painted ring is exactly the layout's (areas stay on scale).
    let separator = (SEPARATOR * scale).round().max(1.0);
    let mut grown = layout.clone();
    grown.outer += separator / 2.0;
    if grown.inner > 0.0 {
        grown.inner = (grown.inner - separator / 2.0).max(0.0);
    }
    // Lifted segments are painted last so that nothing covers them.
    let n = layout.segments.len();
    let order = (0..n).filter(|&i| lift(i) == 0.0).chain((0..n).filter(|&i| lift(i) > 0.0));
    for i in order {
        let points = outline(&grown, i, lift(i));
        if points.is_empty() {
            continue;
        }
        let base = colors.get(i).copied().unwrap_or(scheme.neutral);
        let fill = match emphasis.hovered {
            Some(h) if h != i && emphasis.selected != Some(i) => base.mix(scheme.background, DIM),
            _ => base,
        };
        backend.fill_polygon(to_coords(&points, fine), &color(fill))?;
        // The separator: a background-coloured stroke on the edge, half on each neighbour; no
        // wider than a third of a thin segment at the hole, which it would otherwise cover, and
        // none on a segment of under a pixel and a half there (side by side, such slivers of
        // colour show a band where separators would have left the ring white).
        let thin = match layout.segments[i] {
            Segment::Arc { start, end } => ((end - start) * layout.inner.max(layout.outer * 0.25) / 3.0).round(),
            Segment::Rect { .. } => separator,
        };
        if thin >= 1.0 {
            ring(backend, grown.rims(i, &points), scheme.background, separator.min(thin), fine)?;
        }
        marks(backend, picture, i, lift(i))?;
        label(backend, picture, i, lift(i), fill)?;
    }
    if let Some(i) = emphasis.selected {
        ring(backend, layout.rims(i, &outline(layout, i, lift(i))), scheme.text, 2.0 * scale, fine)?;
    }
    if let Some(i) = emphasis.focused {
        // A light halo under a dark ring keeps ≥ 3:1 against any neighbour colour.
        let edge = outline(layout, i, lift(i));
        ring(backend, layout.rims(i, &edge), scheme.background, 6.0 * scale, fine)?;
        ring(backend, layout.rims(i, &edge), scheme.text, 3.0 * scale, fine)?;
    }
    backend.present()
}

/// Segment `i`'s outline; a bar's on whole device pixels, where its straight edges stay crisp (an
/// arc's are placed to a fraction of one, `Picture::fine`).
fn outline(layout: &Layout, i: usize, lift: f64) -> Vec<(f64, f64)> {
    let points = layout.outline(i, lift);
    match layout.segments.get(i) {
        Some(Segment::Rect { .. }) => points.into_iter().map(|(x, y)| (x.round(), y.round())).collect(),
        _ => points,
    }
}

/// How many earlier segments have a colour close to segment `i`'s (at most 2): the palette
/// repeats past ten groups, and a dataset may give near-identical colours. Only the `TWIN_WINDOW`
/// segments before it are compared: every pair was (an expanded Other of 200,000 groups took 47 s
/// to paint), and a repeat farther away is not a neighbour to tell apart.
pub fn twin_level(colors: &[Rgb], i: usize) -> usize {
    let Some(&c) = colors.get(i) else { return 0 };
    let close = |d: &Rgb| (d.0 as i32 - c.0 as i32).abs() + (d.1 as i32 - c.1 as i32).abs() + (d.2 as i32 - c.2 as i32).abs() < 60;
    colors.get(i.saturating_sub(TWIN_WINDOW)..i).unwrap_or_default().iter().filter(|d| close(d)).take(2).count()
}

/// How far back `twin_level` looks, in segments.
pub const TWIN_WINDOW: usize = 64;

/// A pattern of background-coloured dots on a segment whose colour repeats an earlier one's:
/// one row for the first repeat, two for the next.
fn marks<B: DrawingBackend>(backend: &mut B, p: &Picture, i: usize, lift: f64) -> Result<(), DrawingErrorKind<B::ErrorType>> {
    let rows = twin_level(p.colors, i);
    if rows == 0 {
        return Ok(());
    }
    let (layout, scale, fine) = (p.layout, p.scale, p.fine);
    let (radius, step) = ((1.6 * scale).round().max(1.0) * fine, 7.0 * scale);
    let at = |x: f64, y: f64| unit((x, y), fine);
    let dot = color(p.scheme.background);
    for row in 1..=rows {
        // Near the edges: a ring's count is in its middle.
        let t = if row == rows { 0.82 } else { 0.18 };
        match layout.segments[i] {
            Segment::Arc { start, end } => {
                let inner = if layout.inner > 0.0 { layout.inner } else { layout.outer * 0.25 };
                let r = inner + (layout.outer - inner) * t;
                let (ms, mc) = sin_cos((start + end) / 2.0);
                let count = (((end - start) * r / step) as usize).min(400);
                for k in 1..count {
                    let (sa, ca) = sin_cos(start + (end - start) * k as f64 / count as f64);
                    backend.draw_circle(at(layout.cx + r * sa + lift * ms, layout.cy - r * ca - lift * mc), radius as u32, &dot, true)?;
                }
            }
            Segment::Rect { x0, y0, x1, y1 } => {
                let y = y0 + (y1 - y0) * t;
                let count = (((x1 - x0) / step) as usize).min(400);
                for k in 1..count {
                    let x = x0 + (x1 - x0) * k as f64 / count as f64;
                    backend.draw_circle(at(x, y), radius as u32, &dot, true)?;
                }
            }
        }
    }
    Ok(())
}

/// The width of `text` at font size `size`, estimated (digits and Latin letters average about
/// 0.62 em): no text is measured. Characters are counted as the bytes that start one, not through
/// `chars().count()`, whose vectorised counter costs 0.8 KB of wasm.
fn text_width(size: f64, text: &str) -> f64 {
    0.62 * size * text.bytes().filter(|b| b & 0xC0 != 0x80).count() as f64
}

/// The segment's label in its middle, if it fits, in black or white, whichever contrasts more.
fn label<B: DrawingBackend>(backend: &mut B, p: &Picture, i: usize, lift: f64, fill: Rgb) -> Result<(), DrawingErrorKind<B::ErrorType>> {
    let (Some(text), Segment::Arc { start, end }) = (p.labels.get(i), p.layout.segments[i]) else {
        return Ok(());
    };
    let layout = p.layout;
    let (r, depth) = if layout.inner > 0.0 {
        ((layout.outer + layout.inner) / 2.0, layout.outer - layout.inner)
    } else {
        (layout.outer * 0.65, layout.outer * 0.5)
    };
    // A ring enlarged past 200 CSS pixels of radius (the widget's dialog) has larger labels, up to
    // half again; those in the post and in the exports keep `LABEL_SIZE`, times the reader's
    // text size in the widget (the exports' is the usual). A label too large for its segment at
    // the reader's size takes the usual size where that fits: a larger text never leaves a ring
    // with fewer counts.
    let fits = |size: f64| !(text.is_empty() || depth < size * 1.4 || (end - start) * r < text_width(size, text).max(size) + 8.0 * p.scale);
    let usual = LABEL_SIZE * p.scale * (layout.outer / p.scale / 200.0).clamp(1.0, 1.5);
    let Some(size) = [usual * p.text, usual].into_iter().find(|&size| fits(size)) else {
        return Ok(());
    };
    let (s, c) = sin_cos((start + end) / 2.0);
    let at = (layout.cx + (r + lift) * s, layout.cy - (r + lift) * c);
    let ink = if fill.is_dark() { Rgb(255, 255, 255) } else { Rgb(0, 0, 0) };
    backend.draw_text(text, &Label { size: size * p.fine, color: ink }, unit(at, p.fine))
}

/// Bold sans-serif text centred on its anchor. Backends that draw text natively (canvas, SVG)
/// only read its description; `layout_box` is an estimate for the others.
pub struct Label {
    pub size: f64,
    pub color: Rgb,
}

impl BackendTextStyle for Label {
    type FontError = std::fmt::Error;

    fn color(&self) -> BackendColor {
        color(self.color)
    }
    fn size(&self) -> f64 {
        self.size
    }
    fn style(&self) -> FontStyle {
        FontStyle::Bold
    }
    fn anchor(&self) -> Pos {
        Pos::new(HPos::Center, VPos::Center)
    }
    fn family(&self) -> FontFamily<'_> {
        FontFamily::Name(FONT_FAMILY)
    }
    fn layout_box(&self, text: &str) -> Result<((i32, i32), (i32, i32)), Self::FontError> {
        let w = text_width(self.size, text) as i32;
        Ok(((0, 0), (w, self.size as i32)))
    }
    fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        _: &str,
        _: (i32, i32),
        _: F,
    ) -> Result<Result<(), E>, Self::FontError> {
        Ok(Ok(()))
    }
}

/// Strokes each closed line of `rims` (see `Layout::rims`), `width` device pixels wide.
fn ring<B: DrawingBackend>(
    backend: &mut B,
    rims: [&[(f64, f64)]; 2],
    c: Rgb,
    width: f64,
    fine: f64,
) -> Result<(), DrawingErrorKind<B::ErrorType>> {
    for rim in rims.into_iter().filter(|rim| !rim.is_empty()) {
        let coords = to_coords(rim, fine);
        let closed = coords.iter().copied().chain(coords.first().copied());
        backend.draw_path(closed, &Stroke(c, (width.round().max(1.0) * fine) as u32))?;
    }
    Ok(())
}

/// A point in device pixels → in the backend's units (`Picture::fine`).
fn unit((x, y): (f64, f64), fine: f64) -> (i32, i32) {
    ((x * fine).round() as i32, (y * fine).round() as i32)
}

fn to_coords(points: &[(f64, f64)], fine: f64) -> Vec<(i32, i32)> {
    points.iter().map(|&p| unit(p, fine)).collect()
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
