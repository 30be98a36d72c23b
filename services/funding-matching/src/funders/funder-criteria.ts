import type { FunderCriteria } from '../matching/domain/match-inputs';
import type { Funder } from './schemas/funder.schema';

/** A stored funder as a match reads it. */
export function criteriaOf(funder: Funder): FunderCriteria {
  return {
    funderId: funder._id,
    sectors: funder.sectors,
    stages: funder.stages,
    ticketMinMad: funder.ticketMinMad,
    ticketMaxMad: funder.ticketMaxMad,
    instruments: funder.instruments,
    sites: funder.sites,
    requirements: funder.requirements,
    windows: funder.windows,
  };
}
