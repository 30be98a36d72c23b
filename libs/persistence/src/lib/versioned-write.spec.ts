import { versionedWrite } from './versioned-write';

describe('versionedWrite', () => {
  it('matches the version read and moves it on, keeping the other increments', () => {
    expect(versionedWrite({ _id: 'r-1', version: 3 }, { $set: { status: 'active' }, $inc: { moves: 1 } })).toEqual({
      filter: { _id: 'r-1', version: 3 },
      update: { $set: { status: 'active' }, $inc: { moves: 1, version: 1 } },
    });
  });

  it('matches a document written before it was versioned as version-less', () => {
    expect(versionedWrite({ _id: 'a-1' }, { $set: { status: 'submitted' } }).filter).toEqual({
      _id: 'a-1',
      version: null,
    });
  });
});
