// Chart.js doughnut with the precomputed counts; animation off (our widget does not animate).
const B = __bench;
const figure = document.querySelector("figure.bench-chart");
const d = JSON.parse(figure.querySelector('script[type="application/json"]').textContent);
const canvas = figure.querySelector("canvas");
let chart;
try {
  chart = new Chart(canvas, {
    type: "doughnut",
    data: { labels: d.labels, datasets: [{ data: d.counts, backgroundColor: d.colors }] },
    options: { animation: false, maintainAspectRatio: false, plugins: { legend: { position: "right" }, title: { display: true, text: d.title } } },
  });
  B.mark("drawn");
  await B.afterPaint("chart");
  B.finish();
} catch (e) {
  B.fail(e && e.stack ? e.stack : e);
}
window.__peer = {
  hoverPoint(i) {
    const p = chart.getDatasetMeta(0).data[i].tooltipPosition();
    const box = canvas.getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  },
  hovered() {
    return chart.getActiveElements()[0]?.index ?? -1;
  },
};
