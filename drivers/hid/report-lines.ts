/** Why a report file could not be read; `line` is 1-based. */
export interface ReportFileError {
  kind: 'error';
  code: 'bad-hex' | 'bad-header';
  line: number;
  detail: string;
}

export interface ReportLines {
  kind: 'reports';
  reports: Uint8Array[];
  /** ms since the first report, from the optional `+N` delay in front of each line. */
  timestamps: number[];
}

/** At most 9 digits of ms (11 days): 309 nines would be an Infinity the replay cannot wait for. */
const DELAY = /^\+(\d{1,9}(?:\.\d{1,6})?)$/;
const HEX_BYTE = /^[0-9a-fA-F]{2}$/;

/**
 * Reads one report per line as hex bytes (`02 1e 5d …`), optionally led by the delay since the
 * previous report (`+12 02 1e …`). Blank lines and `#` comments, whole-line or trailing, are skipped.
 */
export function parseReportLines(text: string): ReportLines | ReportFileError {
  const reports: Uint8Array[] = [];
  const timestamps: number[] = [];
  let at = 0;
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.replace(/#.*/, '').trim();
    if (line === '') continue;
    const tokens = line.split(/\s+/);
    const delay = DELAY.exec(tokens[0]!);
    if (delay) {
      at += Number(delay[1]);
      tokens.shift();
    }
    const bad = tokens.find((token) => !HEX_BYTE.test(token));
    if (bad !== undefined) return { kind: 'error', code: 'bad-hex', line: index + 1, detail: `"${bad}" is not a hex byte` };
    if (tokens.length === 0) return { kind: 'error', code: 'bad-hex', line: index + 1, detail: 'a delay without a report' };
    reports.push(Uint8Array.from(tokens, (token) => parseInt(token, 16)));
    timestamps.push(at);
  }
  return { kind: 'reports', reports, timestamps };
}
