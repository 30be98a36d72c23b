import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

/** An optional `true` / `false` variable; any other value is refused by name, never read as true. */
export function BooleanVariable(): PropertyDecorator {
  const decorators = [
    IsOptional(),
    Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)),
    IsBoolean({ message: 'true or false' }),
  ];
  return (target, property) => decorators.forEach((decorate) => decorate(target, property));
}
