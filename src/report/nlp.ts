// Part-of-speech tags and lemmas from wink-nlp with its English model, loaded once on first use.
// The question frame reads questions with it; ingest reads the report's sentences with it.
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { fold } from "./fold.js";
import { terms as termsOf } from "./terms.js";

export interface Token {
  /** As written. */
  text: string;
  /** Character offsets in the analysed text. */
  start: number;
  end: number;
  /** Universal POS tag: NOUN, PROPN, VERB, AUX, ADJ, ADV, ADP, NUM, DET, PRON, CCONJ, SCONJ, PART, PUNCT, … */
  pos: string;
  /** Folded lemma ("killed" -> "kill", "lives" -> "life"). */
  lemma: string;
  /** The project's term (stem) of the word, or null for a stop word or punctuation. */
  term: string | null;
  /** Every term of the token: a hyphenated word has several ("counter-terrorism" -> counter, terror). */
  terms: string[];
}

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | undefined;

function instance(): Nlp {
  nlp ??= winkNLP(model);
  return nlp;
}

/** A question is read several times per answer (its frame, each retrieval text): the last few are kept. */
const RECENT_LIMIT = 256;
const recent = new Map<string, readonly Token[]>();

/** Tokens of a text with tags and lemmas. Offsets index into `text` as given. */
export function analyse(text: string): Token[] {
  let tokens = recent.get(text);
  if (!tokens) {
    // Frozen: every caller shares these tokens, so none may change them.
    tokens = Object.freeze(read(text).map((t) => Object.freeze({ ...t, terms: Object.freeze(t.terms) as string[] })));
    if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value!);
    recent.set(text, tokens);
  }
  return [...tokens];
}

function read(text: string): Token[] {
  const engine = instance();
  const its = engine.its;
  const doc = engine.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.value) as string[];
  const tokens: Token[] = [];
  let cursor = 0;
  values.forEach((value, i) => {
    const at = text.indexOf(value, cursor);
    const start = at < 0 ? cursor : at;
    cursor = start + value.length;
    const all = termsOf(value);
    tokens.push({
      text: value,
      start,
      end: start + value.length,
      pos: pos[i] ?? "X",
      lemma: fold(lemmas[i] ?? value),
      term: all.length === 1 ? all[0]! : null,
      terms: all,
    });
  });
  return tokens;
}
