/** One line of the summary: a figure, what it is held against in the same run, and the issue's goal. */
export interface Figure {
  readonly name: string;
  readonly measured: number;
  readonly unit: string;
  /** The ceiling or peer measured in the same run, when the goal is a ratio. */
  readonly against?: { readonly name: string; readonly value: number };
  /** The goal: a ratio to `against`, or a bound on `measured`. */
  readonly goal: { readonly kind: 'ratio at least' | 'at least' | 'at most'; readonly value: number };
}

export function ratioOf(figure: Figure): number | undefined {
  return figure.against ? figure.measured / figure.against.value : undefined;
}

export function isMet(figure: Figure): boolean {
  const { kind, value } = figure.goal;
  if (kind === 'ratio at least') return (ratioOf(figure) ?? 0) >= value;
  return kind === 'at least' ? figure.measured >= value : figure.measured <= value;
}

const round = (value: number) => (value >= 100 ? value.toFixed(0) : value.toPrecision(3));

/** The table, as Markdown, for the terminal and for bench/README.md alike. */
export function tableOf(figures: readonly Figure[]): string {
  const lines = [
    '| figure | measured | ceiling or peer (same run) | ratio | goal | met |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const figure of figures) {
    const ratio = ratioOf(figure);
    const goal =
      figure.goal.kind === 'ratio at least'
        ? `ratio ≥ ${figure.goal.value}`
        : `${figure.goal.kind === 'at least' ? '≥' : '≤'} ${figure.goal.value} ${figure.unit}`;
    lines.push(
      `| ${figure.name} | ${round(figure.measured)} ${figure.unit} | ${
        figure.against ? `${figure.against.name}: ${round(figure.against.value)}` : ''
      } | ${ratio === undefined ? '' : `${ratio.toFixed(2)}×`} | ${goal} | ${isMet(figure) ? 'yes' : '**no**'} |`,
    );
  }
  return lines.join('\n');
}
