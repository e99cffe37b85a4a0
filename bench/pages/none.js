// The page without a chart: "first chart" is the first frame after the document is parsed.
await __bench.afterPaint("chart");
__bench.finish();
