//! The sprawl profile: how spread out a company's presence is. Distinct spaces, platforms (with
//! the count per platform), themes, countries, the replication factor (spaces per distinct
//! function), the concentration of spaces over platforms and over themes (Herfindahl–Hirschman
//! index, with a verdict in words), the dormant share and the unowned share.
//!
//! Invariant: every figure is a function of the dataset alone (dormancy is measured against the
//! dataset's `as_of`, never the reader's clock), so a post shows the same figures forever.

use crate::dataset::Dataset;
use crate::group::{self, GroupBy};
use crate::palette::LIGHT;

/// A space whose last post is more than this many days before `as_of` is dormant.
pub const DORMANT_AFTER_DAYS: i64 = 180;
/// HHI at or above this: focused (one or two platforms or themes carry most spaces).
pub const FOCUSED_FROM: f64 = 0.25;
/// HHI under this: sprawling (spaces spread thin over many platforms or themes).
pub const SPRAWLING_UNDER: f64 = 0.15;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Focused,
    Balanced,
    Sprawling,
}

impl Verdict {
    pub fn of(hhi: f64) -> Verdict {
        if hhi >= FOCUSED_FROM {
            Verdict::Focused
        } else if hhi < SPRAWLING_UNDER {
            Verdict::Sprawling
        } else {
            Verdict::Balanced
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Focused => "focused",
            Verdict::Balanced => "balanced",
            Verdict::Sprawling => "sprawling",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    pub spaces: usize,
    /// Distinct functions: spaces sharing a `function` count once.
    pub functions: usize,
    /// `spaces / functions` (1 when nothing is replicated).
    pub replication: f64,
    /// Platform label and its number of spaces, most first.
    pub platforms: Vec<(String, usize)>,
    pub themes: usize,
    pub countries: usize,
    /// Σ share² of spaces over platforms, from 1/n (even) to 1 (all on one).
    pub platform_hhi: f64,
    /// Σ share² of theme memberships over themes.
    pub theme_hhi: f64,
    /// Share of the spaces with a `last_post` that are dormant; `None` without `as_of` or dates.
    pub dormant: Option<f64>,
    /// Share of the spaces without a department.
    pub unowned: f64,
}

pub fn profile(dataset: &Dataset) -> Profile {
    let spaces = dataset.spaces.len();
    let (_, functions) = group::units(dataset, true);
    let by = |by: GroupBy| group::group(dataset, by, false, &LIGHT);
    let platforms: Vec<(String, usize)> = by(GroupBy::Platform).into_iter().map(|g| (g.label, g.count)).collect();
    let themes = by(GroupBy::Theme);
    let countries = by(GroupBy::Country).iter().filter(|g| g.key != group::NOT_SET).count();
    let hhi = |counts: &mut dyn Iterator<Item = usize>| {
        let counts: Vec<usize> = counts.collect();
        let total: usize = counts.iter().sum();
        if total == 0 {
            return 0.0;
        }
        counts.iter().map(|&c| (c as f64 / total as f64).powi(2)).sum()
    };
    let dated: Vec<i64> = match dataset.as_of.as_deref().and_then(days) {
        Some(as_of) => dataset.spaces.iter().filter_map(|s| s.last_post.as_deref().and_then(days)).map(|d| as_of - d).collect(),
        None => Vec::new(),
    };
    let share = |n: usize, of: usize| if of == 0 { 0.0 } else { n as f64 / of as f64 };
    Profile {
        spaces,
        functions,
        replication: share(spaces, functions).max(if spaces == 0 { 0.0 } else { 1.0 }),
        platform_hhi: hhi(&mut platforms.iter().map(|p| p.1)),
        platforms,
        themes: themes.len(),
        theme_hhi: hhi(&mut themes.iter().map(|g| g.count)),
        countries,
        dormant: (!dated.is_empty()).then(|| share(dated.iter().filter(|&&age| age > DORMANT_AFTER_DAYS).count(), dated.len())),
        unowned: share(dataset.spaces.iter().filter(|s| s.department.is_none()).count(), spaces),
    }
}

/// Days since 1970-01-01 of a `YYYY-MM-DD…` date (proleptic Gregorian), or `None`.
pub fn days(date: &str) -> Option<i64> {
    let b = date.as_bytes();
    let number = |r: std::ops::Range<usize>| -> Option<i64> {
        b.get(r)?.iter().try_fold(0i64, |n, d| d.is_ascii_digit().then(|| n * 10 + (d - b'0') as i64))
    };
    let (y, m, d) = (number(0..4)?, number(5..7)?, number(8..10)?);
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}
