import { validateSync } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { IsDecimal, isDecimal, Nullable } from './validators';
import { IsNumber } from 'class-validator';

class Money {
  @IsDecimal(2)
  amount!: number;

  @Nullable()
  @IsNumber()
  rate!: number | null;
}

const problems = (value: object) => validateSync(plainToInstance(Money, value)).map((error) => error.property);

describe('contract validators', () => {
  it('counts decimal places whatever the notation, without throwing', () => {
    expect([1.5, 420000.25, 0, -3, 1e21].map((value) => isDecimal(value, 2))).toEqual([true, true, true, true, true]);
    expect(
      [1e-7, -5e-324, 0.001, Number.NaN, Number.POSITIVE_INFINITY, '1.5'].map((value) => isDecimal(value, 2)),
    ).toEqual([false, false, false, false, false, false]);
  });

  it('refuses an exponent with too many places with a message, where maxDecimalPlaces threw', () => {
    expect(problems({ amount: 1e-7, rate: 0.5 })).toEqual(['amount']);
    expect(validateSync(plainToInstance(Money, { amount: 1e-7, rate: 1 }))[0]?.constraints).toEqual({
      isDecimal: 'amount must be a number with at most 2 decimal places',
    });
  });

  it('lets null through only where the field is declared nullable', () => {
    expect(problems({ amount: 1, rate: null })).toEqual([]);
    expect(problems({ amount: null, rate: null })).toEqual(['amount']);
  });
});
