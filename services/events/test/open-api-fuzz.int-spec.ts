import { describeOpenApiFuzz } from '@technopark/platform/testing';
import { AppModule } from '../src/app.module';
import { EVENTS_SERVICE } from '../src/events.service-descriptor';

describeOpenApiFuzz(EVENTS_SERVICE, AppModule);
