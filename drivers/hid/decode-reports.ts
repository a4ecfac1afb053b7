import { ScanPipeline, type PipelineOptions } from './pipeline';
import type { ScanEvent, ScanMode } from './scan';

export interface DecodeOptions extends PipelineOptions {
  /** Arrival times in ms, one per report; without them no time passes between reports. */
  timestamps?: number[];
}

/**
 * Decodes a recorded report stream, as `motcua decode --reports FILE` does. The end of the
 * stream counts as the gap after the last report: a keyboard scan without its suffix is
 * ended there, an unfinished HID-POS scan is reported incomplete.
 */
export function decodeReports(reports: Uint8Array[], mode: ScanMode, options: DecodeOptions = {}): ScanEvent[] {
  const pipeline = new ScanPipeline(mode, options);
  const events: ScanEvent[] = [];
  let at = 0;
  reports.forEach((report, index) => {
    at = options.timestamps?.[index] ?? at;
    events.push(...pipeline.push(report, at));
  });
  events.push(...pipeline.flush(Number.POSITIVE_INFINITY));
  return events;
}
