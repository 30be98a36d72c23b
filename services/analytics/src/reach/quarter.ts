/** A calendar quarter, `YYYY-Qn`. */
export type Quarter = `${number}-Q${1 | 2 | 3 | 4}`;

/** The quarter of an ISO date or month (`2027-02-14…` or `2027-02`). */
export function quarterOf(dateOrMonth: string): Quarter {
  const month = Number(dateOrMonth.slice(5, 7));
  return `${dateOrMonth.slice(0, 4)}-Q${Math.ceil(month / 3)}` as Quarter;
}

/** The quarter's first and last days, `YYYY-MM-DD`. */
export function quarterDays(quarter: Quarter): { first: string; last: string } {
  const year = Number(quarter.slice(0, 4));
  const index = Number(quarter.slice(6));
  const firstMonth = (index - 1) * 3 + 1;
  const lastDay = new Date(Date.UTC(year, firstMonth + 2, 0)).getUTCDate();
  const month = (number: number) => String(number).padStart(2, '0');
  return { first: `${year}-${month(firstMonth)}-01`, last: `${year}-${month(firstMonth + 2)}-${lastDay}` };
}

/** The quarters from the one of `first` to the one of `last` (ISO dates or months), in order. */
export function quartersBetween(first: string, last: string): Quarter[] {
  const quarters: Quarter[] = [];
  const end = quarterOf(last);
  let year = Number(first.slice(0, 4));
  let index = Number(quarterOf(first).slice(6));
  for (let quarter = quarterOf(first); quarter <= end; quarter = `${year}-Q${index}` as Quarter) {
    quarters.push(quarter);
    index = index === 4 ? 1 : index + 1;
    if (index === 1) year += 1;
  }
  return quarters;
}
