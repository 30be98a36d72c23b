import { describeServiceBoot } from '@technopark/platform/testing';
import { AppModule } from '../src/app.module';
import { ANALYTICS_SERVICE } from '../src/analytics.service-descriptor';

describeServiceBoot(ANALYTICS_SERVICE, AppModule);
