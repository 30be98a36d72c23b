import { down, logs, status, up } from './infrastructure';

const usage = 'usage: npm run infra -- up | down | status | logs [kafka|ferretdb]';

async function main(command: string | undefined, args: string[]): Promise<number> {
  switch (command) {
    case 'up': {
      const endpoints = await up();
      console.log(`KAFKA_BROKERS=${endpoints.kafkaBrokers}\nMONGO_URL=${endpoints.mongoUrl}`);
      return 0;
    }
    case 'down':
      await down();
      return 0;
    case 'status': {
      const servers = await status();
      for (const s of servers) {
        console.log(
          `${s.name.padEnd(9)} ${s.ready ? 'ready' : 'down '} ${s.address} ${s.pid ? `pid ${s.pid}` : '(not started by this tool)'}`,
        );
      }
      return servers.every((s) => s.ready) ? 0 : 1;
    }
    case 'logs':
      console.log(logs(args[0]));
      return 0;
    default:
      console.error(usage);
      return 2;
  }
}

main(process.argv[2], process.argv.slice(3)).then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`infra: ${error.message}`);
    process.exit(1);
  },
);
