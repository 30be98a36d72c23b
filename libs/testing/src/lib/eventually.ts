/** Polls `probe` until it returns true, or fails with `description` after `timeoutMs`. */
export async function eventually(
  probe: () => Promise<boolean>,
  description: string,
  timeoutMs = 20_000,
  intervalMs = 250,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for: ${description}`);
}
