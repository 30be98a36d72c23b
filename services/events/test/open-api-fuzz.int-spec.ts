import { describeOpenApiFuzz } from '@technopark/platform/testing';
import { AppModule } from '../src/app.module';
import { EVENTS_SERVICE } from '../src/events.service-descriptor';
import { EVENTS_TEST_ENVIRONMENT } from './support/events-environment';

describeOpenApiFuzz(EVENTS_SERVICE, AppModule, { environment: EVENTS_TEST_ENVIRONMENT });
