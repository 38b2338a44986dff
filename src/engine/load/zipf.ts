/**
 * Key popularity with a Zipf skew: key i (0-based) is drawn with weight 1/(i+1)^s. Precomputes
 * the cumulative weights once; each draw is a binary search. Pure given the uniform draw.
 */

export interface Zipf {
  readonly n: number;
  /** Returns the key index for a uniform draw in [0, 1). Pure. */
  index(uniform: number): number;
  /** The probability of key `i`. */
  share(i: number): number;
}

/** Returns a Zipf sampler over `n` keys with exponent `s` (0 = uniform). Pure. */
export function zipf(n: number, s: number): Zipf {
  const cdf = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += 1 / Math.pow(i + 1, s);
    cdf[i] = total;
  }
  for (let i = 0; i < n; i++) cdf[i] = (cdf[i] as number) / total;
  return {
    n,
    index(uniform) {
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((cdf[mid] as number) > uniform) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    },
    share: (i) => (cdf[i] as number) - (i > 0 ? (cdf[i - 1] as number) : 0),
  };
}
