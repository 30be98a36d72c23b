import { ConflictError, NotFoundError, UnprocessableError } from '@technopark/platform';
import { AccessDenied } from '@technopark/security';

export const notJudged = (kind: string) =>
  new UnprocessableError(
    'COMPETITION.NOT_JUDGED',
    `this event is a ${kind}: only competitions and hackathons are judged`,
  );

export const competitionNotSetUp = (eventId: string) =>
  new NotFoundError('COMPETITION.NOT_SET_UP', `event '${eventId}' has no jury and rubric yet`);

export const competitionChanged = () =>
  new ConflictError(
    'COMPETITION.CHANGED',
    'the competition was changed by someone else meanwhile; read it again and retry',
  );

export const resultsPublished = () =>
  new ConflictError('COMPETITION.RESULTS_PUBLISHED', 'the results are published: the competition is closed');

export const resultsNotPublished = (eventId: string) =>
  new NotFoundError('COMPETITION.RESULTS_NOT_PUBLISHED', `event '${eventId}' has no published results`);

export const eventCalledOff = (status: string) =>
  new ConflictError('COMPETITION.EVENT_NOT_OPEN', `the event is ${status}: its competition takes no such change`);

export const scoringStarted = () =>
  new ConflictError('COMPETITION.SCORING_STARTED', 'jurors have scored by this rubric: it can no longer change', {
    field: 'rubric',
  });

export const duplicateCriterion = (criteria: string[]) =>
  new UnprocessableError('COMPETITION.DUPLICATE_CRITERION', 'each criterion appears once in the rubric', {
    field: 'rubric',
    criteria,
  });

export const duplicatePrizeRank = (ranks: number[]) =>
  new UnprocessableError('COMPETITION.DUPLICATE_PRIZE_RANK', 'each rank has one prize', { field: 'prizes', ranks });

export const notHeldYet = (startsAt: Date) =>
  new UnprocessableError(
    'COMPETITION.NOT_HELD_YET',
    `the event starts at ${startsAt.toISOString()}: no results before`,
  );

export const scoringIncomplete = (missing: { teamId: string; jurorIds: readonly string[] }[]) =>
  new UnprocessableError('COMPETITION.SCORING_INCOMPLETE', 'every juror must score every team first', { missing });

export const noTeams = () => new UnprocessableError('COMPETITION.NO_TEAMS', 'no team entered the competition');

export const tieForPrize = (ties: string[][]) =>
  new UnprocessableError(
    'COMPETITION.TIE_FOR_PRIZE',
    'teams tie for a prized place: give the jury’s order of each tie in tieOrder',
    { field: 'tieOrder', ties },
  );

export const notAJuror = () =>
  new AccessDenied('AUTH.NOT_A_JUROR', 'the token’s subject is not on this competition’s jury');

export const teamNotFound = (teamId: string) =>
  new NotFoundError('TEAM.NOT_FOUND', `no team '${teamId}' in this competition`);

export const teamExists = (what: string) => new ConflictError('TEAM.EXISTS', `${what} already entered a team`);

export const memberTaken = (personIds: string[]) =>
  new ConflictError('TEAM.MEMBER_TAKEN', 'a person is in one team per competition', { personIds });

export const startupOrMembers = () =>
  new UnprocessableError(
    'TEAM.STARTUP_OR_MEMBERS',
    'a team is a startup (startupId) or a group of people (memberIds)',
    {
      field: 'startupId',
    },
  );

export const notRegistered = (who: string[]) =>
  new UnprocessableError('TEAM.NOT_REGISTERED', 'every team and member holds a confirmed place at the event', {
    registrants: who,
  });

export const notInOwnTeam = () =>
  new UnprocessableError('TEAM.WITHOUT_YOU', 'a person enters a group they are part of', { field: 'memberIds' });
