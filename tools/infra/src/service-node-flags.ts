/**
 * How every built service is run by node, wherever it runs: `npm start`, the benchmarks that run
 * builds, and the Docker image (its CMD repeats these flags; a spec holds them equal).
 *
 * - `--enable-source-maps`: stack traces in logs name the TypeScript sources, not the bundle.
 * - `--max-semi-space-size=2` (MB): V8 grows the young generation up to 16 MB per semi-space during
 *   boot and never gives it back, which left an idle service at 165–175 MB of RSS, about 40 MB of
 *   it an empty young generation. Capped at 2 MB, an idle service settles at 125–135 MB once V8's
 *   memory reducer has freed boot's garbage, which it does in about half the starts; otherwise it
 *   stays at 150–165 MB. The analytics rebuild, the most allocation-heavy path, ran as fast: the
 *   services wait on the database, not on the garbage collector. bench/README.md ("Idle memory")
 *   has the figures.
 */
export const SERVICE_NODE_FLAGS: readonly string[] = ['--enable-source-maps', '--max-semi-space-size=2'];

/** The arguments of `node` for a built service's entry point. */
export function serviceNodeArguments(entryPoint: string): string[] {
  return [...SERVICE_NODE_FLAGS, entryPoint];
}
