import { randomUUID } from 'node:crypto';
import {
  ApplicationAccepted,
  ApplicationSubmitted,
  ResidencyStarted,
  ResidentReportSubmitted,
  StartupRegistered,
} from '@technopark/contracts';

/** Payloads as the sites' services publish them, from each contract's own example. */
export const siteEvents = {
  registered: (startupId: string, partnerSharingConsent: boolean) => ({
    ...StartupRegistered.example,
    startupId,
    partnerSharingConsent,
  }),
  submitted: (startupId: string, programId: string) => ({
    ...ApplicationSubmitted.example,
    applicationId: randomUUID(),
    startupId,
    programId,
  }),
  accepted: (startupId: string, programId: string, partnerId?: string) => ({
    ...ApplicationAccepted.example,
    applicationId: randomUUID(),
    startupId,
    programId,
    ...(partnerId ? { partnerId } : { partnerId: undefined }),
  }),
  residencyStarted: (startupId: string) => ({ ...ResidencyStarted.example, residencyId: randomUUID(), startupId }),
  report: (startupId: string) => ({ ...ResidentReportSubmitted.example, residencyId: randomUUID(), startupId }),
};
