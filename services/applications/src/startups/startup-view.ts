import { allowlistView } from '@technopark/platform';
import { AUDIT_FIELDS } from '../common/views';
import type { Startup } from './schemas/startup.schema';

/** What partners see of a startup that shares its profile with them: no founders, no contact. */
const PARTNER_FIELDS = ['name', 'legalForm', 'foundedOn', 'sectors', 'stage', 'teamSize'] as const;
const PROFILE_FIELDS = [...PARTNER_FIELDS, 'description', 'partnerSharingConsent', ...AUDIT_FIELDS] as const;

/** The startup and its staff see the whole profile. */
export const startupView = allowlistView<Startup, keyof Startup & string>([...PROFILE_FIELDS, 'founders']);

/** A list shows no founders' personal data. */
export const listedStartupView = allowlistView<Startup, keyof Startup & string>(PROFILE_FIELDS);

export const partnerStartupView = allowlistView<Startup, keyof Startup & string>(PARTNER_FIELDS);
