import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, type ValidationError } from 'class-validator';
import type { ServiceEnvironment } from './service-environment';

/** Thrown at start-up; its message is one line naming every bad variable. */
export class ConfigurationError extends Error {
  readonly code = 'PLATFORM.INVALID_CONFIGURATION';
  readonly retriable = false;

  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigurationError';
  }
}

/** Values of these variables never reach a log line. */
const SECRET_VARIABLE = /(SECRET|PASSWORD|PRIVATE_KEY)$/;

type EnvironmentClass<T extends ServiceEnvironment> = new () => T;

/** Reads and validates the variables declared by `environmentClass`, keeping declared defaults. */
export function loadEnvironment<T extends ServiceEnvironment>(
  environmentClass: EnvironmentClass<T>,
  source: NodeJS.ProcessEnv = process.env,
): T {
  const given = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ''));
  const environment = plainToInstance(environmentClass, given, { exposeDefaultValues: true });
  const errors = validateSync(environment, { skipMissingProperties: false });
  if (errors.length > 0) throw new ConfigurationError(errors.map((error) => describe(error, source)));
  return pick(environment, declaredVariables(environmentClass));
}

function describe(error: ValidationError, source: NodeJS.ProcessEnv): string {
  const expected = [...new Set(Object.values(error.constraints ?? {}))].join(', ');
  const raw = source[error.property];
  const got =
    raw === undefined || raw === ''
      ? 'is missing'
      : SECRET_VARIABLE.test(error.property)
        ? 'is set (value hidden)'
        : `is '${raw}'`;
  return `${error.property} ${got}, expected ${expected}`;
}

/** Keeps only the declared variables, so the rest of the process environment is not carried around. */
function declaredVariables(environmentClass: new () => object): Set<string> {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(environmentClass, '', true, false);
  return new Set(metadata.map((entry) => entry.propertyName));
}

function pick<T extends object>(environment: T, declared: Set<string>): T {
  for (const key of Object.keys(environment)) {
    if (!declared.has(key)) delete (environment as Record<string, unknown>)[key];
  }
  return environment;
}
