import type { ActorV1, ResidencyReferenceV1 } from '@technopark/contracts';
import type { Residency } from './schemas/residency.schema';

/** What every residency event says about the residency and who acted. */
export function referenceOf(residency: Residency, actor: ActorV1): ResidencyReferenceV1 {
  return {
    residencyId: residency._id,
    startupId: residency.startupId,
    programId: residency.programId,
    programKind: residency.programKind,
    actor,
  };
}

/** The history entry of a change, pushed in the same write as the change. */
export function historyEntry(
  action: Residency['history'][number]['action'],
  status: Residency['status'],
  actor: ActorV1,
  at: Date,
  note?: string,
) {
  return { $push: { history: { action, status, at, actor, ...(note ? { note } : {}) } } };
}
