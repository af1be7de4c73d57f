// Component and sex words in a question, in order of appearance ("police" alone → total police).
import type { Sex } from "../../report/schema.js";
import type { Component } from "../../tools/types.js";

export interface ComponentMention {
  component: Component;
  start: number;
  /** True when the word was plain "police", read as total police. */
  ambiguousPolice: boolean;
  /** "policewomen" / "policemen" carry a sex of their own. */
  sex?: Sex;
  /** True when preceded by a negation ("no troops", "without police"). */
  negated: boolean;
  /** True when preceded by "only" ("only police"). */
  only: boolean;
}

const COMPONENT_WORDS: { re: RegExp; component: Component; ambiguousPolice?: boolean; sex?: Sex }[] = [
  { re: /\bindividual police(?: officers?| personnel)?\b|\bipos?\b|\bindividual officers?\b/g, component: "individualPolice" },
  { re: /\bformed police(?: units?)?(?: personnel)?\b|\bfpus?\b|\bformed units?\b/g, component: "formedPoliceUnits" },
  { re: /\bpolicewom[ae]n\b/g, component: "totalPolice", sex: "women" },
  { re: /\bpolicem[ae]n\b/g, component: "totalPolice", sex: "men" },
  { re: /\btotal police\b|\bpolice component\b|\bpolice[- ]contribut\w*(?: countr(?:y|ies))?/g, component: "totalPolice" },
  { re: /\bpolice(?: officers?| personnel| contributors?| contributing countries)?\b/g, component: "totalPolice", ambiguousPolice: true },
  { re: /\buniformed(?: personnel| staff| strength)?\b|\bpeacekeepers?\b|\bblue helmets?\b/g, component: "uniformed" },
  {
    re: /\bmilitary(?: component| personnel| contingents?| contributors?| strength)?\b|\btroops?\b|\bsoldiers?\b|\bcontingents?\b|\bstaff officers?\b|\bservice(?:wo)?m[ae]n\b|\btroop[- ]contribut\w*\b/g,
    component: "military",
  },
  // Bare "personnel" last, so "military personnel" / "police personnel" keep their own component.
  { re: /\bpersonnel\b/g, component: "uniformed" },
];

const NEGATION_BEFORE = /\b(?:no|without|not|zero|but no|nor)\s+(?:any\s+)?(?:(?:female|male|women|men)\s+)?$/;
const ONLY_BEFORE = /\b(?:only|solely|exclusively)\s+(?:(?:female|male|women|men)\s+)?$/;

/** `q` must be folded (lower case, accents removed) with positions preserved. */
export function findComponents(q: string): ComponentMention[] {
  const taken: boolean[] = new Array(q.length).fill(false);
  const out: ComponentMention[] = [];
  for (const w of COMPONENT_WORDS) {
    for (const m of q.matchAll(w.re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.slice(start, end).some(Boolean)) continue;
      for (let i = start; i < end; i++) taken[i] = true;
      const before = q.slice(Math.max(0, start - 30), start);
      out.push({
        component: w.component,
        start,
        ambiguousPolice: w.ambiguousPolice === true,
        ...(w.sex ? { sex: w.sex } : {}),
        negated: NEGATION_BEFORE.test(before),
        only: ONLY_BEFORE.test(before),
      });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

export interface SexMention {
  sex: Sex;
  start: number;
  /** "female troops": the sex qualifies the group rather than being the part asked about. */
  qualifiesGroup: boolean;
}

const SEX_WORDS: { re: RegExp; sex: Sex }[] = [
  { re: /\b(?:women|woman|female|females)\b/g, sex: "women" },
  { re: /\b(?:men|man|male|males)\b/g, sex: "men" },
];
const GROUP_AFTER = /^\s+(?:uniformed|military|troops?|soldiers?|police|individual|formed|peacekeepers?|personnel|staff|contingent|officers?|fpus?|ipos?)\b/;

export function findSexes(q: string, components: readonly ComponentMention[]): SexMention[] {
  const out: SexMention[] = [];
  for (const w of SEX_WORDS) {
    for (const m of q.matchAll(w.re)) {
      out.push({ sex: w.sex, start: m.index, qualifiesGroup: GROUP_AFTER.test(q.slice(m.index + m[0].length)) });
    }
  }
  for (const c of components) if (c.sex) out.push({ sex: c.sex, start: c.start, qualifiesGroup: true });
  return out.sort((a, b) => a.start - b.start);
}
