/** Integer ranges for sweep axes. Pure. */

/** Returns the integers from `from` to `to`, both included. Pure. */
export function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}
