import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Replay } from './schemas/replay.schema';

/** The only place that touches the replays collection. */
@Injectable()
export class ReplaysRepository {
  constructor(@InjectModel(Replay.name) private readonly replays: Model<Replay>) {}

  async insert(replay: Omit<Replay, 'createdAt' | 'updatedAt'>): Promise<Replay> {
    return (await this.replays.create(replay)).toObject();
  }

  find(partnerId: string, subscriptionId: string, replayId: string): Promise<Replay | null> {
    return this.replays.findOne({ _id: replayId, partnerId, subscriptionId }).lean<Replay>();
  }

  running(): Promise<Replay[]> {
    return this.replays.find({ state: 'running' }).sort({ createdAt: 1 }).lean<Replay[]>();
  }

  /** Progress after a batch: the next read starts after `position`. */
  async progressed(replayId: string, progress: Pick<Replay, 'position' | 'scanned' | 'queued'>): Promise<void> {
    await this.replays.updateOne({ _id: replayId }, { $set: progress });
  }

  async finished(replayId: string, at: Date, reason?: string): Promise<void> {
    await this.replays.updateOne(
      { _id: replayId },
      { $set: { state: reason === undefined ? 'done' : 'failed', finishedAt: at, ...(reason && { reason }) } },
    );
  }
}
