import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { insertOnce } from '@technopark/messaging';
import { findPage, type Page, type PageRequest } from '@technopark/platform';
import type { Model } from 'mongoose';
import { Partner } from './schemas/partner.schema';

/**
 * The only place that touches the partners collection. Partners are read for every routed event and
 * change rarely: they are kept in memory once read (this process is their only writer).
 */
@Injectable()
export class PartnersRepository {
  private readonly known = new Map<string, Partner>();

  constructor(@InjectModel(Partner.name) private readonly partners: Model<Partner>) {}

  /** False when a partner with this id exists already. */
  async insert(partner: Omit<Partner, 'createdAt' | 'updatedAt' | 'version'>): Promise<boolean> {
    return (await insertOnce(this.partners, { ...partner, version: 0 })) === 'applied';
  }

  /** Partners as routing needs them, from memory once read. */
  async routing(ids: readonly string[]): Promise<Partner[]> {
    const missing = ids.filter((id) => !this.known.has(id));
    if (missing.length > 0) for (const partner of await this.findByIds(missing)) this.known.set(partner._id, partner);
    return ids.flatMap((id) => this.known.get(id) ?? []);
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
