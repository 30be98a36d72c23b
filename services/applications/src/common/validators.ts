import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

/** The date is later than the one in `property` of the same object. */
export function IsAfter(property: string, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isAfter',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [property],
      options: { message: `$property must be later than ${property}`, ...options },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const other = (args.object as Record<string, unknown>)[property];
          return other === undefined || (value instanceof Date && other instanceof Date && value > other);
        },
      },
    });
}

/** Ids chosen by staff: readable, URL-safe slugs. */
export const SLUG = /^[a-z0-9][a-z0-9-]{1,79}$/;
