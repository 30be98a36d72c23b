import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { BooleanVariable } from './boolean-variable';

class Example {
  @BooleanVariable()
  FLAG = false;
}

const read = (value: string | undefined) => {
  const environment = plainToInstance(Example, value === undefined ? {} : { FLAG: value }, {
    exposeDefaultValues: true,
  });
  return {
    value: environment.FLAG,
    problems: validateSync(environment).flatMap((e) => Object.values(e.constraints ?? {})),
  };
};

describe('BooleanVariable', () => {
  it('reads true and false, and keeps the default when unset', () => {
    expect(read('true')).toEqual({ value: true, problems: [] });
    expect(read('false')).toEqual({ value: false, problems: [] });
    expect(read(undefined)).toEqual({ value: false, problems: [] });
  });

  it('refuses anything else rather than reading it as true', () => {
    expect(read('yes').problems).toEqual(['true or false']);
    expect(read('0').problems).toEqual(['true or false']);
  });
});
