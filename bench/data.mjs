// The benchmark's datasets, generated deterministically from a seed (mulberry32), and the counts
// the peer libraries are handed (what our widget computes itself from the raw spaces).
//
//   small: 100 spaces over 9 themes (30 % of the spaces serve two themes), like a real post.
//   large: 100,000 spaces in 1,000 themes, Zipf-like (s = 1.1): 7 themes of 2 % or more, the
//          long tail folds into "Other" with the widget's default `data-other-below` (0.02).

export const SEED = 20101029;

/** mulberry32: a tiny, well-distributed 32-bit PRNG; same seed, same sequence, everywhere. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Index drawn from cumulative weights `cum` (ascending, last = total). */
function pick(cum, r) {
  const x = r * cum[cum.length - 1];
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

const cumulative = (weights) => {
  let s = 0;
  return weights.map((w) => (s += w));
};

const PLATFORMS = ["Twitter", "Facebook", "YouTube", "LinkedIn", "Blog", "Forum", "Instagram", "Flickr", "SlideShare", "Community"];
const PLATFORM_WEIGHTS = cumulative([30, 20, 10, 8, 8, 6, 6, 4, 4, 4]);
const COUNTRIES = ["US", "GB", "FR", "DE", "IN", "JP", "BR", "CA", "AU", "WW"];
const DEPARTMENTS = ["Marketing", "Support", "HR", "Communications", "Sales", "R&D"];

const SMALL_THEMES = [
  ["support", "Customer support", 18],
  ["product-marketing", "Product marketing", 16],
  ["promotions", "Promotions", 14],
  ["communication", "Communication & events", 12],
  ["conversation", "Conversation", 10],
  ["expertise", "Expertise", 9],
  ["hr", "HR & recruiting", 8],
  ["education", "Education", 7],
  ["entertainment", "Entertainment", 6],
];

/** 100 spaces over 9 themes, with the optional fields a real inventory has. */
export function smallDataset(seed = SEED) {
  const r = prng(seed);
  const cum = cumulative(SMALL_THEMES.map((t) => t[2]));
  const spaces = [];
  for (let i = 0; i < 100; i++) {
    const platform = PLATFORMS[pick(PLATFORM_WEIGHTS, r())];
    const first = pick(cum, r());
    const themes = [SMALL_THEMES[first][0]];
    if (r() < 0.3) {
      const second = pick(cum, r());
      if (second !== first) themes.push(SMALL_THEMES[second][0]);
    }
    const country = COUNTRIES[Math.floor(r() * COUNTRIES.length)];
    const handle = `acme${platform.toLowerCase()}${i}`;
    const space = { name: `Acme ${platform} ${i + 1}`, platform, url: `https://example.com/${handle}`, themes, country };
    space.department = DEPARTMENTS[Math.floor(r() * DEPARTMENTS.length)];
    if (r() < 0.4) space.function = `fn${Math.floor(r() * 12)}`;
    space.audience = Math.floor(r() * 50000);
    spaces.push(space);
  }
  return {
    company: "Acme",
    title: "Acme's social spaces by theme",
    themes: SMALL_THEMES.map(([id, label]) => ({ id, label })),
    spaces,
  };
}

/** 100,000 spaces in 1,000 themes (every theme non-empty), one theme each, Zipf-like. */
export function largeDataset(seed = SEED + 1, n = 100_000, groups = 1_000) {
  const r = prng(seed);
  const themes = Array.from({ length: groups }, (_, k) => ({ id: `t${String(k).padStart(4, "0")}`, label: `Theme ${k + 1}` }));
  const cum = cumulative(themes.map((_, k) => 1 / Math.pow(k + 1, 1.1)));
  const spaces = new Array(n);
  for (let i = 0; i < n; i++) {
    const platform = PLATFORMS[pick(PLATFORM_WEIGHTS, r())];
    const t = i < groups ? i : pick(cum, r());
    spaces[i] = { name: `Space ${i + 1}`, platform, themes: [themes[t].id], country: COUNTRIES[Math.floor(r() * COUNTRIES.length)] };
  }
  return { company: "Megacorp", title: "Megacorp's spaces by theme", themes, spaces };
}

/**
 * What the widget draws with its defaults (group by theme, no dedupe, `otherBelow` 0.02), computed
 * here so the peers get ready-made counts: listed themes in dataset order, empty ones left out,
 * groups under 2 % of the total folded into a last "Other" when at least two would fold, the
 * largest staying while fewer than 5 would be shown (src/group.rs `group` + `fold`).
 */
export function segments(dataset, below = 0.02) {
  const index = new Map(dataset.themes.map((t, i) => [t.id, i]));
  const counts = new Array(dataset.themes.length).fill(0);
  for (const s of dataset.spaces) for (const t of new Set(s.themes)) counts[index.get(t)]++;
  let groups = dataset.themes.map((t, i) => ({ key: t.id, label: t.label, count: counts[i] })).filter((g) => g.count > 0);
  const total = groups.reduce((s, g) => s + g.count, 0);
  const folded = new Set(groups.filter((g) => g.count < below * total));
  // As `group::LEAST_SHOWN`: the largest stay, the first of equal ones, while fewer than 5 are shown.
  const shown = groups.length - folded.size;
  if (shown < 5 && groups.length > 6) for (const g of [...folded].sort((a, b) => b.count - a.count).slice(0, 5 - shown)) folded.delete(g);
  if (folded.size >= 2) {
    const other = { key: "~other", label: "Other", count: 0, folded: 0 };
    for (const g of folded) (other.count += g.count), other.folded++;
    groups = [...groups.filter((g) => !folded.has(g)), other];
  }
  return groups;
}

// A categorical palette for the peers (colours do not change the work a library does).
const PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#86bcb6", "#d37295", "#a0cbe8"];

/**
 * `{title, labels, counts, colors}`: the precomputed counts handed to every peer; `below` 0 hands
 * them every group unfolded (the issue's own peer table: 1,000 groups, each peer drawing what it
 * draws of them).
 */
export function peerCounts(dataset, below = 0.02) {
  const segs = segments(dataset, below);
  return {
    title: dataset.title,
    labels: segs.map((g) => g.label),
    counts: segs.map((g) => g.count),
    colors: segs.map((g, i) => (g.key === "~other" ? "#9aa0a6" : PALETTE[i % PALETTE.length])),
  };
}
