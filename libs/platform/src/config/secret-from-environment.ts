import { readFileSync } from 'node:fs';
import { ConfigurationError } from './load-environment';

/** The fewest characters a secret given by the operator may have. */
export const MIN_SECRET_LENGTH = 32;

/**
 * A secret given as a variable (`NAME`) or as a file (`NAME_FILE`, a mounted secret); start-up stops,
 * naming the variable, when the file cannot be read or holds too short a secret. The environment
 * class has already required one of the two.
 */
export function secretFromEnvironment(name: string, value: string | undefined, file: string | undefined): string {
  if (value) return value;
  let secret: string;
  try {
    secret = readFileSync(file as string, 'utf8').trim();
  } catch (error) {
    throw new ConfigurationError([`${name}_FILE: cannot read ${file} (${(error as Error).message})`]);
  }
  if (secret.length < MIN_SECRET_LENGTH)
    throw new ConfigurationError([`${name}_FILE: ${file} holds fewer than ${MIN_SECRET_LENGTH} characters`]);
  return secret;
}
