import { AppError } from '../contract';
import type { Host } from '../host/create-host';
import { MACHINE_ROLES } from '../hub/pairing';
import type { Flags } from './flags';

/** `--hub URL --hub-code CODE --role R`: pairs with the centre hub on first start; a failure is said and the machine serves on. */
export async function joinHub(host: Host, flags: Flags): Promise<void> {
  if (!flags.hub) return;
  const role = MACHINE_ROLES.find((r) => r === (flags.role ?? 'kiosk'));
  if (!role) return console.error(`--role: one of ${MACHINE_ROLES.join(', ')}`);
  try {
    const status = await host.hub.join({ url: flags.hub, code: flags['hub-code'] ?? '', role });
    console.error(`Trạm điều phối / Hub: ${flags.hub} (${status.role} ${status.label})`);
  } catch (error) {
    console.error(`Chưa ghép nối được với trạm điều phối / Not paired with the hub: ${error instanceof AppError ? error.data.message.en : String(error)}`);
  }
}
