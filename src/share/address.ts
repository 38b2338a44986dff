/**
 * What the page reads of an address before any link code is loaded: whether it holds a link,
 * and the scenario it names. Pure.
 */

/** Returns whether an address hash holds a link (anything after `#`). Pure. */
export function hasLink(hash: string): boolean {
  return hash !== '' && hash !== '#';
}

/**
 * Returns the scenario id a link (or address hash) names in its `s=` field, without checking
 * the rest: the page loads that scenario's model before it decodes the link. Pure.
 */
export function scenarioIdOfLink(text: string): string | null {
  return /(?:^#?|&)s=([^&]*)/.exec(text)?.[1] || null;
}
