import { UnprocessableError } from '../http/domain-error';
import { averageOf, rubricScore } from './rubric-score';

const CODE = 'APPLICATION.MARKS_DO_NOT_FIT_RUBRIC';

const rubric = [
  { criterion: 'team', weight: 30 },
  { criterion: 'market', weight: 25 },
  { criterion: 'innovation', weight: 25 },
  { criterion: 'feasibility', weight: 20 },
];

describe('rubricScore', () => {
  it('weights each mark out of 10 by its criterion, giving a score out of 100', () => {
    expect(rubricScore(rubric, { team: 10, market: 10, innovation: 10, feasibility: 10 }, CODE)).toBe(100);
    expect(rubricScore(rubric, { team: 8, market: 6, innovation: 7, feasibility: 5 }, CODE)).toBe(24 + 15 + 17.5 + 10);
    expect(rubricScore(rubric, { team: 0, market: 0, innovation: 0, feasibility: 0 }, CODE)).toBe(0);
  });

  it('refuses marks that leave a criterion out or add one the rubric does not have, naming them', () => {
    expect(() => rubricScore(rubric, { team: 8, market: 6, innovation: 7 }, CODE)).toThrow(UnprocessableError);
    try {
      rubricScore(rubric, { team: 8, market: 6, innovation: 7, charisma: 9 }, CODE);
    } catch (error) {
      expect((error as UnprocessableError).details).toMatchObject({ missing: ['feasibility'], unknown: ['charisma'] });
    }
    expect.assertions(2);
  });
});

describe('averageOf', () => {
  it('rounds the mean to two decimals, and is 0 without scores', () => {
    expect(averageOf([70, 81.5, 90])).toBe(80.5);
    expect(averageOf([66.67, 70])).toBe(68.34);
    expect(averageOf([])).toBe(0);
  });
});
