import { APP_TARGETS } from './app-targets';
import { CHIP_TARGETS } from './chip-targets';
import { DRIVER_TARGETS } from './driver-targets';
import type { FuzzHost } from './fuzz-host';
import type { AnyFuzzTarget } from './fuzz-target';
import { SYNC_TARGETS } from './sync-targets';
import { webHostTarget } from './web-host-target';

/**
 * Every parser and decoder of untrusted input: card scans and HID reports, the signed
 * hand-off, the change feed and the centre's answers, files a technician drops, printer command
 * output, stored settings, form values, and browser mode's raw requests. The contract's channels
 * are fuzzed beside them (channel-inputs.ts). `fuzzHost` is made on first use by the web target.
 */
export const fuzzTargets = (fuzzHost: () => FuzzHost): AnyFuzzTarget[] => [...DRIVER_TARGETS, ...CHIP_TARGETS, ...SYNC_TARGETS, ...APP_TARGETS, webHostTarget(fuzzHost)];

/**
 * Exported functions and classes of drivers/ that read no input of their own (hardware access, or
 * they play what a fuzzed parser read): the only ones without a target.
 */
export const NOT_INPUT_READERS: Readonly<Record<string, string>> = {
  probeHidBackend: 'asks the OS which HID devices exist',
  watchDevices: 'polls the OS device list',
  loadNodeHid: 'loads the native module',
  loadNodeHidTransport: 'loads the native module',
  CombinedTransport: 'merges device lists',
  ReopeningDevice: 'reopens a device after a replug',
  ReplayTransport: 'plays a fixture that parseFixture read',
  listReaders: 'asks pcscd which smart-card readers exist',
  readerStates: 'asks pcscd which smart-card readers exist and whether a card is on each',
  connectCard: 'connects to a card through pcscd',
  readOnReader: 'connects through pcscd, then readChip (fuzzed) reads',
  readFaceOnReader: 'connects through pcscd, then readFace (fuzzed) reads',
  loadCscaCertificates: "lists a folder; each file goes to node's X509Certificate, whose refusals are skipped",
};

/** parse…/decode… functions of electron/ without a target, and why. */
export const NOT_UNTRUSTED_PARSERS: Readonly<Record<string, string>> = {
  parseLaunchFlags: "Electron's own command line: a wrong flag stops the start with its message",
};
