import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { insertOnce } from '@technopark/messaging';
import { findPage, type Page, type PageRequest } from '@technopark/platform';
import type { Model } from 'mongoose';
import { Partner } from './schemas/partner.schema';

/** The only place that touches the partners collection. */
@Injectable()
export class PartnersRepository {
  constructor(@InjectModel(Partner.name) private readonly partners: Model<Partner>) {}

  /** False when a partner with this id exists already. */
  async insert(partner: Omit<Partner, 'createdAt' | 'updatedAt' | 'version'>): Promise<boolean> {
    return (await insertOnce(this.partners, { ...partner, version: 0 })) === 'applied';
  }

  findById(id: string): Promise<Partner | null> {
    return this.partners.findById(id).lean<Partner>();
  }

  findByIds(ids: readonly string[]): Promise<Partner[]> {
    return this.partners.find({ _id: { $in: ids } }).lean<Partner[]>();
  }

  list(page: PageRequest): Promise<Page<Partner>> {
    return findPage(this.partners, {}, page);
  }
}
