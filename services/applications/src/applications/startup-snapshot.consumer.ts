import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { StartupProfileUpdated, type StartupProfileUpdatedV1 } from '@technopark/contracts';
import { HandleEvent, type ReceivedEvent } from '@technopark/messaging';
import { ApplicationsRepository } from './applications.repository';

/**
 * Keeps the startup copy in applications current from the service's own profile events.
 * Setting the whole snapshot is idempotent, so a redelivered event is harmless.
 */
@Controller()
export class StartupSnapshotConsumer {
  constructor(private readonly repository: ApplicationsRepository) {}

  @HandleEvent(StartupProfileUpdated)
  async onProfileUpdated(@Payload() { data }: ReceivedEvent<StartupProfileUpdatedV1>): Promise<void> {
    await this.repository.refreshStartup(data.startupId, {
      name: data.name,
      nameKey: data.name.toLowerCase(),
      sectors: data.sectors,
      stage: data.stage,
    });
  }
}
