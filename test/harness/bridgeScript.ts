/**
 * The harness's stand-in for the preload: a classic script, served before the app's module,
 * that defines the same `window.fleece` facade over a loopback WebSocket.
 */
export function bridgeScript(wsUrl: string): string {
  return `(() => {
  'use strict';
  const url = ${JSON.stringify(wsUrl)};
  const pending = new Map();
  const listeners = new Map();
  const queue = [];
  let nextId = 1;
  let socket;
  let closed = false;
  function fail(id, message) {
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    p({ ok: false, error: { code: 'internal', message } });
  }
  function connect() {
    socket = new WebSocket(url);
    socket.onopen = () => {
      // Read by bench/startup.bench.ts: how much of start-up is the harness's own connection.
      if (!performance.getEntriesByName('fleece:bridge-open').length) performance.mark('fleece:bridge-open');
      while (queue.length) socket.send(queue.shift());
    };
    socket.onmessage = (msg) => {
      let m;
      try { m = JSON.parse(msg.data); } catch { return; }
      if (m.t === 'result') {
        const p = pending.get(m.id);
        if (p) { pending.delete(m.id); p(m.result); }
      } else if (m.t === 'event') {
        for (const l of listeners.get(m.name) || []) l(m.payload);
      }
    };
    socket.onclose = () => {
      closed = true;
      for (const id of [...pending.keys()]) fail(id, 'The connection to Fleece was lost.');
    };
  }
  connect();
  const bridge = {
    invoke(route, input) {
      return new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        if (closed) return fail(id, 'The connection to Fleece was lost.');
        const data = JSON.stringify({ t: 'invoke', id, route, input });
        if (socket.readyState === 1) socket.send(data); else queue.push(data);
      });
    },
    on(name, listener) {
      let set = listeners.get(name);
      if (!set) { set = new Set(); listeners.set(name, set); }
      set.add(listener);
      return () => { set.delete(listener); };
    },
  };
  Object.defineProperty(window, 'fleece', { value: Object.freeze(bridge), writable: false });
})();
`;
}
