import { UnprocessableError } from '../http/domain-error';

export interface WeightedCriterion {
  readonly criterion: string;
  /** Percent of the total; a rubric's weights add up to 100. */
  readonly weight: number;
}

/** Marks are given out of 10 per criterion. */
export const MAX_MARK = 10;

/**
 * One scorer's score out of 100 (a committee member's for an application, a juror's for a team):
 * each criterion's mark weighted by the rubric. Every criterion must be marked, and nothing else;
 * `errorCode` names the refusal in the caller's own terms (`APPLICATION.MARKS_DO_NOT_FIT_RUBRIC`).
 */
export function rubricScore(
  rubric: readonly WeightedCriterion[],
  marks: Readonly<Record<string, number>>,
  errorCode: string,
): number {
  const expected = rubric.map(({ criterion }) => criterion);
  const missing = expected.filter((criterion) => marks[criterion] === undefined);
  const unknown = Object.keys(marks).filter((criterion) => !expected.includes(criterion));
  if (missing.length > 0 || unknown.length > 0) {
    throw new UnprocessableError(errorCode, 'marks must cover exactly the rubric', {
      rubric: expected,
      missing,
      unknown,
    });
  }
  const total = rubric.reduce(
    (sum, { criterion, weight }) => sum + (weight * (marks[criterion] as number)) / MAX_MARK,
    0,
  );
  return Math.round(total * 100) / 100;
}

export function averageOf(scores: readonly number[]): number {
  if (scores.length === 0) return 0;
  return Math.round((scores.reduce((sum, score) => sum + score, 0) / scores.length) * 100) / 100;
}
