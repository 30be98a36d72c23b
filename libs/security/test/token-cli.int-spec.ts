import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTypeScriptProcess } from '@technopark/testing';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../src/lib/local-token-issuer';
import { TokenVerifier } from '../src/lib/token-verifier';

const CLI = join(__dirname, '../../../tools/security/token-cli.ts');

/** `npm run token` in a fresh infra home, so it creates its own local signing key. */
async function token(args: string[], infraHome: string): Promise<{ code: unknown; output: string }> {
  const cli = runTypeScriptProcess(CLI, { TECHNOPARK_INFRA_HOME: infraHome }, args);
  return { code: await cli.exit, output: cli.output().trim() };
}

describe('npm run token', () => {
  const infraHome = mkdtempSync(join(tmpdir(), 'technopark-infra-'));

  it('mints a token that services trusting the local key accept, with the requested claims', async () => {
    const { code, output } = await token(
      ['--role', 'site-staff', '--site', 'rabat', '--site', 'tangier', '--subject', 'amina'],
      infraHome,
    );
    expect(code).toBe(0);
    const verifier = new TokenVerifier({
      keySource: { kind: 'public-key-file', path: join(infraHome, 'auth/local-signing-key.pub.pem') },
      issuer: LOCAL_ISSUER,
      audience: LOCAL_AUDIENCE,
      rolesClaim: 'roles',
      clockToleranceSeconds: 0,
    });
    await expect(verifier.verify(output)).resolves.toEqual({
      subject: 'amina',
      roles: ['site-staff'],
      sites: ['rabat', 'tangier'],
    });
  });

  it('refuses incomplete or unknown requests with exit code 2 and the reason', async () => {
    expect(await token(['--role', 'wizard'], infraHome)).toMatchObject({
      code: 2,
      output: expect.stringContaining('unknown role wizard'),
    });
    expect(await token(['--role', 'committee-member'], infraHome)).toMatchObject({
      code: 2,
      output: expect.stringContaining('need --site'),
    });
    expect(await token(['--role', 'startup'], infraHome)).toMatchObject({
      code: 2,
      output: expect.stringContaining('--startup <id>'),
    });
  });
});
