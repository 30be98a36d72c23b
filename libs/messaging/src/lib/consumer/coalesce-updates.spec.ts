import { coalesceUpdates } from './coalesce-updates';

describe('coalesceUpdates: two effects on one document as one update', () => {
  it('sums increments, keeps the last $set and the first $setOnInsert, and pushes in order', () => {
    expect(
      coalesceUpdates(
        {
          $inc: { count: 1, 'values.2026-Q1': 2 },
          $set: { name: 'a' },
          $setOnInsert: { site: 'x' },
          $push: { seq: 1 },
        },
        { $inc: { count: 1 }, $set: { name: 'b' }, $setOnInsert: { site: 'y' }, $push: { seq: { $each: [2, 3] } } },
      ),
    ).toEqual({
      $inc: { count: 2, 'values.2026-Q1': 2 },
      $set: { name: 'b' },
      $setOnInsert: { site: 'x' },
      $push: { seq: { $each: [1, 2, 3] } },
    });
  });

  it('keeps the greatest $max and the least $min, dates included', () => {
    const [early, late] = [new Date('2026-01-01'), new Date('2026-06-01')];
    expect(
      coalesceUpdates({ $max: { at: early }, $min: { low: 5 } }, { $max: { at: late }, $min: { low: 7 } }),
    ).toEqual({ $max: { at: late }, $min: { low: 5 } });
  });

  it('unsets and sets different paths in one update, counting both changes', () => {
    expect(
      coalesceUpdates(
        { $set: { 'residents.a': 'x' }, $inc: { version: 1 } },
        { $unset: { 'residents.b': '' }, $inc: { version: 1 } },
      ),
    ).toEqual({ $set: { 'residents.a': 'x' }, $unset: { 'residents.b': '' }, $inc: { version: 2 } });
  });

  it('leaves a path as the later of a $set and an $unset left it', () => {
    expect(coalesceUpdates({ $set: { a: 'x', b: 1 } }, { $unset: { a: '' } })).toEqual({
      $set: { b: 1 },
      $unset: { a: '' },
    });
    expect(coalesceUpdates({ $unset: { a: '' } }, { $set: { a: 'y' } })).toEqual({ $set: { a: 'y' } });
  });

  it.each([
    ['an operator it does not fold', { $pull: { a: 1 } }, { $set: { b: 1 } }],
    ['one path under two operators', { $inc: { a: 1 } }, { $set: { a: 5 } }],
    ['a path inside another', { $set: { profile: { name: 'a' } } }, { $set: { 'profile.name': 'b' } }],
    ['a $push with a modifier other than $each', { $push: { seq: 1 } }, { $push: { seq: { $each: [2], $slice: -5 } } }],
    ['values of different kinds for $max', { $max: { at: new Date() } }, { $max: { at: 5 } }],
    ['an increment that is not a number', { $inc: { a: 1 } }, { $inc: { a: '1' } }],
  ])('refuses %s (the effects are then written one after the other)', (_, earlier, later) => {
    expect(coalesceUpdates(earlier as never, later as never)).toBeUndefined();
  });

  it('tells a path inside another from a path that only starts the same', () => {
    expect(coalesceUpdates({ $inc: { 'a.b': 1 } }, { $inc: { 'a.bc': 1, ab: 1 } })).toEqual({
      $inc: { 'a.b': 1, 'a.bc': 1, ab: 1 },
    });
  });
});
