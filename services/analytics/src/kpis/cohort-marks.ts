/** The marks MITC reports on: success 18 months after the start, survival 5 years after. */
export const COHORT_MARKS = { success: 18, survival: 60 } as const;
