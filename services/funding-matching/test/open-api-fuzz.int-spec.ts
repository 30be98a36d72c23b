import { describeOpenApiFuzz } from '@technopark/platform/testing';
import { AppModule } from '../src/app.module';
import { FUNDING_MATCHING_SERVICE } from '../src/funding-matching.service-descriptor';

describeOpenApiFuzz(FUNDING_MATCHING_SERVICE, AppModule);
