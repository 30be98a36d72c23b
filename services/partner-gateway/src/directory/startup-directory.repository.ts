import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isDuplicateKeyError } from '@technopark/persistence';
import type { Model } from 'mongoose';
import { StartupEntry } from './schemas/startup-entry.schema';

/** The only place that touches the startup directory. */
@Injectable()
export class StartupDirectoryRepository {
  constructor(@InjectModel(StartupEntry.name) private readonly entries: Model<StartupEntry>) {}

  /**
   * Keeps `entry` unless the directory holds a newer profile of the startup: profiles replace each
   * other whole, so the latest by event time wins whatever order they arrive in.
   */
  async keepLatest(entry: Omit<StartupEntry, 'createdAt' | 'updatedAt'>): Promise<void> {
    try {
      await this.entries.updateOne(
        { _id: entry._id, profileAt: { $lt: entry.profileAt } },
        { $set: entry },
        { upsert: true },
      );
    } catch (error) {
      // The entry exists with a profile as new or newer: the upsert collided with it.
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  findById(startupId: string): Promise<StartupEntry | null> {
    return this.entries.findById(startupId).lean<StartupEntry>();
  }
}
