/**
 * The authored-model field of a share link: `am=` followed by the packed model (`model.ts`),
 * last among the link's fields. The rest of the link is an ordinary one whose scenario is the
 * model's app id. Pure; never throws.
 */

/** The field that carries an authored model in a link. */
export const MODEL_FIELD = 'am';

/** A link split into its ordinary part and the packed model it carries (null when none). */
export interface SplitLink {
  readonly rest: string;
  readonly packed: string | null;
}

/** Splits `#…&am=…` into the link without the model and the packed model. Pure. */
export function splitModelField(hash: string): SplitLink {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  let packed: string | null = null;
  const kept: string[] = [];
  for (const field of text.split('&')) {
    if (field.startsWith(`${MODEL_FIELD}=`)) packed = field.slice(MODEL_FIELD.length + 1);
    else kept.push(field);
  }
  return { rest: kept.join('&'), packed };
}

/** Returns `link` (without `#`) carrying the packed model `packed`. Pure. */
export function joinModelField(link: string, packed: string): string {
  return `${link}&${MODEL_FIELD}=${packed}`;
}
