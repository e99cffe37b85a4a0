// Inlined in the <head> of every bench page (the `none` page too, so every page pays for it).
// `__bench.mark(name)` records performance.now() once; `afterPaint` resolves in the first task
// after the next frame (what was just drawn synchronously is then on screen); `afterThisFrame`
// does the same from inside a frame (a requestAnimationFrame callback that drew). Hover latency:
// node arms `__bench.hover`, moves the mouse; the capturing pointermove listener below takes t0,
// and the first task after the next frame ends the latency. The page's own work for the hover is
// the pointermove handlers (t0 → the window's bubbling listener, which runs after the chart's)
// plus its animation-frame callbacks (from the first of the frame, queued by the capturing
// listener, to one queued after the chart's by the bubbling listener).
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
  let pending = null;
  addEventListener(
    "pointermove",
    () => {
      const resolve = B.hover;
      if (!resolve) return;
      B.hover = null;
      const t = (pending = { t0: performance.now() });
      requestAnimationFrame(() => (t.frame = performance.now()));
      // After the bubbling listener below: the frame's callbacks (the chart's paint among them).
      t.done = () => requestAnimationFrame(() => {
        const work = t.handlers + performance.now() - t.frame;
        post(() => resolve({ latency: performance.now() - t.t0, work, handlers: t.handlers }));
      });
    },
    { capture: true },
  );
  addEventListener("pointermove", () => {
    if (!pending) return;
    const t = pending;
    pending = null;
    t.handlers = performance.now() - t.t0;
    t.done();
  });
})();
