// Inline SVG icons (emoji fonts are missing on some systems). Paths: Material Icons, Apache-2.0.
const SVG = "http://www.w3.org/2000/svg";
const THUMB = "M1 21h4V9H1v12zm22-11c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06L14.17 1 7.59 7.59C7.22 7.95 7 8.45 7 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05c.09-.23.14-.47.14-.73v-2z";
const BUBBLE = "M20 2H4c-1.1 0-2 .9-2 2v18l4-4h14c1.1 0 2-.9 2-2V4c0-1.1-.9-2-2-2z";

function icon(path: string, transform?: string): SVGSVGElement {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("width", "16");
  svg.setAttribute("height", "16");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  const p = document.createElementNS(SVG, "path");
  p.setAttribute("d", path);
  p.setAttribute("fill", "currentColor");
  if (transform) p.setAttribute("transform", transform);
  svg.append(p);
  return svg;
}

export const thumbUp = () => icon(THUMB);
export const thumbDown = () => icon(THUMB, "rotate(180 12 12)");
export const bubble = () => icon(BUBBLE);
