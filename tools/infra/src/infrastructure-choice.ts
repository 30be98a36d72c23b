/** Where tests get their Kafka broker and MongoDB-protocol server. */
export type InfrastructureKind = 'external' | 'containers' | 'local';

/** The switch: `auto` (the default), `containers` or `local`. */
export const INFRASTRUCTURE_SWITCH = 'TEST_INFRASTRUCTURE';
const CHOICES = ['auto', 'containers', 'local'] as const;

/**
 * KAFKA_BROKERS and MONGO_URL win: servers someone already runs. Otherwise `containers` runs the
 * official images (apache/kafka, mongo) through Testcontainers, `local` runs Kafka from its jars
 * and FerretDB from its Go module, and `auto` takes containers when a container engine answers.
 */
export async function chooseInfrastructure(
  env: Readonly<Record<string, string | undefined>>,
  containerEngineAnswers: () => Promise<boolean>,
): Promise<InfrastructureKind> {
  if (env['KAFKA_BROKERS'] && env['MONGO_URL']) return 'external';
  const wanted = env[INFRASTRUCTURE_SWITCH] || 'auto';
  if (!(CHOICES as readonly string[]).includes(wanted)) {
    throw new Error(`${INFRASTRUCTURE_SWITCH} must be one of ${CHOICES.join(', ')}; got '${wanted}'`);
  }
  if (wanted === 'local') return 'local';
  const engine = await containerEngineAnswers();
  if (wanted === 'containers' && !engine) {
    throw new Error(
      `${INFRASTRUCTURE_SWITCH}=containers, but no container engine answers (Docker, or Podman's socket through DOCKER_HOST)`,
    );
  }
  return engine ? 'containers' : 'local';
}
