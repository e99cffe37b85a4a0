// Frappe Charts donut with the precomputed counts; animation off (our widget does not animate).
const B = __bench;
const figure = document.querySelector("figure.bench-chart");
const d = JSON.parse(figure.querySelector('script[type="application/json"]').textContent);
const box = figure.querySelector(".peer-box");
let chart;
try {
  chart = new frappe.Chart(box, {
    title: d.title,
    type: "donut",
    data: { labels: d.labels, datasets: [{ values: d.counts }] },
    colors: d.colors,
    height: 380,
    animate: 0,
    clockWise: true,
    maxSlices: 20,
  });
  // Frappe first renders zero-angle slices, then the data in a setTimeout(0) it queued first.
  await new Promise((r) => setTimeout(r, 0));
  B.mark("drawn");
  await B.afterPaint("chart");
  B.finish();
} catch (e) {
  B.fail(e && e.stack ? e.stack : e);
}
const slices = () => chart.components.get("donutSlices").store;
window.__peer = {
  hoverPoint(i) {
    // The hit point of slice i nearest the middle of its hit points (slices are stroked arcs).
    const el = slices()[i];
    const r = el.getBoundingClientRect();
    const hits = [];
    for (let a = 0; a <= 30; a++)
      for (let b = 0; b <= 30; b++) {
        const x = r.left + (r.width * a) / 30;
        const y = r.top + (r.height * b) / 30;
        if (document.elementFromPoint(x, y) === el) hits.push({ x, y });
      }
    const cx = hits.reduce((s, p) => s + p.x, 0) / hits.length;
    const cy = hits.reduce((s, p) => s + p.y, 0) / hits.length;
    return hits.sort((p, q) => Math.hypot(p.x - cx, p.y - cy) - Math.hypot(q.x - cx, q.y - cy))[0];
  },
  hovered() {
    return chart.tip.container.style.opacity === "1" ? chart.curActiveSliceIndex : -1;
  },
};
