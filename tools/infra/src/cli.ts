import { parseArgs } from 'node:util';
import { everyServer, selectServers } from './cells/platform-servers';
import { brokersOf, hqCell, partnerBrokersOf, TEST_CELL } from './cells/cells';
import { down, ensureAll, logs, status } from './infrastructure';
import { grantPartnerKafkaAccess } from './partner-access';

const usage = [
  'usage: npm run infra -- up | down | status | logs [--cell NAME] [--lines N]',
  '  no --cell: the cells of SITES (default casablanca), HQ and their replication (down: everything started)',
  '  --cell casablanca | hq | test | replication | casablanca/replication',
  '       npm run infra -- partner-access PARTNER_ID [--cell hq|test] [--json]',
  '                                      [--brokers HOST:PORT --partner-brokers HOST:PORT] (other servers than a cell)',
  "  a partner's SCRAM user (a new password at each call) allowed to read only its topic and groups",
].join('\n');

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      cell: { type: 'string' },
      lines: { type: 'string', default: '60' },
      json: { type: 'boolean', default: false },
      brokers: { type: 'string' },
      'partner-brokers': { type: 'string' },
    },
  });
  const command = positionals[0];
  const sites = process.env['SITES'];
  switch (command) {
    case 'up': {
      const servers = selectServers(values.cell, sites);
      await ensureAll(servers);
      for (const server of servers) console.log(`${server.name.padEnd(24)} ${server.address}`);
      return 0;
    }
    case 'down':
      await down(values.cell === undefined ? everyServer() : selectServers(values.cell, sites));
      return 0;
    case 'status': {
      const servers = await status(selectServers(values.cell, sites));
      for (const s of servers) {
        console.log(
          `${s.name.padEnd(24)} ${s.ready ? 'ready' : 'down '} ${s.address.padEnd(34)} ${s.pid ? `pid ${s.pid}` : '(not started by this tool)'}`,
        );
      }
      return servers.every((s) => s.ready) ? 0 : 1;
    }
    case 'logs':
      console.log(logs(selectServers(values.cell, sites), Number(values.lines)));
      return 0;
    case 'partner-access': {
      if (!positionals[1]) break;
      const cell = values.cell === 'test' ? TEST_CELL : hqCell();
      const access = await grantPartnerKafkaAccess({
        partnerId: positionals[1],
        brokers: values.brokers ?? brokersOf(cell),
        partnerBrokers: values['partner-brokers'] ?? partnerBrokersOf(cell),
      });
      if (values.json) console.log(JSON.stringify(access));
      else {
        console.log(`Kafka access for partner ${access.partnerId}; the password is shown only now:`);
        for (const [name, value] of Object.entries(access)) console.log(`  ${name.padEnd(17)} ${value}`);
      }
      return 0;
    }
  }
  console.error(usage);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`infra: ${error.message}`);
    process.exit(1);
  },
);
