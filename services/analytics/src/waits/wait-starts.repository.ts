import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { WaitStart } from './wait-start.schema';

/** What a wait is for: an application's decision, or a waitlisted residency's allocation. */
export type Wait = { readonly site: string } & ({ readonly applicationId: string } | { readonly residencyId: string });

function idOf(wait: Wait): string {
  return 'applicationId' in wait ? `${wait.site}|${wait.applicationId}` : `${wait.site}|waitlist|${wait.residencyId}`;
}

/** The start of each wait, so that its end can be timed (both arrive on the same key, so in order). */
@Injectable()
export class WaitStartsRepository {
  constructor(@InjectModel(WaitStart.name) private readonly starts: Model<WaitStart>) {}

  /** Records (again, harmlessly) when a wait began. */
  async begin(wait: Wait, at: string): Promise<void> {
    await this.starts.updateOne({ _id: idOf(wait) }, { $set: { submittedAt: at } }, { upsert: true });
  }

  /** When the wait began, if it was seen. */
  async startOf(wait: Wait): Promise<string | undefined> {
    return (await this.starts.findById(idOf(wait)).lean<WaitStart>())?.submittedAt;
  }
}
