/** Text in HTML and SVG: escaped, and cut to fit a box in a monospace font. */

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML and SVG element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Width of one character of the picture's monospace font, as a share of the font size. */
const CHAR_EM = 0.62;

/** `text` cut with an ellipsis so that it fits `width` units at `fontSize`. */
export function fit(text: string, width: number, fontSize: number): string {
  const max = Math.max(1, Math.floor(width / (fontSize * CHAR_EM)));
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/** One `<text>` element; `cls` names the CSS class, `full` becomes a tooltip when the text was cut. */
export function svgText(
  x: number,
  y: number,
  text: string,
  opts: { cls: string; width?: number; size?: number; anchor?: 'start' | 'middle' },
): string {
  const size = opts.size ?? 11;
  const shown = opts.width === undefined ? text : fit(text, opts.width, size);
  const title = shown === text ? '' : `<title>${escapeHtml(text)}</title>`;
  const anchor = opts.anchor ?? 'middle';
  return `<text x="${x}" y="${y}" class="${opts.cls}" text-anchor="${anchor}">${title}${escapeHtml(shown)}</text>`;
}
