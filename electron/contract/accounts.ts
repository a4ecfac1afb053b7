import { z } from 'zod';

/** Officers and technicians sign in with personal accounts; kiosks never do. */
export const accountRole = z.enum(['officer', 'technician']);
export type AccountRole = z.infer<typeof accountRole>;

/** The host checks the length itself, to answer with PASSWORD_TOO_SHORT in both languages. */
export const PASSWORD_MIN_LENGTH = 10;
/** Bounds the scrypt work a single call can ask for. */
const password = z.string().max(200);
/** Letters, digits, dot, dash, underscore; compared regardless of case. */
export const username = z.string().trim().regex(/^[A-Za-z0-9._-]{3,32}$/);
const displayName = z.string().trim().min(1).max(100);

export const loginInput = z.object({ username: z.string().trim().min(1).max(64), password: password.min(1) }).strict();
export const loginResult = z.object({ role: accountRole, displayName: z.string() });
export const newAccount = z.object({ username, displayName, role: accountRole, password }).strict();
export const bootstrapAccount = z.object({ username, displayName, password }).strict();
export const passwordReset = z.object({ username, password }).strict();

/** What a technician sees of an account: never its hash. */
export const accountView = z.object({
  username: z.string(),
  displayName: z.string(),
  role: accountRole,
  disabled: z.boolean(),
  locked: z.boolean(),
  createdAt: z.string(),
});
export type AccountView = z.infer<typeof accountView>;
