/**
 * The title of a ledger problem opened from a complaint's findings: the place and the first
 * sentence of what the officer found — the problem's own facts, never a category's full label
 * (which lists things the complaint may not have said). Pure; the caller redacts personal data.
 */
const LEAD_IN = /^(经(现场|实地|调查|走访)?(核查|核实|调查|查明|查)[，,、]?\s*)/;

export function problemTitleFromFindings(place: string | null, details: string, max = 60): string {
  const text = details.replace(/\s+/g, ' ').trim().replace(LEAD_IN, '');
  const first = text.split(/[。！？；;\n]/)[0]?.trim() || text;
  const summary = [...first].length > 40 ? `${[...first].slice(0, 40).join('')}…` : first;
  return [...`${place ? `${place}：` : ''}${summary}`].slice(0, max).join('');
}
