import { describeServiceBoot } from '@technopark/platform/testing';
import { AppModule } from '../src/app.module';
import { FUNDING_MATCHING_SERVICE } from '../src/funding-matching.service-descriptor';

describeServiceBoot(FUNDING_MATCHING_SERVICE, AppModule);
