import { accessSync, constants } from 'node:fs';
import { type ValidationArguments, ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';

/** The three ways to give the verification key; exactly one must be set. */
export const KEY_VARIABLES = ['AUTH_JWKS_URL', 'AUTH_PUBLIC_KEY_FILE', 'AUTH_SHARED_SECRET'] as const;
type KeyVariable = (typeof KEY_VARIABLES)[number];

const EXPECTED: Record<KeyVariable, string> = {
  AUTH_JWKS_URL:
    "the identity provider's JWKS URL, such as 'https://id.example.ma/realms/technopark/protocol/openid-connect/certs'",
  AUTH_PUBLIC_KEY_FILE: 'the path of a readable PEM public key file',
  AUTH_SHARED_SECRET: 'an HMAC secret of at least 32 characters',
};
const ONE_OF = `exactly one of ${KEY_VARIABLES.join(', ')} to say how token signatures are checked`;

/** Checks one key variable: its own format when set, and that exactly one of the three is set. */
@ValidatorConstraint({ name: 'verificationKey' })
export class VerificationKeyVariable implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    const variable = args.property as KeyVariable;
    const set = setVariables(args.object);
    if (value === undefined) return variable !== KEY_VARIABLES[0] || set.length === 1;
    if (set[0] !== variable) return false;
    return formatIsValid(variable, String(value));
  }

  defaultMessage(args: ValidationArguments): string {
    const variable = args.property as KeyVariable;
    const set = setVariables(args.object);
    if (set.length !== 1) return ONE_OF;
    return EXPECTED[variable];
  }
}

function setVariables(environment: object): KeyVariable[] {
  return KEY_VARIABLES.filter((name) => (environment as Record<string, unknown>)[name] !== undefined);
}

function formatIsValid(variable: KeyVariable, value: string): boolean {
  switch (variable) {
    case 'AUTH_JWKS_URL':
      return /^https?:\/\/\S+$/.test(value);
    case 'AUTH_PUBLIC_KEY_FILE':
      return isReadable(value);
    case 'AUTH_SHARED_SECRET':
      return value.length >= 32;
  }
}

function isReadable(path: string): boolean {
  try {
    accessSync(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}
