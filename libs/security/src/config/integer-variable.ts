import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** An optional whole-number variable from `min` to `max`; `expected` is what the operator reads on a bad value. */
export function IntegerVariable(min: number, max: number, expected: string): PropertyDecorator {
  const message = { message: expected };
  const decorators = [IsOptional(), Type(() => Number), IsInt(message), Min(min, message), Max(max, message)];
  return (target, property) => decorators.forEach((decorate) => decorate(target, property));
}
