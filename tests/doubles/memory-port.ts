import type { WirePort } from '../../core/store/port/service';

/**
 * Two ends of a port in memory. Messages arrive asynchronously and as JSON, as they do between extension
 * contexts in Chrome, so anything that would not survive the trip fails here too.
 */
export function memoryPortPair(): [WirePort, WirePort] {
  const make = () => ({ message: [] as ((m: unknown) => void)[], disconnect: [] as (() => void)[], open: true });
  const a = make();
  const b = make();
  const end = (me: typeof a, other: typeof a): WirePort => ({
    post(m) {
      if (!me.open) throw new Error('Attempting to use a disconnected port object');
      const copy = JSON.stringify(m);
      setTimeout(() => other.open && other.message.forEach((cb) => cb(JSON.parse(copy))), 0);
    },
    onMessage: (cb) => void me.message.push(cb),
    onDisconnect: (cb) => void me.disconnect.push(cb),
    disconnect() {
      if (!me.open) return;
      me.open = other.open = false;
      // As in browsers, the side that disconnects is not told; the other side is.
      setTimeout(() => other.disconnect.forEach((cb) => cb()), 0);
    },
  });
  return [end(a, b), end(b, a)];
}
