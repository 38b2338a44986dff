/**
 * The page URLs of the `key-normalisation` load scenario: drawn with noisy query params
 * (utm_* tags, click ids, any order), their normalised cache keys, and a number per distinct
 * URL (or key) computed from the draws themselves, so a repeated URL is known without building
 * or hashing its text. Pure given the generator.
 */
import type { Rng } from '../../engine/rng';

/** Params that change the response; every other param is noise. */
const RESPONSE_PARAMS: readonly string[] = ['lang', 'page'];

/** Whether the param in `text` from `start` to `end` (a `name` or `name=value`) is kept. */
function responseParam(text: string, start: number, end: number): boolean {
  for (const name of RESPONSE_PARAMS) {
    const after = start + name.length;
    if (after > end || !text.startsWith(name, start)) continue;
    // The name runs to the first '=' (the names themselves have none).
    if (after === end || text.charCodeAt(after) === 61) return true;
  }
  return false;
}

/**
 * Returns the cache key of `url`: its path and response-affecting params, sorted. Reads the
 * query (up to a second '?', if any) by index, without splitting it into arrays. Pure.
 */
export function normaliseKey(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const second = url.indexOf('?', q + 1);
  const end = second < 0 ? url.length : second;
  const kept: string[] = [];
  for (let start = q + 1; ;) {
    const amp = url.indexOf('&', start);
    const stop = amp < 0 || amp > end ? end : amp;
    if (responseParam(url, start, stop)) kept.push(url.slice(start, stop));
    if (stop === end) break;
    start = stop + 1;
  }
  if (kept.length === 0) return url.slice(0, q);
  if (kept.length > 1) kept.sort();
  return `${url.slice(0, q)}?${kept.join('&')}`;
}

// The params a URL may carry, in the order they are drawn (before shuffling).
const LANG = 0;
const PAGE = 1;
const SOURCE = 2;
const CAMPAIGN = 3;
const CLICK = 4;

/** The texts of a param drawn from a few values, by value (index 0 unused), built once. */
const texts = (prefix: string, count: number): readonly string[] =>
  Array.from({ length: count + 1 }, (_, i) => `${prefix}${i}`);
const PAGE_TEXT = texts('page=', 3);
const SOURCE_TEXT = texts('utm_source=s', 10);
const CAMPAIGN_TEXT = texts('utm_campaign=c', 30);

/** utm_source × utm_campaign pairs, plus none. */
const TAGS = 10 * 30 + 1;
/** Orders of at most five params (5!). */
const ORDERS = 120;
/** Distinct query shapes without a click id: language × page param × tags × order. */
const SHAPES = 2 * 4 * TAGS * ORDERS;
/** Click ids, plus none. */
const CLICKS = 1_000_000 + 1;

/**
 * One page request's params as drawn: which are present, their values and their order, filled
 * in place by `draw`. The same draws in the same order as building the URL text directly.
 */
export class UrlDraw {
  page = 0;
  /** 0: en, 1: de. */
  lang = 0;
  /** The `page` param (1–3), or 0 for none. */
  pageParam = 0;
  /** utm_source (1–10) and utm_campaign (1–30), or 0 for none. */
  source = 0;
  campaign = 0;
  /** The click id (gclid), or 0 for none. */
  click = 0;
  /** How many params, and which stands where. */
  count = 0;
  readonly order = new Uint8Array(5);
  /** The shuffle's draws as one number in mixed radix (below count!). */
  shuffle = 0;

  /** Draws page `page`'s params from `rng`, with noise at probability `noise`. */
  draw(page: number, rng: Rng, noise: number): this {
    const order = this.order;
    this.page = page;
    this.lang = rng.float() < 0.8 ? 0 : 1;
    let n = 0;
    order[n++] = LANG;
    this.pageParam = 0;
    if (rng.float() < 0.3) {
      this.pageParam = rng.int(1, 3);
      order[n++] = PAGE;
    }
    this.source = this.campaign = this.click = 0;
    if (rng.float() < noise) {
      this.source = rng.int(1, 10);
      this.campaign = rng.int(1, 30);
      order[n++] = SOURCE;
      order[n++] = CAMPAIGN;
      if (rng.float() < 0.3) {
        this.click = rng.int(1, 1_000_000);
        order[n++] = CLICK;
      }
    }
    let shuffle = 0;
    for (let i = n - 1; i > 0; i--) {
      const j = rng.int(0, i);
      const held = order[i] as number;
      order[i] = order[j] as number;
      order[j] = held;
      shuffle = shuffle * (i + 1) + j;
    }
    this.count = n;
    this.shuffle = shuffle;
    return this;
  }

  /** The text of param `param`. */
  private param(param: number): string {
    switch (param) {
      case LANG:
        return this.lang === 0 ? 'lang=en' : 'lang=de';
      case PAGE:
        return PAGE_TEXT[this.pageParam] as string;
      case SOURCE:
        return SOURCE_TEXT[this.source] as string;
      case CAMPAIGN:
        return CAMPAIGN_TEXT[this.campaign] as string;
      default:
        return `gclid=${this.click}`;
    }
  }

  /** The request URL. */
  url(): string {
    let query = this.param(this.order[0] as number);
    for (let i = 1; i < this.count; i++) query += `&${this.param(this.order[i] as number)}`;
    return `/p/${this.page}?${query}`;
  }

  /**
   * A number per distinct URL among pages 0 to `pages − 1`: equal for two draws exactly when
   * their URLs are equal (the shuffle's draws give the order one to one). Undefined when
   * `pages` is too many for exact numbers.
   */
  urlNumber(pages: number): number | undefined {
    if (pages * SHAPES * CLICKS > Number.MAX_SAFE_INTEGER) return undefined;
    const tags = this.source === 0 ? 0 : (this.source - 1) * 30 + this.campaign;
    const shape = ((this.lang * 4 + this.pageParam) * TAGS + tags) * ORDERS + this.shuffle;
    return this.page + pages * (shape + SHAPES * this.click);
  }

  /** A number per distinct normalised key (page, language and page param). */
  keyNumber(): number {
    return this.page * 8 + this.lang * 4 + this.pageParam;
  }
}

/** Returns a request URL for page `page` with noise at probability `noise`. Pure given rng. */
export function noisyUrl(page: number, rng: Rng, noise: number): string {
  return new UrlDraw().draw(page, rng, noise).url();
}
