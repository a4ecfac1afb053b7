// Asks a Node process that runs with --inspect for a full garbage collection (Chrome DevTools
// Protocol, HeapProfiler.collectGarbage), so its memory can be read after the same GC each time.
// Usage: node --experimental-websocket test/support/cdp-collect-garbage.mjs ws://127.0.0.1:PORT/UUID
const socket = new WebSocket(process.argv[2]);
const timer = setTimeout(() => {
  console.error('no answer from the inspector');
  process.exit(1);
}, 30_000);
socket.onopen = () => socket.send(JSON.stringify({ id: 1, method: 'HeapProfiler.collectGarbage' }));
socket.onmessage = (event) => {
  const message = JSON.parse(event.data);
  if (message.id !== 1) return;
  clearTimeout(timer);
  socket.close();
  if (message.error) {
    console.error(message.error.message);
    process.exitCode = 1;
  }
};
socket.onerror = () => {
  console.error(`cannot reach the inspector at ${process.argv[2]}`);
  process.exit(1);
};
