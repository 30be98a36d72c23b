import { IsOptional, IsString, IsUUID } from 'class-validator';
import { PARTNER_EVENTS, PUBLISHED_EVENTS, StartupRegistered } from '../index';
import { payloadSchemaOf } from './index';
import { readSnapshot, snapshotPath } from './index';

/**
 * The compatibility guard. A published event type is a public API: its schema may never
 * change. To change a shape, add `….v2` beside it and run `npm run contracts:snapshot`.
 */
describe('published event schemas', () => {
  it.each([...PUBLISHED_EVENTS, ...PARTNER_EVENTS].map((contract) => [contract.type, contract] as const))(
    '%s matches its frozen snapshot',
    (_type, contract) => {
      const snapshot = readSnapshot(contract);
      if (!snapshot)
        throw new Error(
          `no snapshot at ${snapshotPath(contract)}: run npm run contracts:snapshot for a new event type`,
        );

      expect({ type: contract.type, schema: payloadSchemaOf(contract) }).toEqual({
        type: contract.type,
        schema: snapshot,
      });
    },
  );
});

class ChangedStartupRegistered {
  @IsUUID()
  startupId!: string;

  @IsOptional()
  @IsString()
  website?: string;
}

describe('the compatibility guard', () => {
  it('notices a changed shape under a published type', () => {
    const changed = { ...StartupRegistered, payload: ChangedStartupRegistered as never };

    expect(payloadSchemaOf(changed)).not.toEqual(readSnapshot(StartupRegistered));
  });
});
