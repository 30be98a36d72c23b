import { parseArgs } from 'node:util';
import { everyServer, selectServers } from './cells/platform-servers';
import { down, ensureAll, logs, status } from './infrastructure';

const usage = [
  'usage: npm run infra -- up | down | status | logs [--cell NAME] [--lines N]',
  '  no --cell: the cells of SITES (default casablanca), HQ and their replication (down: everything started)',
  '  --cell casablanca | hq | test | replication | casablanca/replication',
].join('\n');

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { cell: { type: 'string' }, lines: { type: 'string', default: '60' } },
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
    default:
      console.error(usage);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`infra: ${error.message}`);
    process.exit(1);
  },
);
