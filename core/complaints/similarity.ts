/**
 * Duplicate detection (SPEC §5 "Duplicates"): character-bigram Jaccard similarity of two texts,
 * after dropping punctuation, whitespace and case. Chinese needs no word segmentation for this:
 * two reports of the same outage share most of their two-character sequences.
 */

export const DUPLICATE_THRESHOLD = 0.35;
export const DUPLICATE_WINDOW_DAYS = 30;

export function normaliseText(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

export function bigrams(text: string): Set<string> {
  const chars = [...normaliseText(text)];
  const out = new Set<string>();
  if (chars.length === 1) out.add(chars[0]);
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  return out;
}

/** |A ∩ B| / |A ∪ B| over character bigrams; 0 when either text is empty. */
export function similarity(a: string, b: string): number {
  const A = bigrams(a);
  const B = bigrams(b);
  if (!A.size || !B.size) return 0;
  let inter = 0;
  for (const g of A) if (B.has(g)) inter++;
  return inter / (A.size + B.size - inter);
}

export interface DuplicateCandidate {
  id: string;
  description: string;
}

/** Candidates at or above the threshold, most similar first, similarity rounded to 2 decimals. */
export function rankDuplicates<T extends DuplicateCandidate>(text: string, candidates: readonly T[], threshold = DUPLICATE_THRESHOLD, limit = 5) {
  return candidates
    .map((c) => ({ c, raw: similarity(text, c.description) }))
    .filter((x) => x.raw >= threshold)
    .sort((x, y) => y.raw - x.raw)
    .slice(0, limit)
    .map((x) => ({ ...x.c, similarity: Math.round(x.raw * 100) / 100 }));
}
