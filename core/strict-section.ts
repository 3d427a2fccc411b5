import { Type, type TObject, type TProperties } from '@sinclair/typebox';

/** A section of a thresholds file: unknown keys are rejected, so a misspelt threshold fails at start-up instead of being ignored. */
export const Section = <Properties extends TProperties>(properties: Properties): TObject<Properties> => Type.Object(properties, { additionalProperties: false });
