import { describeServiceBoot } from '@technopark/platform/testing';
import { AppModule } from '../src/app.module';
import { APPLICATIONS_SERVICE } from '../src/applications.service-descriptor';

describeServiceBoot(APPLICATIONS_SERVICE, AppModule);
