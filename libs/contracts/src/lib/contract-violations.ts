import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import type { EventContract } from './event-contract';
import { payloadSchemaOf } from './payload-schema';

const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
const compiled = new Map<string, ValidateFunction>();

/**
 * Everything a payload gets wrong against its contract, as `field: problem` lines; empty when it
 * is publishable. Checked twice, because partners read both: the payload class (what our
 * consumers validate) with no unknown field, and the JSON Schema of the AsyncAPI document
 * (where, unlike `@IsOptional`, a null is a wrong type unless the field is `@Nullable`).
 */
export function contractViolations<T extends object>(contract: EventContract<T>, payload: T): string[] {
  const asSent = JSON.parse(JSON.stringify(payload)) as object;
  const classProblems = validateSync(plainToInstance(contract.payload, asSent), {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
  });
  const schema = schemaValidator(contract);
  const schemaProblems = schema(asSent)
    ? []
    : (schema.errors ?? []).map(
        (error) => `${error.instancePath.slice(1).replace(/\//g, '.') || '(payload)'}: ${error.message} (schema)`,
      );
  return [...describe(classProblems), ...schemaProblems];
}

function schemaValidator(contract: EventContract): ValidateFunction {
  let validate = compiled.get(contract.type);
  if (!validate) {
    validate = ajv.compile(payloadSchemaOf(contract));
    compiled.set(contract.type, validate);
  }
  return validate;
}

function describe(problems: ValidationError[], path = ''): string[] {
  return problems.flatMap((problem) => {
    const field = `${path}${problem.property}`;
    const own = Object.values(problem.constraints ?? {}).map((message) => `${field}: ${message}`);
    return [...own, ...describe(problem.children ?? [], `${field}.`)];
  });
}
