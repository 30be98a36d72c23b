import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

export interface InvalidField {
  /** Dotted path of the field in the request, e.g. `founders.0.email`. */
  field: string;
  problems: string[];
}

/** Whitelisting, unknown fields rejected, and a 400 that names every invalid field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) =>
      new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        code: 'REQUEST.INVALID',
        message: 'The request has invalid fields',
        fields: invalidFields(errors),
      }),
  });
}

export function invalidFields(errors: ValidationError[], parent = ''): InvalidField[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...invalidFields(error.children ?? [], field)];
  });
}
