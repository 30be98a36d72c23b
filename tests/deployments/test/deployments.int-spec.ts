import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { partnerGroupPrefixFor, partnerTopicFor } from '@technopark/contracts';
import { mirrorMakerProperties, platformCells, siteCells } from '@technopark/infra';
import { render, repoRoot, validate } from '../support/deploy-tools';

interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
}

const overlaysDir = join(repoRoot, 'deploy/k8s/overlays');
const overlays = readdirSync(overlaysDir).sort();
const sites = siteCells().map((cell) => cell.name);
const rendered = new Map<string, Manifest[]>();

async function manifestsOf(overlay: string): Promise<Manifest[]> {
  if (!rendered.has(overlay)) {
    const parsed = parseAllDocuments(await render(overlay));
    const documents = parsed.map((document) => document.toJS() as Manifest);
    rendered.set(overlay, documents);
  }
  return rendered.get(overlay) as Manifest[];
}

const topicLines = (properties: string) =>
  properties
    .split('\n')
    .filter((line) => /\.topics(\.exclude)? = /.test(line))
    .map((line) => line.replace(/^\S+->hq\./, ''));

describe('Kubernetes: one kustomize overlay per site and one for HQ', () => {
  it('has an overlay for every configured site, and one for HQ', () => {
    expect(overlays).toEqual([...sites, 'hq'].sort());
  });

  it.each(overlays)(
    '%s renders, and every manifest is valid against the Kubernetes and Strimzi schemas',
    async (overlay) => {
      const manifests = await manifestsOf(overlay);
      const results = await validate(manifests);

      expect(results.filter((result) => result.errors.length > 0)).toEqual([]);
      expect(results).toHaveLength(manifests.length);
      expect(manifests.map((manifest) => manifest.kind)).toEqual(
        expect.arrayContaining(['Kafka', 'KafkaNodePool', 'StatefulSet', 'NetworkPolicy', 'Deployment']),
      );
    },
  );

  it.each(overlays)(
    '%s: probes, resources and a PodDisruptionBudget for every service; no Secret in it',
    async (overlay) => {
      const manifests = await manifestsOf(overlay);
      const budgets = manifests.filter((manifest) => manifest.kind === 'PodDisruptionBudget');
      const deployments = manifests.filter((manifest) => manifest.kind === 'Deployment');

      expect(manifests.filter((manifest) => manifest.kind === 'Secret')).toEqual([]);
      expect(new Set(manifests.map((manifest) => manifest.metadata.namespace ?? manifest.metadata.name))).toEqual(
        new Set([`technopark-${overlay}`]),
      );
      for (const deployment of deployments) {
        const { containers } = (deployment.spec as { template: { spec: { containers: Container[] } } }).template.spec;
        for (const container of containers) {
          expect(container.readinessProbe?.httpGet?.path).toBe('/health/ready');
          expect(container.livenessProbe?.httpGet?.path).toBe('/health');
          expect(container.resources?.requests?.memory).toBeDefined();
        }
        expect(budgets.map((budget) => budget.metadata.name)).toContain(deployment.metadata.name);
      }
      expect(deployments.length).toBe(overlay === 'hq' ? 2 : 5);
    },
  );

  it('hq: partners read their own topic over SCRAM, as KafkaUsers whose ACLs name only that topic and their groups', async () => {
    const manifests = await manifestsOf('hq');
    const kafka = manifests.find((manifest) => manifest.kind === 'Kafka')?.spec as {
      kafka: {
        listeners: Array<{ name: string; tls: boolean; authentication?: { type: string } }>;
        authorization: object;
      };
      entityOperator: { userOperator?: object };
    };
    const users = manifests.filter((manifest) => manifest.kind === 'KafkaUser');

    expect(kafka.kafka.listeners.map((listener) => listener.name)).toEqual(['plain', 'tls', 'partners']);
    expect(kafka.kafka.listeners[2]).toMatchObject({ tls: true, authentication: { type: 'scram-sha-512' } });
    expect(kafka.kafka.authorization).toEqual({ type: 'simple', superUsers: ['ANONYMOUS'] });
    expect(kafka.entityOperator.userOperator).toBeDefined();
    expect(users.length).toBeGreaterThan(0);
    for (const user of users) {
      const partnerId = user.metadata.name.replace(/^partner-/, '');
      const { acls } = (user.spec as { authorization: { acls: Array<{ resource: object }> } }).authorization;
      expect(acls.map((acl) => acl.resource)).toEqual([
        { type: 'topic', name: partnerTopicFor(partnerId), patternType: 'literal' },
        { type: 'group', name: partnerGroupPrefixFor(partnerId), patternType: 'prefix' },
      ]);
    }
  });

  it.each(sites)('%s: the site id, and its MirrorMaker 2 to HQ with the local topic patterns', async (site) => {
    const manifests = await manifestsOf(site);
    const config = manifests.find((manifest) => manifest.kind === 'ConfigMap');
    const mirror = manifests.find((manifest) => manifest.kind === 'KafkaMirrorMaker2');
    const mirrors = (mirror?.spec as { mirrors: Array<Record<string, string>> }).mirrors;

    expect(config?.data?.['SITE_ID']).toBe(site);
    expect(mirrors).toHaveLength(1);
    expect(mirrors[0]).toMatchObject({ sourceCluster: site, targetCluster: 'hq' });
    const local = topicLines(mirrorMakerProperties({ site, siteBrokers: 'x:1', hqBrokers: 'y:1' })).map((line) =>
      line.replace(/\\\\/g, '\\'),
    );
    expect([
      `topics = ${mirrors[0]?.['topicsPattern']}`,
      `topics.exclude = ${mirrors[0]?.['topicsExcludePattern']}`,
    ]).toEqual(local);
  });
});

interface Container {
  readinessProbe?: { httpGet?: { path: string } };
  livenessProbe?: { httpGet?: { path: string } };
  resources?: { requests?: { memory?: string } };
}

describe('Docker Compose: one project per site cell, and HQ (checked statically: no engine here)', () => {
  const siteFile = readFileSync(join(repoRoot, 'deploy/compose/site-cell.yml'), 'utf8');
  const hqFile = readFileSync(join(repoRoot, 'deploy/compose/hq-cell.yml'), 'utf8');
  const kafkaVersion = /<kafka.version>([^<]+)</.exec(readFileSync(join(repoRoot, 'tools/kafka/pom.xml'), 'utf8'))?.[1];
  const variablesOf = (text: string) => [...text.matchAll(/\$\{([A-Z_]+)/g)].map((match) => match[1] as string);
  const envOf = (path: string) =>
    Object.fromEntries(
      readFileSync(path, 'utf8')
        .split('\n')
        .filter((line) => /^[A-Z_]+=/.test(line))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
  const interpolate = (text: string, env: Record<string, string>) =>
    text.replace(/\$\{([A-Z_]+)(:\?[^}]*)?\}/g, (_match, name: string) => env[name] ?? `<unset ${name}>`);

  it.each(sites)(
    'site-cell.yml with %s.env: every variable it uses is set, and the replication matches the local one',
    (site) => {
      const env = envOf(join(repoRoot, 'deploy/sites', `${site}.env`));
      const compose = parse(interpolate(siteFile, env)) as {
        name: string;
        services: Record<string, { image?: string; ports?: string[] }>;
        configs: { mm2: { content: string } };
      };

      expect(variablesOf(siteFile).filter((name) => env[name] === undefined)).toEqual([]);
      expect(compose.name).toBe(`technopark-${site}`);
      expect(compose.services['kafka']?.image).toBe(`apache/kafka:${kafkaVersion}`);
      expect(compose.services['replication']?.image).toBe(`apache/kafka:${kafkaVersion}`);
      expect(compose.services['mongo']?.image).toMatch(/^mongo:\d/);
      expect(compose.services['applications']?.ports).toEqual([`${env['CELL_APPLICATIONS_PORT']}:3001`]);
      expect(topicLines(compose.configs.mm2.content)).toEqual(
        topicLines(mirrorMakerProperties({ site, siteBrokers: 'x:1', hqBrokers: 'y:1' })),
      );
    },
  );

  it('hq-cell.yml with hq.env: every variable it uses is set; it creates the network the sites join', () => {
    const env = envOf(join(repoRoot, 'deploy/hq.env'));
    const compose = parse(interpolate(hqFile, env)) as {
      services: Record<string, { image?: string; ports?: string[] }>;
      networks: Record<string, { name: string; external?: boolean }>;
    };
    const sitesNetwork = (
      parse(interpolate(siteFile, envOf(join(repoRoot, 'deploy/sites/casablanca.env')))) as {
        networks: Record<string, { name: string; external?: boolean }>;
      }
    ).networks['wan'];

    expect(variablesOf(hqFile).filter((name) => env[name] === undefined)).toEqual([]);
    expect(compose.services['kafka']?.image).toBe(`apache/kafka:${kafkaVersion}`);
    expect(compose.services['analytics-national']?.ports).toEqual([`${env['CELL_ANALYTICS_PORT']}:3015`]);
    expect(compose.networks['wan']).toEqual({ name: 'technopark-wan' });
    expect(sitesNetwork).toEqual({ name: 'technopark-wan', external: true });
    // Partners' SASL/SCRAM listener: where the local HQ broker has it, and what the gateway tells partners.
    const partnersPort = Number(env['CELL_KAFKA_PORT']) + 2;
    expect(compose.services['kafka']?.ports).toContain(`${partnersPort}:29094`);
    expect(env['PARTNER_KAFKA_BOOTSTRAP']).toBe(`localhost:${partnersPort}`);
  });

  it('gives every cell host ports of its own', () => {
    expect(() => platformCells(sites.join(','))).not.toThrow();
  });
});
