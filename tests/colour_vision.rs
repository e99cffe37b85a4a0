//! The default palettes under simulated colour-vision deficiencies: neighbouring colours (as the
//! ring, legend and bars place them, wrapping around) stay clearly apart for readers with
//! protanopia, deuteranopia or tritanopia, not only for typical colour vision.
//!
//! Simulation: Machado, Oliveira & Fernandes (2009), severity 1, applied in linear sRGB; distance:
//! CIE76 ΔE in CIELAB (D65). A ΔE of 20 is an obvious difference side by side.
#![cfg(not(target_arch = "wasm32"))]

use channel_sprawl::palette::{Rgb, DARK_PALETTE, LIGHT_PALETTE};

const MIN_NEIGHBOUR_DELTA_E: f64 = 20.0;

const SIMULATIONS: [(&str, [[f64; 3]; 3]); 4] = [
    ("typical", [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]),
    ("protanopia", [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]),
    ("deuteranopia", [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]),
    ("tritanopia", [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]]),
];

fn linear(c: u8) -> f64 {
    let c = c as f64 / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

fn lab_as_seen(color: Rgb, m: &[[f64; 3]; 3]) -> [f64; 3] {
    let c = [linear(color.0), linear(color.1), linear(color.2)];
    let s: Vec<f64> = (0..3).map(|i| (m[i][0] * c[0] + m[i][1] * c[1] + m[i][2] * c[2]).clamp(0.0, 1.0)).collect();
    let x = (0.4124 * s[0] + 0.3576 * s[1] + 0.1805 * s[2]) / 0.95047;
    let y = 0.2126 * s[0] + 0.7152 * s[1] + 0.0722 * s[2];
    let z = (0.0193 * s[0] + 0.1192 * s[1] + 0.9505 * s[2]) / 1.08883;
    let f = |t: f64| if t > 0.008856 { t.cbrt() } else { 7.787 * t + 16.0 / 116.0 };
    [116.0 * f(y) - 16.0, 500.0 * (f(x) - f(y)), 200.0 * (f(y) - f(z))]
}

fn delta_e(a: [f64; 3], b: [f64; 3]) -> f64 {
    ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)).sqrt()
}

fn check_neighbours(name: &str, palette: &[Rgb]) {
    for (vision, m) in &SIMULATIONS {
        for i in 0..palette.len() {
            let (a, b) = (palette[i], palette[(i + 1) % palette.len()]);
            let d = delta_e(lab_as_seen(a, m), lab_as_seen(b, m));
            assert!(d >= MIN_NEIGHBOUR_DELTA_E, "{name} palette, {vision}: {a} and {b} are only ΔE {d:.1} apart");
        }
    }
}

#[test]
fn light_palette_neighbours_stay_apart_under_colour_vision_deficiencies() {
    check_neighbours("light", &LIGHT_PALETTE);
}

#[test]
fn dark_palette_neighbours_stay_apart_under_colour_vision_deficiencies() {
    check_neighbours("dark", &DARK_PALETTE);
}

#[test]
fn the_simulation_does_merge_a_classic_confusion_pair() {
    // Sanity check of the method: pure red and a green of similar lightness are far apart for
    // typical vision but close for a deuteranope.
    let (red, green) = (Rgb(0xd0, 0x30, 0x30), Rgb(0x60, 0x80, 0x20));
    let typical = delta_e(lab_as_seen(red, &SIMULATIONS[0].1), lab_as_seen(green, &SIMULATIONS[0].1));
    let deutan = delta_e(lab_as_seen(red, &SIMULATIONS[2].1), lab_as_seen(green, &SIMULATIONS[2].1));
    assert!(typical > 50.0 && deutan < typical / 2.0, "typical {typical:.1}, deuteranopia {deutan:.1}");
}
