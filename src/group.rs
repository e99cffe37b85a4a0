//! Grouping: spaces → groups by theme, platform, department or country, with the replication
//! rule (`dedupe`: spaces sharing a `function` count once) and folding of small groups into
//! "Other".
//!
//! Invariants: a space with several themes counts once in each; no space is dropped (a space
//! without a value for the field goes to the `NOT_SET` group); with dedupe a count never grows.

use crate::dataset::Dataset;
use crate::palette::{self, Rgb, Scheme};
use crate::platform;

/// Key of the group of spaces that have no value for the grouped field.
pub const NOT_SET: &str = "-";
/// Key of the group that folds the small groups together.
pub const OTHER: &str = "~other";
/// The group key of a value from the data. The reserved keys (`-`, and those starting with `~`)
/// cannot come from data: a value that would collide is prefixed with `~` (`-` → `~-`,
/// `~other` → `~~other`), which keeps distinct values distinct.
pub fn data_key(value: &str) -> String {
    if value == NOT_SET || value.starts_with('~') {
        ["~", value].concat()
    } else {
        value.to_owned()
    }
}

/// Default of `data-other-below`: groups under 2 % of the total fold into "Other".
pub const DEFAULT_OTHER_BELOW: f64 = 0.02;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupBy {
    Theme,
    Platform,
    Department,
    Country,
}

impl GroupBy {
    pub const ALL: [GroupBy; 4] = [GroupBy::Theme, GroupBy::Platform, GroupBy::Department, GroupBy::Country];

    pub fn parse(text: &str) -> Option<GroupBy> {
        GroupBy::ALL.into_iter().find(|g| text.trim().eq_ignore_ascii_case(g.as_str()))
    }

    pub fn as_str(self) -> &'static str {
        match self {
            GroupBy::Theme => "theme",
            GroupBy::Platform => "platform",
            GroupBy::Department => "department",
            GroupBy::Country => "country",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub key: String,
    /// Display label; empty for `NOT_SET` and `OTHER`, which the interface names in its language.
    pub label: String,
    pub color: Rgb,
    /// What the segment stands for: member spaces, or distinct functions with dedupe.
    pub count: usize,
    /// Every member space (indices into `Dataset::spaces`), in dataset order.
    pub spaces: Vec<usize>,
    /// One space per counted unit (the first of each function with dedupe), in dataset order.
    pub units: Vec<usize>,
    /// For `OTHER`: the keys of the groups folded into it.
    pub folded: Vec<String>,
}

/// The replication unit of every space: spaces that share a `function` (compared in ASCII lower
/// case) share a unit when `dedupe` is on; otherwise every space is its own unit.
pub fn units(dataset: &Dataset, dedupe: bool) -> (Vec<usize>, usize) {
    let keys: Vec<Option<String>> =
        dataset.spaces.iter().map(|s| s.function.as_ref().filter(|_| dedupe).map(|f| f.to_ascii_lowercase())).collect();
    let first = firsts(&keys);
    let mut ids = vec![0; keys.len()];
    let mut next = 0;
    for i in 0..keys.len() {
        ids[i] = if first[i] == i {
            next += 1;
            next - 1
        } else {
            ids[first[i]]
        };
    }
    (ids, next)
}

/// How many distinct units (`ids`, from `units`) the spaces of `groups` hold: a space in several
/// of them, or copies of one function, count once.
pub fn units_in(groups: &[Group], ids: &[usize], count: usize) -> usize {
    let mut seen = vec![false; count];
    for g in groups {
        for &s in &g.spaces {
            if let Some(unit) = ids.get(s).and_then(|&id| seen.get_mut(id)) {
                *unit = true;
            }
        }
    }
    seen.iter().filter(|&&unit| unit).count()
}

/// Text keys → indices, the keys staying with the caller (read through `key_of`): open addressing
/// over FNV-1a hashes, at most half full. The crate's one hash table (`firsts`, `chart::places`,
/// the validator's theme ids): linear in the keys, and a few hundred bytes of wasm where `HashMap`
/// or `BTreeMap` cost kilobytes.
#[derive(Default)]
pub(crate) struct KeyTable {
    /// `index + 1`, 0 for an empty slot; the length is 0 or a power of two.
    slots: Vec<u32>,
    len: usize,
    /// Keys that differ only in ASCII case are one key (`folding`).
    fold: bool,
}

impl KeyTable {
    /// A table where `Support` and `support` are one key (the validator's theme ids: a sheet's
    /// rows spell a theme as they come).
    pub(crate) fn folding() -> KeyTable {
        KeyTable { fold: true, ..KeyTable::default() }
    }

    /// Room for `n` keys without growing.
    pub(crate) fn with_room(n: usize) -> KeyTable {
        KeyTable { slots: vec![0; (2 * n).next_power_of_two()], len: 0, fold: false }
    }

    /// `Ok(index)` filed under `key`, or `Err(slot)` where `insert` files it.
    pub(crate) fn find<'k>(&self, key_of: &dyn Fn(usize) -> &'k str, key: &str) -> Result<usize, usize> {
        let mask = self.slots.len().wrapping_sub(1);
        let fold = self.fold;
        let byte = |b: u8| if fold { b.to_ascii_lowercase() } else { b };
        let same = |k: &str| if fold { k.eq_ignore_ascii_case(key) } else { k == key };
        let mut at = key.bytes().fold(0x811c_9dc5u32, |h, b| (h ^ u32::from(byte(b))).wrapping_mul(0x0100_0193)) as usize & mask;
        loop {
            match self.slots.get(at) {
                None | Some(0) => return Err(at),
                Some(&n) if same(key_of(n as usize - 1)) => return Ok(n as usize - 1),
                Some(_) => at = (at + 1) & mask,
            }
        }
    }

    /// Files `index` at `slot`, which a `find` of its key just returned; grows when half full,
    /// filing every index again.
    pub(crate) fn insert<'k>(&mut self, key_of: &dyn Fn(usize) -> &'k str, slot: usize, index: usize) {
        self.len += 1;
        if 2 * self.len > self.slots.len() {
            let filed = std::mem::replace(&mut self.slots, vec![0; (2 * self.len).next_power_of_two().max(16)]);
            for n in filed {
                if n != 0 {
                    self.put(key_of, n as usize - 1);
                }
            }
            self.put(key_of, index);
        } else if let Some(s) = self.slots.get_mut(slot) {
            *s = index as u32 + 1;
        }
    }

    /// Files `index` where its key's probe ends.
    fn put<'k>(&mut self, key_of: &dyn Fn(usize) -> &'k str, index: usize) {
        if let Some(s) = self.find(key_of, key_of(index)).err().and_then(|at| self.slots.get_mut(at)) {
            *s = index as u32 + 1;
        }
    }
}

/// For each entry, the index of the first entry with the same key (`None` keys are all distinct).
pub fn firsts(keys: &[Option<String>]) -> Vec<usize> {
    let key_of = |j: usize| keys.get(j).and_then(|k| k.as_deref()).unwrap_or_default();
    let mut table = KeyTable::with_room(keys.len());
    let mut first: Vec<usize> = (0..keys.len()).collect();
    for (i, key) in keys.iter().enumerate() {
        let Some(key) = key else { continue };
        match table.find(&key_of, key) {
            Ok(j) => first[i] = j,
            Err(slot) => table.insert(&key_of, slot, i),
        }
    }
    first
}

/// Stable merge sort of indices by `less`. One small function for every sort of the crate: each
/// `sort_by` instantiation of the standard library costs 2–5 KB of wasm.
pub fn sort_indices(v: &mut [usize], less: &dyn Fn(usize, usize) -> bool) {
    let n = v.len();
    let mut buf = v.to_vec();
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut a, mut b) = (start, mid);
            for slot in &mut buf[start..end] {
                if b >= end || (a < mid && !less(v[b], v[a])) {
                    *slot = v[a];
                    a += 1;
                } else {
                    *slot = v[b];
                    b += 1;
                }
            }
            start = end;
        }
        v.copy_from_slice(&buf);
        width *= 2;
    }
}

/// Groups the spaces of `dataset`, ordered: by theme, the dataset's theme order (themes it does not
/// list follow, largest first); otherwise largest first, ties in order of first appearance, with
/// `NOT_SET` last. Empty groups are left out.
pub fn group(dataset: &Dataset, by: GroupBy, dedupe: bool, scheme: &Scheme) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let empty = |key: String, label: String, color: Rgb| Group {
        key,
        label,
        color,
        count: 0,
        spaces: Vec::new(),
        units: Vec::new(),
        folded: Vec::new(),
    };
    if by == GroupBy::Theme {
        let taken = palette::taken(scheme, &mut dataset.themes.iter().filter_map(|t| t.color));
        for (i, theme) in dataset.themes.iter().enumerate() {
            let color = theme.color.unwrap_or_else(|| palette::generated_apart(scheme, i, &taken));
            groups.push(empty(data_key(&theme.id), theme.label.clone(), color));
        }
        for (i, space) in dataset.spaces.iter().enumerate() {
            for &t in &space.themes {
                groups[t].spaces.push(i);
            }
        }
    } else {
        let (keys, labels): (Vec<Option<String>>, Vec<String>) = dataset
            .spaces
            .iter()
            .map(|space| match by {
                GroupBy::Platform => {
                    let key = platform::key(&space.platform);
                    let label = platform::label(&key, &space.platform).to_owned();
                    (Some(data_key(&key)), label)
                }
                GroupBy::Department => match &space.department {
                    Some(d) => (Some(data_key(&d.to_ascii_lowercase())), d.clone()),
                    None => (Some(NOT_SET.to_owned()), String::new()),
                },
                _ => match &space.country {
                    Some(c) => (Some(data_key(c)), c.clone()),
                    None => (Some(NOT_SET.to_owned()), String::new()),
                },
            })
            .unzip();
        // Groups in order of first appearance, labelled as first written.
        let first = firsts(&keys);
        let mut slot = vec![0; keys.len()];
        for (i, (key, label)) in keys.into_iter().zip(labels).enumerate() {
            if first[i] == i {
                slot[i] = groups.len();
                groups.push(empty(key.unwrap_or_default(), label, Rgb(0, 0, 0)));
            }
            groups[slot[first[i]]].spaces.push(i);
        }
    }

    let (unit_of, unit_count) = units(dataset, dedupe);
    // `seen[u] == g + 1` once unit `u` has been counted in group `g`: linear, no hashing.
    let mut seen = vec![0usize; unit_count];
    for (g, group) in groups.iter_mut().enumerate() {
        for &s in &group.spaces {
            let u = unit_of[s];
            if seen[u] != g + 1 {
                seen[u] = g + 1;
                group.units.push(s);
            }
        }
        group.count = group.units.len();
    }
    // Order: listed themes as the dataset lists them; everything else largest first, ties in
    // order of first appearance (the sort is stable), NOT_SET last.
    let listed: Vec<bool> = match by {
        GroupBy::Theme => dataset.themes.iter().map(|t| t.listed).collect(),
        _ => vec![false; groups.len()],
    };
    let mut order: Vec<usize> = (0..groups.len()).filter(|&g| groups[g].count > 0).collect();
    let rank = |g: usize| match listed[g] {
        true => (0, false, std::cmp::Reverse(0)),
        false => (1, groups[g].key == NOT_SET, std::cmp::Reverse(groups[g].count)),
    };
    sort_indices(&mut order, &|a, b| rank(a) < rank(b));
    let mut slots: Vec<Option<Group>> = groups.into_iter().map(Some).collect();
    let mut groups: Vec<Group> = order.iter().filter_map(|&g| slots[g].take()).collect();
    if by != GroupBy::Theme {
        for (n, g) in groups.iter_mut().enumerate() {
            g.color = if g.key == NOT_SET { scheme.neutral } else { palette::generated(scheme, n) };
        }
    }
    groups
}

/// Whether `fold` folds anything: at least two groups (a group is never alone in "Other").
pub fn folds(groups: &[Group], below: f64, keep: &[String]) -> bool {
    enough(&folded(groups, below, keep))
}

/// Whether `folded` puts at least two groups in "Other".
fn enough(folded: &[bool]) -> bool {
    folded.iter().filter(|&&f| f).count() >= 2
}

/// The fewest groups a fold leaves beside "Other" when there are more: where every group is under
/// `below` (hundreds of themes of a few spaces each), the largest of them stay, so that the chart
/// is not one grey ring.
pub const LEAST_SHOWN: usize = 5;

/// Per group, whether `fold` puts it in "Other": under `below` of the total and not one to `keep`,
/// but for the largest ones that keep `LEAST_SHOWN` groups shown (the first of equal ones).
fn folded(groups: &[Group], below: f64, keep: &[String]) -> Vec<bool> {
    let total: usize = groups.iter().map(|g| g.count).sum();
    let mut small: Vec<bool> =
        groups.iter().map(|g| total > 0 && (g.count as f64) < below * total as f64 && !keep.contains(&g.key)).collect();
    let shown = small.iter().filter(|&&f| !f).count();
    if shown < LEAST_SHOWN && groups.len() > LEAST_SHOWN + 1 {
        let mut largest: Vec<usize> = (0..groups.len()).filter(|&i| small[i]).collect();
        sort_indices(&mut largest, &|a, b| groups[a].count > groups[b].count);
        for &i in largest.iter().take(LEAST_SHOWN - shown) {
            small[i] = false;
        }
    }
    small
}

/// Folds the groups `folded` says into one `OTHER` group, placed last (see `folds` for when it
/// does); those whose key is in `keep` stay (a comparison keeps the groups another company's
/// chart shows).
pub fn fold(groups: Vec<Group>, below: f64, keep: &[String], scheme: &Scheme) -> Vec<Group> {
    let folded = folded(&groups, below, keep);
    if !enough(&folded) {
        return groups;
    }
    let (mut small_groups, mut kept) = (Vec::new(), Vec::new());
    for (g, f) in groups.into_iter().zip(folded) {
        if f {
            small_groups.push(g)
        } else {
            kept.push(g)
        }
    }
    let mut other = Group {
        key: OTHER.to_owned(),
        label: String::new(),
        color: scheme.neutral,
        count: 0,
        spaces: Vec::new(),
        units: Vec::new(),
        folded: Vec::new(),
    };
    for g in small_groups {
        other.count += g.count;
        other.spaces.extend(g.spaces);
        other.units.extend(g.units);
        other.folded.push(g.key);
    }
    // Back in dataset order, each space once (a space may sit in several folded groups).
    for list in [&mut other.spaces, &mut other.units] {
        let mut member = vec![false; list.iter().max().map_or(0, |&m| m + 1)];
        for &i in list.iter() {
            member[i] = true;
        }
        *list = (0..member.len()).filter(|&i| member[i]).collect();
    }
    kept.push(other);
    kept
}
