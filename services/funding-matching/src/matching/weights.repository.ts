import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isDuplicateKeyError } from '@technopark/persistence';
import type { Model } from 'mongoose';
import { DEFAULT_WEIGHTS } from './domain/default-weights';
import type { MatchWeights } from './domain/match-inputs';
import { MatchWeightsVersion } from './schemas/match-weights.schema';

/** The only place that touches the site's weight versions. */
@Injectable()
export class WeightsRepository {
  constructor(@InjectModel(MatchWeightsVersion.name) private readonly versions: Model<MatchWeightsVersion>) {}

  /** The version in force: the highest, or the defaults (version 1) until staff set their own. */
  async current(): Promise<MatchWeights> {
    const latest = await this.versions.findOne({}).sort({ _id: -1 }).lean<MatchWeightsVersion>();
    return latest ? weightsOf(latest) : DEFAULT_WEIGHTS;
  }

  async history(): Promise<MatchWeightsVersion[]> {
    return this.versions.find({}).sort({ _id: -1 }).limit(100).lean<MatchWeightsVersion[]>();
  }

  /** Adds the next version; false when another was added since `previous` was read (the caller reads again). */
  async add(
    previous: number,
    version: Omit<MatchWeightsVersion, '_id' | 'createdAt' | 'matchesStale'>,
  ): Promise<MatchWeightsVersion | null> {
    try {
      return (await this.versions.create({ _id: previous + 1, ...version, matchesStale: true })).toObject();
    } catch (error) {
      if (isDuplicateKeyError(error)) return null;
      throw error;
    }
  }

  async markMatched(version: number): Promise<void> {
    await this.versions.updateOne({ _id: version }, { $set: { matchesStale: false } });
  }

  /** The version in force when its matches were not all computed (a crash during the recomputation). */
  async staleVersion(): Promise<number | undefined> {
    const latest = await this.versions.findOne({}).sort({ _id: -1 }).lean<MatchWeightsVersion>();
    return latest?.matchesStale ? latest._id : undefined;
  }
}

function weightsOf(version: MatchWeightsVersion): MatchWeights {
  return { version: version._id, threshold: version.threshold, weights: version.weights };
}
