/** One field a 400 names, with everything wrong with it. */
export interface InvalidField {
  /** Dotted path of the field in the request, e.g. `founders.0.email`. */
  field: string;
  problems: string[];
}
