/**
 * The team's guidance points G1–G14 (the table in shared/etiquette-guide.md) by short name, so
 * trainers pick "G4 Hold only with consent" rather than remember what a bare number means.
 */
export const guidancePoints = [
  { ref: 'G1', name: 'Greet, identify, thank' },
  { ref: 'G2', name: 'Please and thank you' },
  { ref: 'G3', name: 'Listen without interrupting' },
  { ref: 'G4', name: 'Hold only with consent' },
  { ref: 'G5', name: 'Explain delays' },
  { ref: 'G6', name: 'Transfer: to whom and why' },
  { ref: 'G7', name: 'No one-word answers' },
  { ref: 'G8', name: '"You", not "I" statements' },
  { ref: 'G9', name: 'No disagreement or talking down' },
  { ref: 'G10', name: 'Positive, concrete, alternatives' },
  { ref: 'G11', name: "Don't make the caller repeat" },
  { ref: 'G12', name: 'Say how follow-up happens' },
  { ref: 'G13', name: 'Calm with an angry caller' },
  { ref: 'G14', name: 'Friendly tone, not scripted' },
] as const;

export type GuidanceRef = (typeof guidancePoints)[number]['ref'];

export function guidanceLabel(ref: string): string {
  const point = guidancePoints.find((candidate) => candidate.ref === ref);
  return point ? `${point.ref} · ${point.name}` : ref;
}
