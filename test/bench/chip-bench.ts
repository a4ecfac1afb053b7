// The ID card's chip over the whole real stack (the `smartcard` binding → pcscd → vpcd → the project's
// virtual chip): APDUs and milliseconds per verified read (BAC, EF.SOD, DG1, DG13, DG15, active and
// passive authentication), with extended length and in short chunks, with Chip Authentication (DG14, 3DES
// after BAC and AES after PACE) and for a cloned chip that fails it; the same read in process as baseline.
import { readChip } from '../../drivers/smartcard/read-chip';
import { readOnReader } from '../../drivers/smartcard/read-on-reader';
import { percentile } from '../e2e/scan-to-form';
import { accessKeyOf, HOLDER, makeTestPki, trustedCertificates, virtualCard, type ChipVariant } from '../support/virtual-chip/cards';
import { inProcessChannel } from '../support/virtual-chip/in-process-channel';
import { ensurePcscd, waitForCard } from '../support/virtual-chip/pcsc-stack';
import { putCardOnReader } from '../support/virtual-chip/card-on-reader';
import { VPCD_READER } from '../support/virtual-chip/vpcd-card';
import { addSummary } from './summary';

const READS = 20;
const options = (pki: ReturnType<typeof makeTestPki>) => ({ cscas: trustedCertificates(pki), now: new Date('2026-11-23T03:00:00Z'), today: '2026-11-23' });

async function timed(read: () => Promise<{ apdus: number }>): Promise<{ apdus: number; median: number; p95: number }> {
  const times: number[] = [];
  let apdus = 0;
  for (let i = 0; i < READS + 1; i++) {
    const start = performance.now();
    apdus = (await read()).apdus;
    if (i > 0) times.push(performance.now() - start);
  }
  return { apdus, median: percentile(times, 50), p95: percentile(times, 95) };
}

async function overPcsc(variant: ChipVariant, pki: ReturnType<typeof makeTestPki>) {
  const card = await putCardOnReader(variant, pki);
  try {
    await waitForCard(VPCD_READER, true);
    return await timed(() => readOnReader(VPCD_READER, accessKeyOf(HOLDER), options(pki)));
  } finally {
    await card.remove();
    await waitForCard(VPCD_READER, false);
  }
}

export async function runChipBench(): Promise<void> {
  let stopPcscd: () => void;
  try {
    stopPcscd = await ensurePcscd(VPCD_READER);
  } catch {
    console.log('\nchip read: skipped (no pcscd with vpcd on this machine)');
    return;
  }
  try {
    const pki = makeTestPki();
    const extended = await overPcsc('genuine', pki);
    const chunked = await overPcsc('no-extended-length', pki);
    const pace = await overPcsc('pace', pki);
    const chipAuth = await overPcsc('chip-auth', pki);
    const paceChipAuth = await overPcsc('pace-chip-auth', pki);
    const cloned = await overPcsc('cloned', pki);
    const chip = virtualCard('genuine', pki);
    const inProcess = await timed(() => readChip(inProcessChannel(chip), accessKeyOf(HOLDER), options(pki)));
    const chipAuthChip = virtualCard('chip-auth', pki);
    const inProcessChipAuth = await timed(() => readChip(inProcessChannel(chipAuthChip), accessKeyOf(HOLDER), options(pki)));
    const line = (name: string, r: typeof extended) =>
      console.log(`  ${name.padEnd(56)} ${String(r.apdus).padStart(3)} APDUs   median ${r.median.toFixed(1).padStart(6)} ms   p95 ${r.p95.toFixed(1).padStart(6)} ms`);
    console.log(`\nchip read and verify (DG1 + DG13 + SOD, with DG15 and active authentication; DG14 and Chip Authentication where named), ${READS} reads each`);
    line('pcscd + vpcd, extended length', extended);
    line('pcscd + vpcd, short APDUs (0xDF chunks)', chunked);
    line('pcscd + vpcd, PACE (P-256, AES) instead of BAC', pace);
    line('pcscd + vpcd, BAC + Chip Authentication (DG14, 3DES)', chipAuth);
    line('pcscd + vpcd, PACE + Chip Authentication (AES)', paceChipAuth);
    line('pcscd + vpcd, cloned chip (CA fails twice, read again)', cloned);
    line('in process (no PC/SC): the crypto alone', inProcess);
    line('in process, with Chip Authentication (3DES)', inProcessChipAuth);
    addSummary({
      benchmark: `chip read + verify with Chip Authentication over pcscd/vpcd (${READS} reads)`,
      measured: `BAC + CA 3DES: ${chipAuth.apdus} APDUs, median ${chipAuth.median.toFixed(0)} ms; PACE + CA AES: ${paceChipAuth.apdus} APDUs, median ${paceChipAuth.median.toFixed(0)} ms`,
      baseline: `without DG14: ${extended.apdus} APDUs, median ${extended.median.toFixed(0)} ms`,
      ratio: `+${chipAuth.apdus - extended.apdus} APDUs, ${(chipAuth.median / extended.median).toFixed(2)}× the time`,
      goal: 'CA costs DG14 and one MSE (3DES) or two (AES) APDUs',
      met: chipAuth.apdus - extended.apdus === 2 && paceChipAuth.apdus - pace.apdus === 3,
    });
    addSummary({
      benchmark: `chip read + verify over pcscd/vpcd (${READS} reads)`,
      measured: `${extended.apdus} APDUs, median ${extended.median.toFixed(0)} ms, p95 ${extended.p95.toFixed(0)} ms`,
      baseline: `short APDUs: ${chunked.apdus} APDUs, median ${chunked.median.toFixed(0)} ms; in process ${inProcess.median.toFixed(1)} ms`,
      ratio: `${(chunked.median / extended.median).toFixed(2)}× faster with extended length`,
      goal: 'as few APDUs as the chip allows',
      met: extended.apdus < chunked.apdus,
    });
  } finally {
    stopPcscd();
  }
}
