import type { PartnerScope } from '@technopark/contracts';
import type { SharingFlag } from '../directory/schemas/startup-entry.schema';

/**
 * The scopes a partner holds for a startup: its own decision for that partner once it made one;
 * before that, the former partner-sharing flag, which meant "my profile, to every partner".
 */
export function scopesHeld(
  decided: { readonly scopes: readonly PartnerScope[] } | null | undefined,
  flag: Pick<SharingFlag, 'shared'> | undefined,
): PartnerScope[] {
  if (decided) return [...decided.scopes];
  return flag?.shared ? ['profile'] : [];
}

/** The scopes after a grant or a revocation: held ones keep their order, granted ones follow. */
export function scopesAfter(
  held: readonly PartnerScope[],
  change: 'granted' | 'revoked',
  scopes: readonly PartnerScope[],
): PartnerScope[] {
  if (change === 'granted') return [...held, ...scopes.filter((scope) => !held.includes(scope))];
  return held.filter((scope) => !scopes.includes(scope));
}

/** The scopes a change really moves: granting what is held, or revoking what is not, changes nothing. */
export function scopesChanged(
  held: readonly PartnerScope[],
  change: 'granted' | 'revoked',
  scopes: readonly PartnerScope[],
): PartnerScope[] {
  return scopes.filter((scope) => (change === 'granted' ? !held.includes(scope) : held.includes(scope)));
}
