/**
 * The HTML that embeds a run in another page: an iframe of the read-only embed view, its
 * attributes escaped (the title is user text). Pure.
 */

/** Returns `text` safe inside a double-quoted HTML attribute. Pure. */
export function attribute(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Returns the `<iframe>` for the embed view at `base` (the app's address) showing `link`. */
export function embedCode(base: string, link: string, title: string): string {
  const src = new URL(`embed.html#${link}`, base).href;
  return `<iframe src="${attribute(src)}" title="${attribute(`Interleave: ${title}`)}" width="960" height="560" style="border:0" loading="lazy"></iframe>`;
}
