import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { KpiVersion } from './kpi-version.schema';

const ID = 'kpis';

@Injectable()
export class KpiVersionRepository {
  constructor(@InjectModel(KpiVersion.name) private readonly versions: Model<KpiVersion>) {}

  /** Records that the KPIs changed. */
  async bump(): Promise<void> {
    await this.versions.updateOne({ _id: ID }, { $inc: { sequence: 1 } }, { upsert: true });
  }

  async current(): Promise<number> {
    return (await this.versions.findById(ID).lean<KpiVersion>())?.sequence ?? 0;
  }
}
