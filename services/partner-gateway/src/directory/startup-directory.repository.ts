import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isDuplicateKeyError } from '@technopark/persistence';
import type { Model } from 'mongoose';
import { StartupEntry } from './schemas/startup-entry.schema';

/** Entries kept in memory at most; the oldest read is forgotten first. */
const CAPACITY = 50_000;

/**
 * The only place that touches the startup directory. Routing reads an entry for every item: entries
 * are kept in memory, written through (this process is the directory's only writer).
 */
@Injectable()
export class StartupDirectoryRepository {
  private readonly known = new Map<string, StartupEntry | null>();

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
    const known = this.known.get(entry._id);
    if (known && known.profileAt >= entry.profileAt) return;
    this.known.delete(entry._id);
    if (known) this.known.set(entry._id, { ...known, ...entry });
  }

  async findById(startupId: string): Promise<StartupEntry | null> {
    if (this.known.has(startupId)) return this.known.get(startupId) as StartupEntry | null;
    const entry = await this.entries.findById(startupId).lean<StartupEntry>();
    if (this.known.size >= CAPACITY) this.known.delete(this.known.keys().next().value as string);
    // An unknown startup is not remembered: its registration may be on its way.
    if (entry) this.known.set(startupId, entry);
    return entry;
  }
}
