import { describeOpenApiFuzz } from '@technopark/platform/testing';
import { AppModule } from '../src/app.module';
import { ANALYTICS_SERVICE } from '../src/analytics.service-descriptor';

// Server-Sent Events never end, so a fuzzer cannot check their answers: the two stream routes are left out.
describeOpenApiFuzz(ANALYTICS_SERVICE, AppModule, { excludePathRegex: '/stream$' });
