/** How the centre's refusals and network failures are kept: short texts, never the whole answer. */

/** The longest message kept from a failure (stored, and shown to the technician). */
export const MAX_ERROR_MESSAGE = 300;

/** The centre's `{"error":{"code","message"}}` body, each part cut short; nulls when it is not one. */
export async function readErrorBody(res: Response): Promise<{ code: string | null; message: string | null }> {
  try {
    const body = (await res.json()) as { error?: { code?: unknown; message?: unknown } };
    return {
      code: typeof body.error?.code === 'string' ? body.error.code.slice(0, 100) : null,
      message: typeof body.error?.message === 'string' ? body.error.message.slice(0, MAX_ERROR_MESSAGE) : null,
    };
  } catch {
    return { code: null, message: null };
  }
}

/** A thrown error as one short line, with its cause (fetch puts the socket's reason there). */
export const errorText = (e: unknown): string => (e instanceof Error ? (e.cause instanceof Error ? `${e.message}: ${e.cause.message}` : e.message) : String(e)).slice(0, MAX_ERROR_MESSAGE);
