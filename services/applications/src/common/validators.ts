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

/** A list of `{ weight }` items whose weights add up to `total`. */
export function WeightsSumTo(total: number, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'weightsSumTo',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [total],
      options: { message: `$property weights must add up to ${total}`, ...options },
      validator: {
        validate(value: unknown) {
          return (
            Array.isArray(value) &&
            value.reduce((sum, item) => sum + Number((item as { weight?: number })?.weight ?? NaN), 0) === total
          );
        },
      },
    });
}

/** Ids chosen by staff: readable, URL-safe slugs. */
export const SLUG = /^[a-z0-9][a-z0-9-]{1,79}$/;
