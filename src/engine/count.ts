/**
 * Exact counts of interleavings: plain numbers while they are safe integers, BigInt past 2^53,
 * so a count is never rounded. Pure.
 */

/** A non-negative integer count: a number while safe, a bigint beyond. */
export type Count = number | bigint;

/** Returns a + b exactly. Pure. */
export function addCount(a: Count, b: Count): Count {
  if (typeof a === 'number' && typeof b === 'number') {
    const sum = a + b;
    return sum <= Number.MAX_SAFE_INTEGER ? sum : BigInt(a) + BigInt(b);
  }
  return BigInt(a) + BigInt(b);
}

/** Returns the exact decimal text of a count. Pure. */
export function countText(count: Count): string {
  return count.toString();
}

/** Returns the count as a number (exact while it is a safe integer, nearest double beyond). */
export function countNumber(count: Count): number {
  return Number(count);
}
