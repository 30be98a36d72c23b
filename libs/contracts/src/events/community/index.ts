export * from './community-terms';
export * from './event-lifecycle.v1';
export * from './registration-events.v1';
export * from './investor-interest.v1';
export * from './competition-results.v1';
