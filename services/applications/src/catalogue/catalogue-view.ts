import { allowlistView } from '@technopark/platform';
import { AUDIT_FIELDS } from '../common/views';
import type { Call } from './schemas/call.schema';
import type { Program } from './schemas/program.schema';

export const programView = allowlistView<Program, keyof Program & string>([
  'name',
  'kind',
  'description',
  'targetSectors',
  'durationMonths',
  'includesWorkspace',
  'partnerId',
  'rubric',
  ...AUDIT_FIELDS,
]);

export const callView = allowlistView<Call, keyof Call & string>([
  'programId',
  'title',
  'opensAt',
  'closesAt',
  'cohortCapacity',
  ...AUDIT_FIELDS,
]);
