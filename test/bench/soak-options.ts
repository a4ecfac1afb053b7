/** The soak's size, from the command line (`SESSIONS [CLIENTS]`) or the environment. */
export function soakOptions(argv: readonly string[] = []): { sessions: number; clients: number } {
  const count = (given: string | undefined, fallback: number, what: string) => {
    const n = Number(given ?? fallback);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${what} must be a positive integer, not ${given}`);
    return n;
  };
  return {
    sessions: count(argv[0] ?? process.env.MOTCUA_SOAK_SESSIONS, 10_000, 'the number of soak sessions'),
    clients: count(argv[1] ?? process.env.MOTCUA_SOAK_CLIENTS, 2, 'the number of soak clients'),
  };
}
