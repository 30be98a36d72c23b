import { newClusterId } from './kafka';

describe("a local broker's cluster id", () => {
  it('is 16 bytes in URL-safe base64, never starting with a dash (the storage tool would read an option)', () => {
    const ids = Array.from({ length: 2_000 }, newClusterId);

    expect(ids.every((id) => /^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/.test(id))).toBe(true);
    expect(ids.every((id) => Buffer.from(id, 'base64url').length === 16)).toBe(true);
  });
});
