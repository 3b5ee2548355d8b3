import { CONFIDENCE, type Confidence } from './enums';

/**
 * Given the confidences of the facts behind one statement, returns the strongest of them (CONFIRMED over REPORTED
 * over UNCERTAIN); with none known, the weakest, UNCERTAIN.
 */
export function strongestConfidence(confidences: Iterable<string | null | undefined>): Confidence {
  const given = new Set(confidences);
  // CONFIDENCE lists the levels strongest first.
  return CONFIDENCE.find((level) => given.has(level)) ?? CONFIDENCE[CONFIDENCE.length - 1];
}
