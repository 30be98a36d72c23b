import { Module } from '@nestjs/common';
import { DashboardController } from './dashboard.controller';

/** The dashboard page and its script. */
@Module({ controllers: [DashboardController] })
export class DashboardModule {}
