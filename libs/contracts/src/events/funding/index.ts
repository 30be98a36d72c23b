export * from './funding-terms';
export * from './funder-events.v1';
export * from './funding-window-events.v1';
export * from './match-qualified.v1';
export * from './introduction-events.v1';
export * from './funding-raised.v1';
