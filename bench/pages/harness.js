// Inlined in the <head> of every bench page (the `none` page too, so every page pays for it).
// `__bench.mark(name)` records performance.now() once; `afterPaint` resolves in the first task
// after the next frame (what was just drawn synchronously is then on screen); `afterThisFrame`
// does the same from inside a frame (a requestAnimationFrame callback that drew). Hover latency:
// node arms `__bench.hover`, moves the mouse; the capturing pointermove listener below takes t0,
// and the first task after the next frame takes t1.
(() => {
  const marks = {};
  const post = (fn) => {
    const c = new MessageChannel();
    c.port1.onmessage = () => fn();
    c.port2.postMessage(0);
  };
  let finish;
  const done = new Promise((r) => (finish = r));
  const B = (window.__bench = {
    marks,
    done,
    error: null,
    hover: null,
    mark(name) {
      if (!(name in marks)) {
        marks[name] = performance.now();
        performance.mark("bench:" + name);
      }
    },
    afterPaint(name) {
      return new Promise((r) => requestAnimationFrame(() => post(() => (B.mark(name), r()))));
    },
    afterThisFrame(name) {
      return new Promise((r) => post(() => (B.mark(name), r())));
    },
    finish() {
      finish({ marks, error: B.error });
    },
    fail(message) {
      B.error = String(message);
      B.finish();
    },
    armHover() {
      B.hoverResult = new Promise((r) => (B.hover = r));
    },
  });
  addEventListener("error", (e) => B.error ??= String(e.message));
  addEventListener("unhandledrejection", (e) => B.error ??= String(e.reason));
  addEventListener(
    "pointermove",
    () => {
      const resolve = B.hover;
      if (!resolve) return;
      B.hover = null;
      const t0 = performance.now();
      requestAnimationFrame(() => post(() => resolve(performance.now() - t0)));
    },
    { capture: true },
  );
})();
