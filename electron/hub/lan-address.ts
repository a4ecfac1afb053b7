import { networkInterfaces } from 'node:os';

/** The address other machines of the centre reach this one at: the listening address, or the first LAN IPv4. */
export function lanAddress(listen: string): string {
  if (listen !== '0.0.0.0' && listen !== '::') return listen;
  for (const addresses of Object.values(networkInterfaces())) {
    const lan = addresses?.find((a) => a.family === 'IPv4' && !a.internal);
    if (lan) return lan.address;
  }
  return '127.0.0.1';
}
