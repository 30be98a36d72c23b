import { DomainError, NotFoundError } from '@technopark/platform';

export const programNotFound = (id: string) =>
  new NotFoundError('CATALOGUE.PROGRAM_NOT_FOUND', `no program '${id}' on this site`);
export const callNotFound = (id: string) =>
  new NotFoundError('CATALOGUE.CALL_NOT_FOUND', `no call '${id}' on this site`);
export const invalidWindow = () =>
  new DomainError('CATALOGUE.INVALID_WINDOW', 'closesAt must be later than opensAt', 400, {
    fields: [{ field: 'closesAt', problems: ['closesAt must be later than opensAt'] }],
  });
