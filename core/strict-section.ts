import { Type, type TObject, type TProperties, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/** A section of a thresholds file: unknown keys are rejected, so a misspelt threshold fails at start-up instead of being ignored. */
export const Section = <Properties extends TProperties>(properties: Properties): TObject<Properties> => Type.Object(properties, { additionalProperties: false });

/** Where `value` first breaks `schema` (a JSON pointer) and why, with the offending value; null when it fits. */
export function findSchemaProblem(schema: TSchema, value: unknown): { path: string; problem: string } | null {
  const firstError = Value.Errors(schema, value).First();
  return firstError ? { path: firstError.path, problem: `${firstError.message} (got ${JSON.stringify(firstError.value)})` } : null;
}

/** Freezes a checked thresholds object and each of its sections, so no stage can change a threshold another reads. */
export function freezeSections<Thresholds extends object>(thresholds: Thresholds): Readonly<Thresholds> {
  for (const section of Object.values(thresholds)) Object.freeze(section);
  return Object.freeze(thresholds);
}
