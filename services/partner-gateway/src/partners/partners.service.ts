import { Injectable } from '@nestjs/common';
import type { ActorV1 } from '@technopark/contracts';
import type { Page, PageQuery } from '@technopark/platform';
import type { CreatePartnerDto } from './dto/partner.dto';
import { partnerExists, partnerNotFound } from './partners.errors';
import { PartnersRepository } from './partners.repository';
import type { Partner } from './schemas/partner.schema';

@Injectable()
export class PartnersService {
  constructor(private readonly partners: PartnersRepository) {}

  async register(body: CreatePartnerDto, actor: ActorV1): Promise<Partner> {
    const { partnerId, ...fields } = body;
    if (!(await this.partners.insert({ _id: partnerId, ...fields, createdBy: actor }))) throw partnerExists(partnerId);
    return this.get(partnerId);
  }

  async get(partnerId: string): Promise<Partner> {
    const partner = await this.partners.findById(partnerId);
    if (!partner) throw partnerNotFound(partnerId);
    return partner;
  }

  list(query: PageQuery): Promise<Page<Partner>> {
    return this.partners.list({ limit: query.limit, cursor: query.cursor, sortField: '_id', direction: 1 });
  }
}
