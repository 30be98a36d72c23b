import { actionsPermitted, type ActionRoles } from './action-roles';

const ROLES_BY_ACTION: ActionRoles<'start' | 'decline'> = { start: ['site-staff'], decline: ['site-staff', 'startup'] };

describe('actionsPermitted', () => {
  it('keeps the legal actions the role may take, in order', () => {
    expect(actionsPermitted(['start', 'decline'], ROLES_BY_ACTION, 'site-staff')).toEqual(['start', 'decline']);
    expect(actionsPermitted(['start', 'decline'], ROLES_BY_ACTION, 'startup')).toEqual(['decline']);
    expect(actionsPermitted(['start'], ROLES_BY_ACTION, 'committee-member')).toEqual([]);
  });
});
