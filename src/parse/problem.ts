import type { Severity } from "../model/diagnostic";

/** A problem found while reading one document, with offsets relative to the document. */
export interface Problem {
  severity: Severity;
  code: string;
  message: string;
  start: number;
  end: number;
}
