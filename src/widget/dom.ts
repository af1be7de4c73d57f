// Builds DOM from text only: strings become Text nodes, never markup.

type Attrs = Record<string, string | boolean | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? "" : value);
  }
  el.append(...children);
  return el;
}

let counter = 0;
/** Ids unique within the widget's shadow roots. */
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}
