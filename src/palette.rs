//! Colours: the `#rrggbb` type, the default palette and the contrast arithmetic of WCAG 2.
//!
//! Invariant: every colour of `LIGHT` has at least 3:1 contrast against the light background and
//! every colour of `DARK` against the dark one (tested in `tests/palette.rs`).

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Parses exactly `#rrggbb` (either case); anything else is `None`.
    pub fn parse_hex(text: &str) -> Option<Rgb> {
        let digits = text.strip_prefix('#')?.as_bytes();
        if digits.len() != 6 {
            return None;
        }
        let byte = |i: usize| Some(hex_digit(digits[i])? * 16 + hex_digit(digits[i + 1])?);
        Some(Rgb(byte(0)?, byte(2)?, byte(4)?))
    }

    /// Mixes `self` toward `other`; `t = 0` is `self`, `t = 1` is `other`.
    pub fn mix(self, other: Rgb, t: f64) -> Rgb {
        let lerp = |a: u8, b: u8| (a as f64 + (b as f64 - a as f64) * t).round().clamp(0.0, 255.0) as u8;
        Rgb(lerp(self.0, other.0), lerp(self.1, other.1), lerp(self.2, other.2))
    }

    /// Relative luminance (WCAG 2.x).
    pub fn luminance(self) -> f64 {
        fn channel(c: u8) -> f64 {
            let c = c as f64 / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        }
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// Whether white text contrasts more than black on this colour. Luminance with a cubic fit of
    /// the sRGB curve (within 0.5 %): no `powf` in the wasm, and WCAG's answer except within a hair
    /// of the crossover (L ≈ 0.18), where both inks exceed 4.5:1.
    pub fn is_dark(self) -> bool {
        let lin = |c: u8| {
            let c = c as f64 / 255.0;
            c * (c * (c * 0.305306011 + 0.682171111) + 0.012522878)
        };
        0.2126 * lin(self.0) + 0.7152 * lin(self.1) + 0.0722 * lin(self.2) < 0.179
    }

    /// WCAG contrast ratio, from 1 to 21.
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        let (hi, lo) = if a > b { (a, b) } else { (b, a) };
        (hi + 0.05) / (lo + 0.05)
    }
}

impl Rgb {
    /// `#rrggbb`, lower case: the form the dataset uses and CSS reads (no `core::fmt`).
    pub fn hex(self) -> String {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut out = String::with_capacity(7);
        out.push('#');
        for c in [self.0, self.1, self.2] {
            out.push(HEX[(c >> 4) as usize] as char);
            out.push(HEX[(c & 15) as usize] as char);
        }
        out
    }
}

/// `#rrggbb`, lower case: the form the dataset uses and CSS reads.
impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.hex())
    }
}

fn hex_digit(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// The two renderings: page background, text and separators, and the data palette.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scheme {
    pub background: Rgb,
    pub text: Rgb,
    /// "Not set" and "Other": a grey that no data colour uses.
    pub neutral: Rgb,
    pub palette: &'static [Rgb],
}

/// Ordered so that neighbours (in the ring, the legend and the bars, wrapping around) stay apart
/// under simulated protanopia, deuteranopia and tritanopia (`tests/colour_vision.rs`); the order
/// was chosen by search for the largest smallest neighbour distance in both palettes. Every
/// colour has ≥ 3:1 against white.
pub const LIGHT_PALETTE: [Rgb; 10] = [
    Rgb(0x1b, 0x6c, 0xa8), // blue
    Rgb(0x7a, 0x52, 0x30), // brown
    Rgb(0x4b, 0x55, 0xa8), // indigo
    Rgb(0xc4, 0x50, 0x1b), // vermilion
    Rgb(0x11, 0x7d, 0x55), // bluish green
    Rgb(0x9b, 0x4f, 0x96), // reddish purple
    Rgb(0x4a, 0x6f, 0x1c), // olive
    Rgb(0x2b, 0x8c, 0xbe), // sky
    Rgb(0xd1, 0x33, 0x5b), // raspberry
    Rgb(0x8a, 0x6a, 0x00), // ochre
];

/// The same hues, lightened for a dark page: every colour has ≥ 3:1 against `DARK.background`.
pub const DARK_PALETTE: [Rgb; 10] = [
    Rgb(0x5d, 0xa5, 0xda),
    Rgb(0xc0, 0x95, 0x6d),
    Rgb(0x9a, 0xa3, 0xf0),
    Rgb(0xf0, 0x8a, 0x4b),
    Rgb(0x3c, 0xb9, 0x8a),
    Rgb(0xcf, 0x8b, 0xc9),
    Rgb(0x9c, 0xc2, 0x5c),
    Rgb(0x7f, 0xc8, 0xee),
    Rgb(0xf2, 0x6d, 0x8e),
    Rgb(0xd4, 0xae, 0x3a),
];

pub const LIGHT: Scheme =
    Scheme { background: Rgb(0xff, 0xff, 0xff), text: Rgb(0x1f, 0x23, 0x28), neutral: Rgb(0x6e, 0x6e, 0x6e), palette: &LIGHT_PALETTE };
pub const DARK: Scheme =
    Scheme { background: Rgb(0x1c, 0x1c, 0x1e), text: Rgb(0xec, 0xec, 0xec), neutral: Rgb(0x9a, 0x9a, 0x9a), palette: &DARK_PALETTE };

/// The colour of the `index`-th generated group. Past the palette the hues repeat; the legend,
/// the tooltip and the focus outline keep groups apart (colour is never the only cue).
pub fn generated(scheme: &Scheme, index: usize) -> Rgb {
    scheme.palette[index % scheme.palette.len()]
}

/// Which of `scheme`'s palette colours are among `given` (the colours datasets give their groups),
/// for `generated_apart`: one pass over them, however many groups ask.
pub fn taken(scheme: &Scheme, given: &mut dyn Iterator<Item = Rgb>) -> Vec<bool> {
    let mut taken = vec![false; scheme.palette.len()];
    for c in given {
        if let Some(i) = scheme.palette.iter().position(|&p| p == c) {
            taken[i] = true;
        }
    }
    taken
}

/// The `index`-th generated colour among the palette's colours that no dataset gives its own
/// group (`taken`, from `taken()`): a generated group never looks like one the blogger coloured,
/// and two generated groups share a colour only where those run out. With none taken,
/// `generated(scheme, index)`.
#[inline(never)]
pub fn generated_apart(scheme: &Scheme, index: usize, taken: &[bool]) -> Rgb {
    let free = taken.iter().filter(|&&t| !t).count();
    let wanted = if free == 0 { return generated(scheme, index) } else { index % free };
    let mut seen = 0;
    for (i, &t) in taken.iter().enumerate() {
        if !t {
            if seen == wanted {
                return scheme.palette[i];
            }
            seen += 1;
        }
    }
    generated(scheme, index)
}
