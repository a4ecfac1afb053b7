// A child of fuzz-bench.ts: runs the fuzz jobs it is sent, one at a time, on its own demo host.
import type { ChannelName } from '../../electron/contract';
import { channelTarget } from '../fuzz/channel-inputs';
import { makeFuzzHost, type FuzzHost } from '../fuzz/fuzz-host';
import { once } from '../fuzz/fuzz-target';
import { runTarget } from '../fuzz/run-target';
import { fuzzTargets } from '../fuzz/targets';

export interface FuzzJob {
  kind: 'parser' | 'channel';
  name: string;
  runs: number;
}

let made: FuzzHost | undefined;
const fuzzHost = once(() => (made = makeFuzzHost()));
const parsers = new Map(fuzzTargets(fuzzHost).map((t) => [t.name, t]));

process.on('message', (job: FuzzJob | 'exit') => {
  if (job === 'exit') {
    void (made?.close() ?? Promise.resolve()).then(() => process.exit(0));
    return;
  }
  const target = job.kind === 'parser' ? parsers.get(job.name)! : channelTarget(fuzzHost, job.name as ChannelName);
  void runTarget(target, job.runs).then((run) => process.send!({ ...job, ...run, name: job.name }));
});

