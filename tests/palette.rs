//! Colours: `#rrggbb` in and out, and the WCAG contrast every palette colour must keep.
#![cfg(not(target_arch = "wasm32"))]

use channel_sprawl::palette::{generated, Rgb, Scheme, DARK, DARK_PALETTE, LIGHT, LIGHT_PALETTE};

/// `fg` has at least `min`:1 contrast against `bg`.
#[track_caller]
fn check_contrast(what: &str, fg: Rgb, bg: Rgb, min: f64) {
    let ratio = fg.contrast(bg);
    assert!(ratio >= min, "{what} {fg} on {bg}: {ratio:.2}:1, needs {min}:1");
}

#[test]
fn contrast_matches_known_wcag_values() {
    let (black, white) = (Rgb(0, 0, 0), Rgb(255, 255, 255));
    assert!((black.contrast(white) - 21.0).abs() < 1e-9);
    assert!((white.contrast(black) - 21.0).abs() < 1e-9, "the order does not matter");
    assert!((Rgb(0x12, 0x34, 0x56).contrast(Rgb(0x12, 0x34, 0x56)) - 1.0).abs() < 1e-9);
    // #767676 is the lightest grey with 4.5:1 on white (4.54); #777777 just misses (4.48).
    assert!((Rgb(0x76, 0x76, 0x76).contrast(white) - 4.54).abs() < 0.01);
    assert!((Rgb(0x77, 0x77, 0x77).contrast(white) - 4.48).abs() < 0.01);
    assert!((white.luminance() - 1.0).abs() < 1e-9 && black.luminance() == 0.0);
}

#[test]
fn every_light_palette_colour_has_3_to_1_against_the_light_background() {
    for (i, &c) in LIGHT_PALETTE.iter().enumerate() {
        check_contrast(&format!("LIGHT_PALETTE[{i}]"), c, LIGHT.background, 3.0);
    }
}

#[test]
fn every_dark_palette_colour_has_3_to_1_against_the_dark_background() {
    for (i, &c) in DARK_PALETTE.iter().enumerate() {
        check_contrast(&format!("DARK_PALETTE[{i}]"), c, DARK.background, 3.0);
    }
}

#[test]
fn text_has_4_5_to_1_and_the_neutral_grey_3_to_1_against_their_backgrounds() {
    for (name, scheme) in [("LIGHT", &LIGHT), ("DARK", &DARK)] {
        check_contrast(&format!("{name}.text"), scheme.text, scheme.background, 4.5);
        check_contrast(&format!("{name}.neutral"), scheme.neutral, scheme.background, 3.0);
    }
}

#[test]
fn each_scheme_uses_its_own_palette_of_ten_distinct_colours_none_of_them_the_neutral_grey() {
    for (scheme, palette) in [(&LIGHT, &LIGHT_PALETTE), (&DARK, &DARK_PALETTE)] {
        assert_eq!(scheme.palette, &palette[..]);
        for (i, a) in palette.iter().enumerate() {
            assert!(!palette[i + 1..].contains(a), "{a} is in the palette twice");
            assert_ne!(*a, scheme.neutral);
        }
    }
}

#[test]
fn generated_colours_follow_the_palette_and_repeat_past_its_end() {
    let scheme: &Scheme = &LIGHT;
    assert_eq!(generated(scheme, 0), Rgb(0x1b, 0x6c, 0xa8));
    assert_eq!(generated(scheme, 9), Rgb(0x8a, 0x6a, 0x00));
    assert_eq!(generated(scheme, 10), generated(scheme, 0));
    assert_eq!(generated(scheme, 23), generated(scheme, 3));
    assert_eq!(generated(&DARK, 1), Rgb(0xc0, 0x95, 0x6d));
}

#[test]
fn parse_hex_accepts_hash_and_six_hex_digits_in_either_case() {
    assert_eq!(Rgb::parse_hex("#AbCdEf"), Some(Rgb(0xab, 0xcd, 0xef)));
    assert_eq!(Rgb::parse_hex("#000000"), Some(Rgb(0, 0, 0)));
    assert_eq!(Rgb::parse_hex("#FFFFFF"), Some(Rgb(255, 255, 255)));
    assert_eq!(Rgb::parse_hex("#1b6ca8"), Some(Rgb(27, 108, 168)));
}

#[test]
fn parse_hex_rejects_everything_else() {
    for bad in
        ["#abc", "abcdef", "#gggggg", "", "#", "#abcde", "#abcdef0", " #abcdef", "#abcdef ", "##abcde", "#-12345", "#ééé", "rgb(1,2,3)"]
    {
        assert_eq!(Rgb::parse_hex(bad), None, "{bad:?}");
    }
}

#[test]
fn display_is_lower_case_hash_rrggbb() {
    assert_eq!(Rgb(0xAB, 0xCD, 0xEF).to_string(), "#abcdef");
    assert_eq!(Rgb(1, 2, 3).to_string(), "#010203");
    assert_eq!(Rgb(0, 0, 0).to_string(), "#000000");
    assert_eq!(Rgb(255, 255, 255).to_string(), "#ffffff");
    for &c in LIGHT_PALETTE.iter().chain(&DARK_PALETTE) {
        assert_eq!(Rgb::parse_hex(&c.to_string()), Some(c));
    }
}

#[test]
fn mix_moves_toward_the_other_colour() {
    let (black, white) = (Rgb(0, 0, 0), Rgb(255, 255, 255));
    assert_eq!(black.mix(white, 0.0), black);
    assert_eq!(black.mix(white, 1.0), white);
    assert_eq!(black.mix(white, 0.5), Rgb(128, 128, 128)); // 127.5 rounds up
                                                           // #1b6ca8 45 % of the way to white: 27 + 228 × 0.45 = 129.6, 108 + 147 × 0.45 = 174.15,
                                                           // 168 + 87 × 0.45 = 207.15.
    assert_eq!(Rgb(0x1b, 0x6c, 0xa8).mix(white, 0.45), Rgb(130, 174, 207));
}

#[test]
fn the_cheap_dark_test_picks_a_readable_ink_on_every_palette_colour() {
    let (white, black) = (Rgb(255, 255, 255), Rgb(0, 0, 0));
    for c in LIGHT_PALETTE.iter().chain(DARK_PALETTE.iter()) {
        let chosen = c.contrast(if c.is_dark() { white } else { black });
        let best = c.contrast(white).max(c.contrast(black));
        assert!(chosen >= 4.5 && chosen > best - 0.2, "{c}: chosen {chosen:.2}, best {best:.2}");
    }
}
