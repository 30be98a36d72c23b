import { registerDecorator, type ValidationOptions } from 'class-validator';
import { MAX_MARK } from './rubric-score';

/** A map of rubric criteria to whole marks from 0 to `MAX_MARK`, at least one. */
export function MarksOutOfTen(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'marksOutOfTen',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: `$property must map each rubric criterion to a whole mark from 0 to ${MAX_MARK}`,
        ...options,
      },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.keys(value).length > 0 &&
          Object.values(value).every((mark) => Number.isInteger(mark) && mark >= 0 && mark <= MAX_MARK),
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
