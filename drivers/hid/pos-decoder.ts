import { symbologyOf } from './aim-symbology';
import { MAX_SCAN_BYTES, scanError, type ScanEvent } from './scan';

// Honeywell-style HID-POS input report, 64 bytes:
//   [0] report id 0x02 · [1] data length 0..56 · [2..4] AIM id · [5..60] data
//   [61] vendor code id · [62] reserved · [63] non-zero = more packets follow
const REPORT_ID = 0x02;
const REPORT_LENGTH = 64;
const MAX_DATA = 56;
const AIM_AT = 2;
const DATA_AT = 5;
const MORE_AT = 63;

/** Default for `packetGapMs`: a scan's packets follow within milliseconds, a person rescans in seconds. */
export const DEFAULT_PACKET_GAP_MS = 250;

interface OpenScan {
  aimId: string;
  chunks: Uint8Array[];
  bytes: number;
  lastAt: number;
}

/**
 * Reassembles HID-POS scans from input reports. Stateful, one instance per device.
 *
 * The protocol marks the last packet of a scan but not the first, so a packet starts a new scan
 * when none is open, or when it cannot belong to the open one: another AIM id, or it came more
 * than `packetGapMs` after the previous packet. After a damaged packet or an over-long scan, the
 * following packets are swallowed up to a last packet (or a gap): their tail must never pass for
 * a scan. Wrong data on an identity screen is worse than asking the citizen to scan again.
 */
export class PosDecoder {
  private open: OpenScan | null = null;
  /** Set while swallowing the rest of a dropped scan: the time of its latest packet. */
  private droppingSince: number | null = null;
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true });

  constructor(private readonly packetGapMs = DEFAULT_PACKET_GAP_MS) {}

  push(report: Uint8Array, at: number): ScanEvent[] {
    // An empty read is a packet cut to nothing, not another report: it goes to the damage check.
    if (report.length > 0 && report[0] !== REPORT_ID) {
      // Another report of the device (or noise): not a packet, so the open scan stands.
      return [scanError('bad-report', `report id ${hex(report[0])}, expected ${hex(REPORT_ID)}`)];
    }
    const events: ScanEvent[] = [];
    if (this.droppingSince !== null && at - this.droppingSince > this.packetGapMs) this.droppingSince = null;
    const damage = damaged(report);
    if (damage !== undefined) {
      events.push(scanError('bad-report', this.open === null ? damage : `${damage}; open scan dropped`));
      this.open = null;
      // A truncated report hides its "more" flag: assume the scan goes on.
      this.dropUntilLast(report.length <= MORE_AT || report[MORE_AT] !== 0, at);
      return events;
    }
    const more = report[MORE_AT] !== 0;
    if (this.droppingSince !== null) {
      this.dropUntilLast(more, at);
      return events;
    }
    const aimId = aimIdOf(report);
    if (this.open !== null && (aimId !== this.open.aimId || at - this.open.lastAt > this.packetGapMs)) {
      events.push(scanError('interrupted', `${this.open.aimId} scan dropped after ${this.open.bytes} bytes`));
      this.open = null;
    }
    const scan = (this.open ??= { aimId, chunks: [], bytes: 0, lastAt: at });
    const data = report.slice(DATA_AT, DATA_AT + report[1]!);
    scan.chunks.push(data);
    scan.bytes += data.length;
    scan.lastAt = at;
    if (scan.bytes > MAX_SCAN_BYTES) {
      events.push(scanError('too-long', `${aimId} scan over ${MAX_SCAN_BYTES} bytes`));
      this.open = null;
      this.dropUntilLast(more, at);
      return events;
    }
    if (!more) {
      this.open = null;
      events.push(...this.finish(scan));
    }
    return events;
  }

  /** Drops a scan whose next packet has not come within the gap by `now`. */
  flush(now: number): ScanEvent[] {
    if (this.open === null || now - this.open.lastAt <= this.packetGapMs) return [];
    return this.abort();
  }

  /** The stream broke (device lost): an open scan will never be finished. */
  abort(): ScanEvent[] {
    const scan = this.open;
    this.open = null;
    this.droppingSince = null;
    return scan === null ? [] : [scanError('incomplete', `${scan.aimId} scan cut after ${scan.bytes} bytes`)];
  }

  private dropUntilLast(more: boolean, at: number): void {
    this.droppingSince = more ? at : null;
  }

  private finish(scan: OpenScan): ScanEvent[] {
    if (scan.bytes === 0) return []; // like a bare suffix in keyboard mode: nothing was read
    // Bytes are joined before decoding: a multi-byte character may straddle two packets.
    const bytes = new Uint8Array(scan.bytes);
    let offset = 0;
    for (const chunk of scan.chunks) {
      bytes.set(chunk, offset);
      offset += chunk.length;
    }
    try {
      const text = this.utf8.decode(bytes);
      return [{ kind: 'scan', text, asciiOnly: false, symbology: symbologyOf(scan.aimId), aimId: scan.aimId, bytes: scan.bytes }];
    } catch {
      return [scanError('bad-utf8', `${scan.aimId} scan of ${scan.bytes} bytes is not UTF-8`)];
    }
  }
}

function damaged(report: Uint8Array): string | undefined {
  if (report.length < REPORT_LENGTH) return `truncated report: ${report.length} bytes, expected ${REPORT_LENGTH}`;
  // Longer is fine: on Windows reads are padded to the device's longest input report.
  if (report[1]! > MAX_DATA) return `data length ${report[1]}, at most ${MAX_DATA}`;
  return undefined;
}

function aimIdOf(report: Uint8Array): string {
  return [...report.subarray(AIM_AT, AIM_AT + 3)]
    .map((byte) => (byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : `\\x${byte.toString(16).padStart(2, '0')}`))
    .join('');
}

function hex(byte: number | undefined): string {
  return byte === undefined ? 'missing' : `0x${byte.toString(16).padStart(2, '0')}`;
}
