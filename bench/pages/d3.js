// d3-shape pie/arc into SVG paths, with the precomputed counts, an HTML legend and a hover that
// dims the other segments and shows a tooltip (what our widget does on hover).
const B = __bench;
const figure = document.querySelector("figure.bench-chart");
const d = JSON.parse(figure.querySelector('script[type="application/json"]').textContent);
const host = figure.querySelector(".d3-chart");
const NS = "http://www.w3.org/2000/svg";
const size = 340;
const R = size / 2 - 8;
const fmt = new Intl.NumberFormat("en");
const pct = new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 0 });
const total = d.counts.reduce((a, b) => a + b, 0);
let arcs, arc, paths, current = -1;
try {
  arcs = d3.pie().sort(null).value((v) => v)(d.counts);
  arc = d3.arc().innerRadius(R * 0.6).outerRadius(R).padAngle(0.004);
  const svg = document.createElementNS(NS, "svg");
  svg.setAttribute("viewBox", `${-size / 2} ${-size / 2} ${size} ${size}`);
  svg.setAttribute("width", size);
  svg.setAttribute("height", size);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", `${d.title}: ${fmt.format(total)} spaces`);
  paths = arcs.map((a, i) => {
    const p = document.createElementNS(NS, "path");
    p.setAttribute("d", arc(a));
    p.setAttribute("fill", d.colors[i]);
    svg.append(p);
    return p;
  });
  const tip = document.createElement("div");
  tip.className = "tip";
  tip.hidden = true;
  const legend = document.createElement("ul");
  legend.className = "legend";
  d.labels.forEach((label, i) => {
    const li = document.createElement("li");
    const sw = document.createElement("span");
    sw.className = "swatch";
    sw.style.background = d.colors[i];
    li.append(sw, `${label} `, Object.assign(document.createElement("span"), { className: "count", textContent: fmt.format(d.counts[i]) }));
    legend.append(li);
  });
  const plot = document.createElement("div");
  plot.className = "plot";
  plot.append(svg, tip);
  const title = document.createElement("p");
  title.className = "title";
  title.textContent = d.title;
  const body = document.createElement("div");
  body.className = "body";
  body.append(plot, legend);
  host.append(title, body);
  const show = (i, e) => {
    if (i === current) return;
    current = i;
    svg.classList.toggle("hovering", i >= 0);
    paths.forEach((p, j) => p.classList.toggle("active", j === i));
    if (i < 0) {
      tip.hidden = true;
      return;
    }
    tip.textContent = `${d.labels[i]}: ${fmt.format(d.counts[i])} · ${pct.format(d.counts[i] / total)}`;
    tip.hidden = false;
    const [cx, cy] = arc.centroid(arcs[i]);
    tip.style.transform = `translate(${Math.round(cx + size / 2)}px, ${Math.round(cy + size / 2 - 40)}px)`;
  };
  svg.addEventListener("pointermove", (e) => show(paths.indexOf(e.target), e));
  svg.addEventListener("pointerleave", () => show(-1));
  B.mark("drawn");
  await B.afterPaint("chart");
  B.finish();
} catch (e) {
  B.fail(e && e.stack ? e.stack : e);
}
window.__peer = {
  hoverPoint(i) {
    const [x, y] = arc.centroid(arcs[i]);
    const box = paths[0].ownerSVGElement.getBoundingClientRect();
    return { x: box.left + box.width / 2 + x, y: box.top + box.height / 2 + y };
  },
  hovered() {
    return current;
  },
};
