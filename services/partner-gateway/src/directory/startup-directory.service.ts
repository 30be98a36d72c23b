import { Injectable } from '@nestjs/common';
import type { StartupRegisteredV1 } from '@technopark/contracts';
import type { ReceivedEvent } from '@technopark/messaging';
import { StartupDirectoryRepository } from './startup-directory.repository';

/** Keeps the directory from the sites' profile events, the former partner-sharing flag included. */
@Injectable()
export class StartupDirectoryService {
  constructor(private readonly directory: StartupDirectoryRepository) {}

  async record(event: ReceivedEvent<StartupRegisteredV1>): Promise<void> {
    const { startupId, name, sectors, stage, partnerSharingConsent, actor } = event.data;
    const at = new Date(event.time);
    await this.directory.keepLatest({
      _id: startupId,
      site: event.site,
      name,
      sectors,
      stage,
      sharingFlag: { shared: partnerSharingConsent, by: actor, at },
      profileAt: at,
    });
  }
}
