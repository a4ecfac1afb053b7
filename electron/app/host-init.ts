import { z } from 'zod';

/** What the main process tells the host process at start: plain data, as a message carries it. */
export const hostInit = z.object({
  t: z.literal('init'),
  appRoot: z.string(),
  dbPath: z.string(),
  demo: z.boolean(),
  version: z.string(),
  provisioningDirs: z.array(z.string()),
  central: z.unknown().optional(),
  /** The host key (base64) the keyring keeps; absent: the host uses its key file. */
  hostKey: z.string().optional(),
});
export type HostInit = z.infer<typeof hostInit>;

/** What the host process tells the main process: its update folder, and whether a citizen is being served. */
export const hostState = z.object({ t: z.literal('state'), updateUrl: z.string().nullable(), servingCitizen: z.boolean() });
export type HostState = z.infer<typeof hostState>;

/** The host could not start (a database newer than the app, a key it cannot open): the reason, for the screen. */
export const hostFailed = z.object({ t: z.literal('failed'), message: z.string() });
