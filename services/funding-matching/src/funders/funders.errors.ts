import { ConflictError, NotFoundError, UnprocessableError } from '@technopark/platform';

export const funderNotFound = (id: string) => new NotFoundError('FUNDER.NOT_FOUND', `no funder '${id}' on this site`);

export const funderExists = (id: string) =>
  new ConflictError('FUNDER.EXISTS', `funder '${id}' is already registered on this site`);

export const funderChanged = (id: string) =>
  new ConflictError('FUNDER.CHANGED', `funder '${id}' was changed by someone else meanwhile; read it again and retry`);

export const ticketRangeInverted = (min: number, max: number) =>
  new UnprocessableError('FUNDER.TICKET_RANGE_INVERTED', `ticketMinMad ${min} is above ticketMaxMad ${max}`, {
    field: 'ticketMinMad',
  });

export const siteNotCovered = (site: string) =>
  new UnprocessableError('FUNDER.SITE_NOT_COVERED', `a funder kept on ${site} must list ${site} in its sites`, {
    field: 'sites',
  });

export const windowInverted = (windowId: string) =>
  new UnprocessableError('FUNDER.WINDOW_INVERTED', `window '${windowId}' closes before it opens`, {
    field: 'windows',
  });

export const windowsOverlap = (first: string, second: string) =>
  new UnprocessableError('FUNDER.WINDOWS_OVERLAP', `windows '${first}' and '${second}' overlap`, { field: 'windows' });
