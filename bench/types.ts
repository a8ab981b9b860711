// What every benchmark file returns: rows for the table `npm run bench` prints.

export interface BenchRow {
  /** What was measured, e.g. "paging overhead: list_orchestrations vs bare undici". */
  name: string;
  /** The figure, e.g. "1.07x (812 ms vs 759 ms)". */
  measured: string;
  /** The goal, e.g. "<= 1.15x". */
  goal: string;
  ok: boolean;
}

export type Bench = () => Promise<BenchRow[]>;
