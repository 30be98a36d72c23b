import {
  DealStageChanged,
  type DealStage,
  type DeclineReason,
  type FundingActorV1,
  IntroductionAccepted,
  IntroductionDeclined,
  IntroductionRequested,
} from '@technopark/contracts';
import { newEvent, type NewEvent } from '@technopark/messaging';
import type { IntroductionAction, IntroductionStatus } from './domain/introduction-lifecycle';
import type { Introduction } from './schemas/introduction.schema';

const referenceOf = (introduction: Introduction, actor: FundingActorV1) => ({
  introductionId: introduction._id,
  startupId: introduction.startupId,
  funderId: introduction.funderId,
  actor,
});

export const requested = (introduction: Introduction, actor: FundingActorV1) =>
  newEvent(IntroductionRequested, referenceOf(introduction, actor));

/** The event a move publishes: requested (on consent), accepted, declined, or a new deal stage. */
export function eventOf(
  action: IntroductionAction,
  introduction: Introduction,
  to: IntroductionStatus,
  actor: FundingActorV1,
  reason?: DeclineReason,
): NewEvent[] {
  if (action === 'consent') return [requested(introduction, actor)];
  if (action === 'accept') return [newEvent(IntroductionAccepted, referenceOf(introduction, actor))];
  if (action === 'decline')
    return [newEvent(IntroductionDeclined, { ...referenceOf(introduction, actor), reason: reason ?? 'other' })];
  const from = introduction.status as 'accepted' | DealStage;
  return [
    newEvent(DealStageChanged, {
      ...referenceOf(introduction, actor),
      from,
      stage: to as DealStage,
      ...(action === 'close' && reason && { closedReason: reason }),
    }),
  ];
}
