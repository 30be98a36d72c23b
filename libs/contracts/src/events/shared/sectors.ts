/** Sectors the network's programs target (DOMAIN: sector programs of the 2022–2027 strategy). */
export const SECTORS = [
  'ict',
  'greentech',
  'fintech',
  'cybersecurity',
  'ai',
  'agritech',
  'creative-industries',
  'gaming',
  'logistics',
  'industry-4-0',
  'govtech',
  'tourism',
  'healthtech',
  'edtech',
  'mobility',
] as const;
export type Sector = (typeof SECTORS)[number];

export const STAGES = ['idea', 'mvp', 'revenue', 'scale-up'] as const;
export type Stage = (typeof STAGES)[number];

export const LEGAL_FORMS = ['project-holder', 'tpe', 'sme', 'startup-company', 'cooperative'] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];

/** Kinds of program a site runs (DOMAIN: pre-incubation, incubation ~18 months, acceleration, coworking). */
export const PROGRAM_KINDS = ['pre-incubation', 'incubation', 'acceleration', 'coworking'] as const;
export type ProgramKind = (typeof PROGRAM_KINDS)[number];

/** What a site physically offers (DOMAIN: offices, coworking positions, rooms). */
export const SPACE_KINDS = ['office', 'coworking', 'room'] as const;
export type SpaceKind = (typeof SPACE_KINDS)[number];

export const ROOM_TYPES = ['agora', 'training', 'meeting', 'gaming', 'other'] as const;
export type RoomType = (typeof ROOM_TYPES)[number];
