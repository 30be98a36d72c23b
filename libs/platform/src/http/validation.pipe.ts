import { type ArgumentMetadata, BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { removableFieldsOf } from '../patch/merge-patch';
import type { InvalidField } from './invalid-field';
import { depthOf, MAX_BODY_DEPTH, nullFields } from './request-body-checks';

export type { InvalidField } from './invalid-field';

/**
 * Whitelisting, unknown fields rejected, and a 400 that names every invalid field. Before any
 * transformation, a body is refused when it nests too deeply or holds a null that is not the
 * removal of an optional field in a merge patch.
 */
export class RequestValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => invalidRequest(invalidFields(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'body') return super.transform(value, metadata);
    if (depthOf(value) > MAX_BODY_DEPTH) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        code: 'REQUEST.TOO_DEEP',
        message: `The request body nests deeper than ${MAX_BODY_DEPTH} levels`,
      });
    }
    const nulls = nullFields(value, removableFieldsOf(metadata.metatype));
    if (nulls.length === 0) return super.transform(value, metadata);
    const others = await super.transform(value, metadata).then(
      () => [],
      (error: unknown) => ((error as BadRequestException).getResponse?.() as { fields?: InvalidField[] })?.fields ?? [],
    );
    const nullPaths = new Set(nulls.map(({ field }) => field));
    throw invalidRequest([...nulls, ...others.filter(({ field }) => !nullPaths.has(field))]);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe();
}

function invalidRequest(fields: InvalidField[]): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    code: 'REQUEST.INVALID',
    message: 'The request has invalid fields',
    fields,
  });
}

export function invalidFields(errors: ValidationError[], parent = ''): InvalidField[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...invalidFields(error.children ?? [], field)];
  });
}
