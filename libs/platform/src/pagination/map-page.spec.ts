import { mapPage } from './keyset-page';

describe('mapPage', () => {
  it('turns each item into its view and keeps the cursor', () => {
    expect(mapPage({ items: [{ _id: 'a' }, { _id: 'b' }], nextCursor: 'next' }, ({ _id }) => ({ id: _id }))).toEqual({
      items: [{ id: 'a' }, { id: 'b' }],
      nextCursor: 'next',
    });
  });
});
