import { allowlistView } from './allowlist-view';

interface StoredStartup {
  _id: string;
  name: string;
  founders?: string[];
  nameKey: string;
  _outbox?: unknown[];
}

describe('allowlistView', () => {
  const listed = allowlistView<StoredStartup, 'name' | 'founders'>(['name', 'founders']);

  it('shows the listed fields under `id`, and nothing else', () => {
    const stored = { _id: 's-1', name: 'Souss Agritech', founders: ['Amina'], nameKey: 'souss agritech', _outbox: [] };
    expect(listed(stored)).toEqual({ id: 's-1', name: 'Souss Agritech', founders: ['Amina'] });
  });

  it('leaves out a listed field that is not set', () => {
    expect(listed({ _id: 's-2', name: 'Atlas', nameKey: 'atlas' })).toEqual({ id: 's-2', name: 'Atlas' });
  });
});
