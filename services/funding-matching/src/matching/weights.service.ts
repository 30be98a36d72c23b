import { Injectable } from '@nestjs/common';
import type { FundingActorV1 } from '@technopark/contracts';
import { UnprocessableError } from '@technopark/platform';
import { DEFAULT_WEIGHTS } from './domain/default-weights';
import type { SetWeightsDto } from './dto/weights.dto';
import { MatchRecomputer } from './match-recomputer';
import { MatchingQueue } from './matching-queue';
import { matchChanged } from './matches.errors';
import { WeightsRepository } from './weights.repository';
import { defaultsView, type WeightsView, weightsVersionView } from './weights.view';

/** A site's weights: each change is a new version, and every match is computed again with it in the background. */
@Injectable()
export class WeightsService {
  constructor(
    private readonly weights: WeightsRepository,
    private readonly recomputer: MatchRecomputer,
    private readonly queue: MatchingQueue,
  ) {}

  async view(): Promise<WeightsView> {
    const history = (await this.weights.history()).map(weightsVersionView);
    return { current: history[0] ?? defaultsView(DEFAULT_WEIGHTS), history };
  }

  async set(body: SetWeightsDto, actor: FundingActorV1): Promise<WeightsView> {
    const sum = Object.values(body.weights).reduce((total, weight) => total + weight, 0);
    if (sum !== 100)
      throw new UnprocessableError('WEIGHTS.SUM_NOT_100', `the weights sum to ${sum}; they must sum to 100`, {
        field: 'weights',
        sum,
      });
    const previous = (await this.weights.current()).version;
    const added = await this.weights.add(previous, {
      threshold: body.threshold,
      weights: { ...body.weights },
      note: body.note,
      setBy: actor,
    });
    if (!added) throw matchChanged('weights');
    this.recomputeEverything();
    return this.view();
  }

  /** New weights whose matches a crash or a shutdown left half-computed. */
  async requeueStale(): Promise<boolean> {
    if ((await this.weights.staleVersion()) === undefined) return false;
    this.recomputeEverything();
    return true;
  }

  /** Every match of the site computed again in the background. */
  recomputeEverything(): void {
    this.queue.enqueue('weights', () => this.recomputer.everything());
  }
}
