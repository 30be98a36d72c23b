import { parseArgs } from 'node:util';
import { deadLetterTopicFor, EventRegistry, PUBLISHED_EVENTS, topicFor } from '@technopark/contracts';
import {
  consumerGroupOf,
  createKafkaClient,
  parseBrokers,
  replayDeadLetters,
  rewindConsumerGroup,
} from '@technopark/messaging';

const USAGE = `usage: npm run events -- <command> --service <name> --site <site> [options]

commands:
  rewind         reset the service's consumer group to the beginning of its topics, so the
                 service rebuilds its state from the log (stop the service first)
                   --streams a,b   the streams it reads (default: every published stream)
  dead-letters   list the events the service dead-lettered since the last re-publish
                   --republish     send them back to their original topics (once the cause is fixed)

KAFKA_BROKERS (default 127.0.0.1:9092) says where the cluster is.`;

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      service: { type: 'string' },
      site: { type: 'string' },
      streams: { type: 'string' },
      republish: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const [command] = positionals;
  if (values.help || !command || !values.service || !values.site) return exit(USAGE, command ? 2 : 0);
  const kafka = createKafkaClient({
    brokers: parseBrokers(process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092'),
    clientId: 'technopark-events-cli',
  });
  const group = consumerGroupOf({ service: values.service, site: values.site });
  if (command === 'rewind') {
    const streams = values.streams?.split(',') ?? new EventRegistry(PUBLISHED_EVENTS).streams();
    const topics = streams.map((stream) => topicFor(values.site as string, stream));
    await rewindConsumerGroup(kafka, group, topics);
    console.log(
      `events: consumer group ${group} rewound to the beginning of ${topics.join(', ')}; start the service to rebuild`,
    );
  } else if (command === 'dead-letters') {
    const topic = deadLetterTopicFor(values.site, group);
    const report = await replayDeadLetters(kafka, topic, { dryRun: !values.republish });
    for (const entry of report.entries)
      console.log(`${entry.failedAt}  ${entry.originalTopic}  ${entry.reasonCode}  ${entry.reason}`);
    console.log(
      `events: ${report.entries.length} dead-lettered event(s) in ${topic}${values.republish ? `, ${report.republished} re-published` : ' (add --republish to send them back)'}`,
    );
  } else {
    exit(`unknown command '${command}'\n\n${USAGE}`, 2);
  }
}

function exit(message: string, code: number): void {
  (code === 0 ? console.log : console.error)(message);
  process.exitCode = code;
}

main().catch((error: Error) => {
  console.error(`events: ${error.message}`);
  process.exitCode = 1;
});
