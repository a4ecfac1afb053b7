/** Calls per second of `fn` over about `ms`, after `warmUp` untimed calls. */
export async function opsPerSecond(fn: () => unknown, ms = 1500, warmUp = 5): Promise<number> {
  for (let i = 0; i < warmUp; i++) await fn();
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    await fn();
    n++;
  }
  return (n * 1000) / (performance.now() - start);
}
