import { JSONSchema } from 'class-validator-jsonschema';
import { ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';

/**
 * A finite number with at most `places` decimal places, whatever its notation: `1e-7` has seven
 * and is refused with a message, where class-validator's `maxDecimalPlaces` throws on exponents.
 */
export function IsDecimal(places: number, options?: ValidationOptions): PropertyDecorator {
  const validate = ValidateBy(
    {
      name: 'isDecimal',
      constraints: [places],
      validator: {
        validate: (value: unknown) => isDecimal(value, places),
        defaultMessage: (args) => `${args?.property} must be a number with at most ${places} decimal places`,
      },
    },
    options,
  );
  const document = JSONSchema({ type: 'number' });
  return (target, property) => {
    validate(target, property as string);
    document(target, property as string);
  };
}

export function isDecimal(value: unknown, places: number): boolean {
  return typeof value === 'number' && Number.isFinite(value) && Number(value.toFixed(places)) === value;
}

/**
 * The field may be null, and the published schema says so: null is validated nowhere else
 * (`@IsOptional` lets null through unannounced, so no contract uses it for a value that can be null).
 */
export function Nullable(): PropertyDecorator {
  const skipNull = ValidateIf((_, value) => value !== null);
  const document = JSONSchema((schema) => {
    const { type, ...rest } = schema as { type?: string | string[] };
    return (type ? { ...rest, type: [type, 'null'].flat() } : { anyOf: [schema, { type: 'null' }] }) as typeof schema;
  });
  return (target, property) => {
    skipNull(target, property as string);
    document(target, property as string);
  };
}
