import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { EventOutbox, type NewEvent } from '@technopark/messaging';
import { isDuplicateKeyError, versionedWrite } from '@technopark/persistence';
import type { Model, UpdateQuery } from 'mongoose';
import { PartnerConsent } from './schemas/partner-consent.schema';

export const consentIdOf = (startupId: string, partnerId: string) => `${startupId}:${partnerId}`;

/** The only place that touches the partner consents. */
@Injectable()
export class ConsentsRepository {
  constructor(
    @InjectModel(PartnerConsent.name) private readonly consents: Model<PartnerConsent>,
    private readonly outbox: EventOutbox,
  ) {}

  find(startupId: string, partnerId: string): Promise<PartnerConsent | null> {
    return this.consents.findById(consentIdOf(startupId, partnerId)).lean<PartnerConsent>();
  }

  ofStartup(startupId: string): Promise<PartnerConsent[]> {
    return this.consents.find({ startupId }).sort({ partnerId: 1 }).lean<PartnerConsent[]>();
  }

  /** The first decision for a partner; null when another one was written first. */
  async create(
    consent: Omit<PartnerConsent, 'createdAt' | 'updatedAt'>,
    events: NewEvent[],
  ): Promise<PartnerConsent | null> {
    try {
      return await this.outbox.insert(this.consents, consent, events);
    } catch (error) {
      if (isDuplicateKeyError(error)) return null;
      throw error;
    }
  }

  /** A later decision, on the consent as it was read; null when someone changed it first. */
  change(
    read: Pick<PartnerConsent, '_id' | 'version'>,
    update: UpdateQuery<PartnerConsent>,
    events: NewEvent[],
  ): Promise<PartnerConsent | null> {
    const write = versionedWrite(read, update);
    return this.outbox.update(this.consents, write.filter, write.update, events);
  }
}
