import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { secretFromEnvironment } from './secret-from-environment';

describe('a secret from the environment', () => {
  const folder = mkdtempSync(join(tmpdir(), 'secret-'));

  it('takes the variable first, else the trimmed content of the file', () => {
    const file = join(folder, 'good');
    writeFileSync(file, `${'s'.repeat(40)}\n`);

    expect(secretFromEnvironment('A_SECRET', 'given-as-a-value', file)).toBe('given-as-a-value');
    expect(secretFromEnvironment('A_SECRET', undefined, file)).toBe('s'.repeat(40));
  });

  it('stops start-up naming the variable when the file is missing or too short', () => {
    const short = join(folder, 'short');
    writeFileSync(short, 'too-short');

    expect(() => secretFromEnvironment('A_SECRET', undefined, join(folder, 'missing'))).toThrow(
      /A_SECRET_FILE: cannot read/,
    );
    expect(() => secretFromEnvironment('A_SECRET', undefined, short)).toThrow(
      /A_SECRET_FILE: .* holds fewer than 32 characters/,
    );
  });
});
