/** One server-sent event as the hub sends it (fields event, id, data; comments ignored). */
export interface SseEvent {
  event: string;
  id: number | null;
  data: string;
}

/**
 * Splits a text/event-stream into events, chunk by chunk (a chunk may end mid-line).
 * Only what the hub sends is read: one data line per event.
 */
export class SseParser {
  private buffer = '';
  private current: { event?: string; id?: number; data?: string } = {};

  push(chunk: string): SseEvent[] {
    this.buffer += chunk;
    const out: SseEvent[] = [];
    let end: number;
    while ((end = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, end).replace(/\r$/, '');
      this.buffer = this.buffer.slice(end + 1);
      if (line === '') {
        if (this.current.data !== undefined) out.push({ event: this.current.event ?? 'message', id: this.current.id ?? null, data: this.current.data });
        this.current = {};
      } else if (!line.startsWith(':')) {
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') this.current.event = value;
        else if (field === 'data') this.current.data = value;
        else if (field === 'id' && /^\d+$/.test(value)) this.current.id = Number(value);
      }
    }
    return out;
  }
}
