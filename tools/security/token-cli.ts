import { parseArgs } from 'node:util';
import { isRole, ROLES, SITE_SCOPED_ROLES } from '@technopark/security';
import { mintLocalToken } from '../infra/src/local-auth';

const USAGE = `usage: npm run -s token -- --role <role> [options]

Mints a bearer token signed with the local signing key (.infra/auth), which services started
by \`npm start\` trust. For local use only: production services trust the identity provider.

  --role <role>        ${ROLES.join(', ')} (repeat for several)
  --site <site>        a site where site-staff / committee-member hold (repeat for several)
  --startup <id>       the startup a startup token acts for
  --partner <id>       the partner program a partner token reads for
  --funder <id>        the funder a funder token acts for
  --event <id>         the event an event-host token checks people in at
  --subject <id>       the token subject, recorded as the actor of changes (default: local-<role>)
  --ttl <duration>     lifetime such as 30m, 8h, 7d (default 8h)

The token is printed alone on stdout:
  TOKEN=$(npm run -s token -- --role site-staff --site casablanca)
  curl -H "Authorization: Bearer $TOKEN" http://127.0.0.1:3001/v1/me`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      site: { type: 'string', multiple: true },
      startup: { type: 'string' },
      partner: { type: 'string' },
      funder: { type: 'string' },
      event: { type: 'string' },
      subject: { type: 'string' },
      ttl: { type: 'string', default: '8h' },
      help: { type: 'boolean', default: false },
    },
  });
  const roles = values.role ?? [];
  if (values.help || roles.length === 0) return exit(USAGE, values.help ? 0 : 2);
  const problem = problemWith(roles, values.site ?? [], values, values.ttl);
  if (problem) return exit(`token: ${problem}\n\n${USAGE}`, 2);
  const token = await mintLocalToken({
    subject: values.subject ?? `local-${roles[0]}`,
    roles,
    sites: values.site,
    startupId: values.startup,
    partnerId: values.partner,
    funderId: values.funder,
    eventId: values.event,
    expiresIn: values.ttl,
  });
  process.stdout.write(`${token}\n`);
}

function problemWith(
  roles: string[],
  sites: string[],
  { startup, partner, funder, event }: { startup?: string; partner?: string; funder?: string; event?: string },
  ttl = '',
): string | undefined {
  const unknown = roles.filter((role) => !isRole(role));
  if (unknown.length > 0) return `unknown role ${unknown.join(', ')}`;
  if (roles.some((role) => SITE_SCOPED_ROLES.some((scoped) => scoped === role)) && sites.length === 0)
    return 'site-staff and committee-member need --site';
  if (roles.includes('startup') && !startup) return 'a startup token needs --startup <id>';
  if (roles.includes('partner') && !partner) return 'a partner token needs --partner <id>';
  if (roles.includes('funder') && !funder) return 'a funder token needs --funder <id>';
  if (roles.includes('event-host') && !event) return 'an event-host token needs --event <id>';
  if (!/^\d+[smhd]$/.test(ttl)) return `--ttl '${ttl}' is not a duration such as 30m, 8h or 7d`;
  return undefined;
}

function exit(message: string, code: number): void {
  (code === 0 ? process.stdout : process.stderr).write(`${message}\n`);
  process.exitCode = code;
}

main().catch((error: Error) => exit(`token: ${error.message}`, 1));
