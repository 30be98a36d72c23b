import type { Role } from './roles';

/** Who may take each action of a resource's lifecycle: the routes' `@Roles` and the views read the same map. */
export type ActionRoles<A extends string> = Readonly<Record<A, readonly [Role, ...Role[]]>>;

/**
 * The actions that are both legal now (from the lifecycle) and permitted to this role: what a
 * view lists in `allowedActions`, so a startup is never shown a staff-only move.
 */
export function actionsPermitted<A extends string>(
  legal: readonly A[],
  roles: ActionRoles<A>,
  actingAs: Role | 'system',
): A[] {
  return legal.filter((action) => (roles[action] as readonly string[]).includes(actingAs));
}
