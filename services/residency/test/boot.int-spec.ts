import { describeServiceBoot } from '@technopark/platform/testing';
import { AppModule } from '../src/app.module';
import { RESIDENCY_SERVICE } from '../src/residency.service-descriptor';

describeServiceBoot(RESIDENCY_SERVICE, AppModule);
