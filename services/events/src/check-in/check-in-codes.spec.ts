import { CheckInCodes } from './check-in-codes';

const codes = new CheckInCodes('a-test-secret-of-at-least-32-characters!');
const claim = { registrationId: '5c4b3a29-1807-5f6e-8d5c-4b3a29180716', round: 1 };

describe('check-in codes', () => {
  it('reads back the registration and round of a code it made', () => {
    expect(codes.read(codes.codeFor(claim))).toEqual(claim);
  });

  it('refuses a code with another round, another registration, or a forged signature', () => {
    const code = codes.codeFor(claim);
    expect(codes.read(code.replace('.1.', '.2.'))).toBeUndefined();
    expect(codes.read(code.replace('5c4b', '5c4c'))).toBeUndefined();
    expect(codes.read(new CheckInCodes('another-secret-of-at-least-32-characters').codeFor(claim))).toBeUndefined();
    expect(codes.read('not a code')).toBeUndefined();
  });
});
