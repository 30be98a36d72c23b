import { isDuplicateKeyError } from './duplicate-key';

describe('isDuplicateKeyError', () => {
  it("recognises MongoDB's 11000 and FerretDB's unique-constraint message on updates, nothing else", () => {
    expect(isDuplicateKeyError({ code: 11000, message: 'E11000 duplicate key error' })).toBe(true);
    expect(
      isDuplicateKeyError(
        new Error("constraint failed: UNIQUE constraint failed: index 'applications_cohortSeat_1' (2067)"),
      ),
    ).toBe(true);
    expect(isDuplicateKeyError({ code: 112, message: 'WriteConflict' })).toBe(false);
    expect(isDuplicateKeyError(new Error('connection reset'))).toBe(false);
    expect(isDuplicateKeyError(undefined)).toBe(false);
  });
});
