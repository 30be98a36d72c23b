import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import { TopicProvisioner } from '@technopark/messaging';

/** Makes a partner's topic when its Kafka subscription is created, so its client can subscribe at once. */
@Injectable()
export class PartnerTopics {
  constructor(private readonly topics: TopicProvisioner) {}

  async ensure(topic: string): Promise<void> {
    try {
      await this.topics.ensure([topic]);
    } catch (error) {
      throw new ServiceUnavailableException(
        `the partner topic ${topic} could not be made (${(error as Error).message}); nothing was created, try again`,
      );
    }
  }
}
