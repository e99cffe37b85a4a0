//! The chart model: a validated dataset plus the reader's interaction state (grouping, dedupe,
//! chart type, hidden groups, "Other" folding, selection, hover, keyboard focus), and everything
//! derived from them (visible groups, layout, emphasis). A plain state machine: `apply` takes an
//! `Action` and says what changed, so the web layer knows what to redraw and which events to send.
//!
//! Invariants: derived data is recomputed only when an input changes (`refresh`); pointer
//! coordinates arrive in CSS pixels and are scaled here, so hit-testing holds at any
//! device-pixel ratio; selection and hidden groups are keys, so they survive regrouping only
//! when the key still exists.

use crate::dataset::Dataset;
use crate::geometry::{Layout, Shape};
use crate::group::{self, Group, GroupBy, KeyTable};
use crate::palette::{Rgb, Scheme, LIGHT};
use crate::render::{Emphasis, Picture, LIFT_SELECTED, PAD, SEPARATOR};

#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    pub group_by: GroupBy,
    pub dedupe: bool,
    pub shape: Shape,
    pub other_below: f64,
    /// Digit-group separator of the reader's language for the segments' direct labels
    /// (`,` in English, a narrow no-break space in French).
    pub thousands: String,
    /// Comparisons: the keys of every company's groups in one order, so that a key gets the same
    /// palette colour in every chart (dataset colours still win). Empty: each chart its own order.
    pub key_order: Vec<String>,
    /// Comparisons: the colours the companies' datasets give their themes, for every chart that
    /// has the theme (its own dataset's colour still wins).
    pub key_colors: Vec<(String, Rgb)>,
    /// Comparisons: the keys another company's chart shows, never folded into "Other" here, so
    /// that a row of the shared legend is a segment in every chart that has the group.
    pub keep: Vec<String>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            group_by: GroupBy::Theme,
            dedupe: false,
            shape: Shape::Donut,
            other_below: group::DEFAULT_OTHER_BELOW,
            thousands: ",".to_owned(),
            key_order: Vec::new(),
            key_colors: Vec::new(),
            keep: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Next,
    Previous,
    First,
    Last,
    Activate,
    Escape,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Pointer position in CSS pixels relative to the canvas; `None` when it leaves.
    Hover(Option<(f64, f64)>),
    /// A click (mouse) at CSS pixels: selects the segment there, or clears on empty space.
    Click(f64, f64),
    /// A tap (touch): selects as a click does, and shows the segment as a hover would.
    Tap(f64, f64),
    Focus(bool),
    Key(Key),
    /// Select a group by key (`None` clears), as from the legend or `handle.select(key)`.
    Select(Option<String>),
    /// Select, or clear when already selected (a legend entry).
    ToggleSelect(String),
    GroupBy(GroupBy),
    Dedupe(bool),
    Shape(Shape),
    ToggleHidden(String),
    /// Show only this group (again: show all).
    Isolate(String),
    ShowAll,
    ExpandOther(bool),
    /// The canvas size in CSS pixels and the device-pixel ratio.
    Resize(f64, f64, f64),
    /// The reader's text size against the usual 16 px (their browser's default font size): the
    /// labels on the segments follow it, as the text around the chart does.
    TextScale(f64),
    Scheme(&'static Scheme),
    /// The page's own background for the widget (`--channel-sprawl-bg`), painted in place of the
    /// scheme's; `None`: the scheme's.
    Background(Option<Rgb>),
    /// The colour order shared by the charts of a comparison (see `Options::key_order`).
    KeyOrder(Vec<String>),
    /// The dataset colours of a comparison's themes (see `Options::key_colors`).
    KeyColors(Vec<(String, Rgb)>),
    /// The keys a comparison's other charts show (see `Options::keep`).
    Keep(Vec<String>),
    /// A reader points at (or focuses) a group's legend entry; `None` when they leave it.
    Legend(Option<String>),
}

/// What an action changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Change {
    /// The canvas must be repainted.
    pub redraw: bool,
    /// Groups, counts or options changed: legend, summary and table must be rebuilt.
    pub view: bool,
    /// The selection changed: send `channel-sprawl:select`, update the drill-down.
    pub selection: bool,
    /// The hovered or focused segment changed: move the tooltip.
    pub pointer: bool,
}

impl Change {
    fn all() -> Change {
        Change { redraw: true, view: true, selection: false, pointer: true }
    }
}

#[derive(Debug, Clone)]
pub struct Chart {
    pub dataset: Dataset,
    pub options: Options,
    pub hidden: Vec<String>,
    /// The group last isolated while this chart lacks it (every group hidden): in a comparison,
    /// isolating it again restores every group here as in the company that has it.
    isolated_elsewhere: Option<String>,
    pub other_expanded: bool,
    /// Folding would make an "Other" of the groups shown (what the legend's "fold" link does).
    pub can_fold: bool,
    pub selected: Option<String>,
    pub hovered: Option<usize>,
    /// The group whose legend entry a reader points at or focuses: its segment is emphasised as
    /// a hovered one is, without the tooltip (the entry says the same).
    pub in_legend: Option<String>,
    pub focused: Option<usize>,
    pub has_focus: bool,
    pub scheme: &'static Scheme,
    /// What the canvas is painted in: `scheme`, on the page's background if it set one.
    painted: Scheme,
    background: Option<Rgb>,
    /// CSS pixels and device-pixel ratio of the canvas.
    pub size: (f64, f64, f64),
    /// The reader's text size against the usual (`Action::TextScale`).
    pub text: f64,
    /// Visible groups (hidden ones removed, small ones folded), in drawing order.
    pub groups: Vec<Group>,
    /// The direct label of each visible group: its count, digits grouped.
    pub labels: Vec<String>,
    /// Every group before hiding and folding: the legend lists these.
    pub all_groups: Vec<Group>,
    pub layout: Layout,
    /// The ring's share of the largest ring's area (several companies on one scale).
    pub fill: f64,
    /// Distinct counted units over all groups (the summary's "N spaces").
    pub units: usize,
    /// Distinct counted units over the groups shown (`units` when none is hidden): the ring's
    /// centre says "17 of 62" with a group isolated, not the 62 of a ring it no longer draws.
    pub shown: usize,
    /// Some spaces share a `function`: counting copies once changes something (the toggle shows).
    pub copies: bool,
    /// Per space, the index of its platform in `platform_labels` (computed once: the tooltip's
    /// top platforms are counted on every hover).
    platform_of: Vec<usize>,
    platform_labels: Vec<String>,
}

impl Chart {
    pub fn new(dataset: Dataset, options: Options) -> Chart {
        let keys: Vec<Option<String>> = dataset.platform_keys().map(Some).collect();
        let first = group::firsts(&keys);
        let mut platform_of = vec![0; keys.len()];
        let mut platform_labels = Vec::new();
        for (i, key) in keys.iter().enumerate() {
            platform_of[i] = if first[i] == i {
                let name = dataset.spaces[i].platform.as_str();
                platform_labels.push(crate::platform::label(key.as_deref().unwrap_or(""), name).to_owned());
                platform_labels.len() - 1
            } else {
                platform_of[first[i]]
            };
        }
        let copies = dataset.spaces.iter().any(|s| s.function.is_some()) && group::units(&dataset, true).1 < dataset.spaces.len();
        let mut chart = Chart {
            copies,
            dataset,
            options,
            hidden: Vec::new(),
            isolated_elsewhere: None,
            other_expanded: false,
            can_fold: false,
            selected: None,
            hovered: None,
            in_legend: None,
            focused: None,
            has_focus: false,
            scheme: &LIGHT,
            painted: LIGHT,
            background: None,
            size: (320.0, 320.0, 1.0),
            text: 1.0,
            groups: Vec::new(),
            labels: Vec::new(),
            all_groups: Vec::new(),
            layout: Layout::new(Shape::Donut, &[], 1.0, 1.0, 1.0, 0.0, 0.0),
            fill: 1.0,
            units: 0,
            shown: 0,
            platform_of,
            platform_labels,
        };
        chart.refresh();
        chart
    }

    /// The keys of the groups whose colour the dataset gives (themes with a `color`, by theme).
    pub fn colored_keys(&self) -> Vec<String> {
        let by_theme = self.options.group_by == GroupBy::Theme;
        self.dataset.themes.iter().filter(|t| by_theme && t.color.is_some()).map(|t| group::data_key(&t.id)).collect()
    }

    /// Recomputes groups and layout from the dataset and options.
    fn refresh(&mut self) {
        // A segment shown (tapped: no pointer leaves it) would be another group's after this.
        self.hovered = None;
        let o = &self.options;
        self.all_groups = group::group(&self.dataset, o.group_by, o.dedupe, self.scheme);
        if !o.key_order.is_empty() {
            // A theme the dataset colours itself keeps its colour; a key listed twice in the
            // order keeps its first place.
            let explicit = self.colored_keys();
            let own = places(&explicit, &self.all_groups);
            let order = places(&o.key_order, &self.all_groups);
            let shared_keys: Vec<String> = o.key_colors.iter().map(|(k, _)| k.clone()).collect();
            let shared = places(&shared_keys, &self.all_groups);
            // The colours the datasets give (all in `key_colors`), which no generated group takes.
            let taken = crate::palette::taken(self.scheme, &mut o.key_colors.iter().map(|&(_, c)| c));
            for (((g, own), place), shared) in self.all_groups.iter_mut().zip(own).zip(order).zip(shared) {
                if own.is_some() || g.key == group::NOT_SET {
                    continue;
                }
                // Another company's dataset colour for the theme, else the shared order's.
                if let Some(&(_, color)) = shared.and_then(|i| o.key_colors.get(i)) {
                    g.color = color;
                } else if let Some(k) = place {
                    g.color = crate::palette::generated_apart(self.scheme, k, &taken);
                }
            }
        }
        let (ids, units) = group::units(&self.dataset, o.dedupe);
        self.units = units;
        let hidden = places(&self.hidden, &self.all_groups);
        let mut visible: Vec<Group> = Vec::new();
        for (g, h) in self.all_groups.iter().zip(hidden) {
            if h.is_none() {
                visible.push(g.clone());
            }
        }
        self.shown = if visible.len() == self.all_groups.len() { units } else { group::units_in(&visible, &ids, units) };
        self.can_fold = group::folds(&visible, o.other_below, &o.keep);
        self.groups = if self.other_expanded { visible } else { group::fold(visible, o.other_below, &o.keep, self.scheme) };
        if self.selected.as_ref().is_some_and(|k| !self.groups.iter().any(|g| &g.key == k)) {
            self.selected = None;
        }
        self.labels = self.groups.iter().map(|g| group_digits(g.count, &self.options.thousands)).collect();
        self.focused = self.focused.filter(|&i| i < self.groups.len());
        self.relayout();
    }

    fn relayout(&mut self) {
        let (w, h, dpr) = self.size;
        let counts: Vec<usize> = self.groups.iter().map(|g| g.count).collect();
        self.layout = Layout::new(self.options.shape, &counts, w * dpr, h * dpr, self.fill, PAD * dpr, SEPARATOR * dpr);
    }

    /// Scales this chart's ring area to `fill` of the full size (comparison on one scale).
    pub fn set_fill(&mut self, fill: f64) {
        self.fill = fill;
        self.relayout();
    }

    /// Platforms used in the dataset.
    pub fn platform_count(&self) -> usize {
        self.platform_labels.len()
    }

    /// The `n` platforms with the most counted spaces in visible group `index`, most first.
    pub fn top_platforms(&self, index: usize, n: usize) -> Vec<(&str, usize)> {
        let Some(group) = self.groups.get(index) else { return Vec::new() };
        let mut counts = vec![0usize; self.platform_labels.len()];
        for &s in &group.units {
            counts[self.platform_of[s]] += 1;
        }
        let mut order: Vec<usize> = (0..counts.len()).filter(|&p| counts[p] > 0).collect();
        group::sort_indices(&mut order, &|a, b| counts[a] > counts[b]);
        order.iter().take(n).map(|&p| (self.platform_labels[p].as_str(), counts[p])).collect()
    }

    pub fn colors(&self) -> Vec<Rgb> {
        self.groups.iter().map(|g| g.color).collect()
    }

    /// Per visible group, its rows of dots (`render::twin_level`): a colour repeated past the
    /// palette's ten is told apart by them, on its segment and on its legend swatch alike.
    pub fn twins(&self) -> Vec<usize> {
        let colors = self.colors();
        (0..colors.len()).map(|i| crate::render::twin_level(&colors, i)).collect()
    }

    /// What to paint now; `colors` is `self.colors()` (kept by the caller for the call's length).
    pub fn picture<'a>(&'a self, colors: &'a [Rgb]) -> Picture<'a> {
        Picture {
            layout: &self.layout,
            colors,
            labels: &self.labels,
            scheme: &self.painted,
            emphasis: self.emphasis(),
            scale: self.size.2,
            text: self.text,
            fine: 1.0,
        }
    }

    pub fn emphasis(&self) -> Emphasis {
        let in_legend = || self.groups.iter().position(|g| Some(&g.key) == self.in_legend.as_ref());
        Emphasis {
            hovered: self.hovered.or_else(in_legend),
            selected: self.selected_index(),
            focused: self.focused.filter(|_| self.has_focus),
        }
    }

    pub fn selected_index(&self) -> Option<usize> {
        let key = self.selected.as_ref()?;
        self.groups.iter().position(|g| &g.key == key)
    }

    pub fn selected_group(&self) -> Option<&Group> {
        self.groups.get(self.selected_index()?)
    }

    /// The segment under a point given in CSS pixels.
    pub fn segment_at(&self, x: f64, y: f64) -> Option<usize> {
        let dpr = self.size.2;
        self.layout.segment_at(x * dpr, y * dpr, LIFT_SELECTED * dpr)
    }

    pub fn apply(&mut self, action: Action) -> Change {
        let mut change = Change::default();
        match action {
            Action::Hover(at) => {
                let hovered = at.and_then(|(x, y)| self.segment_at(x, y));
                if hovered != self.hovered {
                    self.hovered = hovered;
                    change.redraw = true;
                    change.pointer = true;
                }
            }
            Action::Click(x, y) => {
                let key = self.segment_at(x, y).map(|i| self.groups[i].key.clone());
                change = self.toggle(key);
            }
            Action::Tap(x, y) => {
                // A tap selects as a click does (SPEC §2) and shows the segment's figures as a
                // hover would, where no pointer stays; again on it, or on empty space, clears both.
                let hit = self.segment_at(x, y);
                change = self.toggle(hit.map(|i| self.groups[i].key.clone()));
                let shown = hit.filter(|_| self.selected.is_some());
                if shown != self.hovered {
                    self.hovered = shown;
                    change.redraw = true;
                    change.pointer = true;
                }
            }
            Action::Focus(focus) => {
                self.has_focus = focus;
                if focus && self.focused.is_none() && !self.groups.is_empty() {
                    self.focused = Some(self.selected_index().unwrap_or(0));
                }
                change.redraw = true;
                change.pointer = true;
            }
            Action::Key(key) => change = self.key(key),
            // From the legend, the drill-down or the page: a segment a tap showed (touch has no
            // pointer leaving it) goes with the selection it made.
            Action::Select(key) => {
                let selected = self.select(key);
                change = self.unhover(selected);
            }
            Action::ToggleSelect(key) => {
                let toggled = self.toggle(Some(key));
                change = self.unhover(toggled);
            }
            Action::GroupBy(by) if by != self.options.group_by => {
                self.options.group_by = by;
                self.hidden.clear();
                self.isolated_elsewhere = None;
                self.other_expanded = false;
                // A key the new grouping has too would be another group (the spaces with no
                // country, not those with no department): the selection is cleared.
                let had = self.selected.take().is_some();
                change = self.regroup();
                change.selection |= had;
            }
            Action::Dedupe(on) if on != self.options.dedupe => {
                self.options.dedupe = on;
                change = self.regroup();
            }
            Action::Shape(shape) if shape != self.options.shape => {
                self.options.shape = shape;
                self.hovered = None;
                self.relayout();
                change = Change::all();
            }
            Action::ToggleHidden(key) => {
                match self.hidden.iter().position(|k| k == &key) {
                    Some(i) => {
                        self.hidden.remove(i);
                    }
                    // Never the last group shown: a chart of nothing, whose fragment could not say so.
                    None if self.all_groups.iter().any(|g| g.key == key)
                        && self.all_groups.iter().any(|g| g.key != key && !self.hidden.contains(&g.key)) =>
                    {
                        self.hidden.push(key)
                    }
                    None => return change,
                }
                self.isolated_elsewhere = None;
                change = self.regroup();
            }
            Action::Isolate(key) => {
                // A group this chart lacks (in a comparison, another company's): every group is
                // hidden, as every company shows that group alone; the chart shows none.
                let others: Vec<String> = self.all_groups.iter().filter(|g| g.key != key).map(|g| g.key.clone()).collect();
                let lacks = !self.all_groups.iter().any(|g| g.key == key);
                if others.is_empty() && self.hidden.is_empty() && lacks {
                    return change;
                }
                // Isolating shows the group even if it was folded; isolating it again restores
                // every group and the folded view. Lacking it, every group is hidden whatever
                // was isolated before: only the same group again restores them.
                let restore = self.hidden == others && (!lacks || self.isolated_elsewhere.as_ref() == Some(&key));
                self.hidden = if restore { Vec::new() } else { others };
                self.isolated_elsewhere = Some(key).filter(|_| lacks && !restore);
                self.other_expanded = !restore;
                change = self.regroup();
            }
            Action::ShowAll if !self.hidden.is_empty() => {
                self.hidden.clear();
                self.isolated_elsewhere = None;
                change = self.regroup();
            }
            Action::ExpandOther(expanded) if expanded != self.other_expanded => {
                self.other_expanded = expanded;
                change = self.regroup();
            }
            Action::Resize(w, h, dpr) => {
                let size = (w.max(1.0), h.max(1.0), if dpr > 0.0 { dpr } else { 1.0 });
                if size != self.size {
                    self.size = size;
                    self.relayout();
                    change.redraw = true;
                }
            }
            Action::Legend(key) if key != self.in_legend => {
                self.in_legend = key;
                change.redraw = true;
            }
            Action::Keep(keys) if keys != self.options.keep => {
                self.options.keep = keys;
                change = self.regroup();
            }
            Action::KeyColors(colors) if colors != self.options.key_colors => {
                self.options.key_colors = colors;
                self.refresh();
                change = Change::all();
            }
            Action::KeyOrder(keys) if keys != self.options.key_order => {
                self.options.key_order = keys;
                self.refresh();
                change = Change::all();
            }
            Action::Scheme(scheme) if !std::ptr::eq(scheme, self.scheme) => {
                self.scheme = scheme;
                self.painted = Scheme { background: self.background.unwrap_or(scheme.background), ..*scheme };
                self.refresh();
                change = Change::all();
            }
            Action::TextScale(text) => {
                // Kept within 12 to 48 px of a usual 16: larger, a label would fit no segment;
                // smaller, none could read it. No number (a style not computed yet): the usual.
                let text = if text.is_finite() { text.clamp(0.75, 3.0) } else { 1.0 };
                if text != self.text {
                    self.text = text;
                    change.redraw = true;
                }
            }
            Action::Background(background) if background != self.background => {
                self.background = background;
                self.painted.background = background.unwrap_or(self.scheme.background);
                change.redraw = true;
            }
            _ => {}
        }
        change
    }

    /// Recomputes after an option change; the selection event fires if the selection was lost,
    /// or if its count changed (copies merged, a group folded into its Other): the event says the
    /// new one.
    fn regroup(&mut self) -> Change {
        let held = |c: &Chart| c.selected_group().map(|g| (g.key.clone(), g.count));
        let before = held(self);
        self.refresh();
        Change { selection: before != held(self), ..Change::all() }
    }

    /// Selects `key`; an unknown key changes nothing (the current selection stays).
    fn select(&mut self, key: Option<String>) -> Change {
        if key.as_ref().is_some_and(|k| !self.groups.iter().any(|g| &g.key == k)) || key == self.selected {
            return Change::default();
        }
        self.selected = key;
        if let Some(i) = self.selected_index() {
            self.focused = Some(i);
        }
        Change { redraw: true, selection: true, view: false, pointer: true }
    }

    /// After a selection `change`d: no segment shown as hovered.
    fn unhover(&mut self, mut change: Change) -> Change {
        if change.selection && self.hovered.take().is_some() {
            change.redraw = true;
            change.pointer = true;
        }
        change
    }

    fn toggle(&mut self, key: Option<String>) -> Change {
        if key.is_some() && key == self.selected {
            self.select(None)
        } else {
            self.select(key)
        }
    }

    fn key(&mut self, key: Key) -> Change {
        let n = self.groups.len();
        if n == 0 {
            return Change::default();
        }
        let next = match (key, self.focused) {
            (Key::Next | Key::Previous, None) => 0,
            (Key::Next, Some(current)) => (current + 1) % n,
            (Key::Previous, Some(current)) => (current + n - 1) % n,
            (Key::First, _) => 0,
            (Key::Last, _) => n - 1,
            (Key::Activate, _) => {
                let focused = self.focused.unwrap_or(0);
                self.focused = Some(focused);
                return self.toggle(Some(self.groups[focused].key.clone()));
            }
            (Key::Escape, _) => return self.select(None),
        };
        self.focused = Some(next);
        self.has_focus = true;
        // The keyboard takes over from a pointer resting on another segment: the tooltip and the
        // announcement follow the focus.
        self.hovered = None;
        Change { redraw: true, pointer: true, ..Change::default() }
    }
}

/// `1234567` → `1,234,567` with `separator` between groups of three digits.
pub fn group_digits(n: usize, separator: &str) -> String {
    let digits = crate::value::digits(n as u64);
    let mut out = String::with_capacity(digits.len() + separator.len() * (digits.len() / 3));
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(separator);
        }
        out.push(d);
    }
    out
}

/// For each group, the first place of its key in `list` (`None`: not listed), through one hash
/// table of the list: linear, where a search of the list per group was quadratic (two companies
/// of 100,000 themes each hung a comparison for a minute; isolating one of 20,000 groups, which
/// hides all the others, took a quarter of a second natively).
fn places(list: &[String], groups: &[Group]) -> Vec<Option<usize>> {
    let key_of = |i: usize| list.get(i).map_or("", String::as_str);
    let mut table = KeyTable::with_room(list.len());
    for (i, key) in list.iter().enumerate() {
        if let Err(slot) = table.find(&key_of, key) {
            table.insert(&key_of, slot, i);
        }
    }
    groups.iter().map(|g| table.find(&key_of, &g.key).ok()).collect()
}
