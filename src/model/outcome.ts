/** The answer of the matching engine (the CLI's Outcome contract, see DESIGN.md). */

export interface TraceStep {
  /** Short name of the decision, e.g. "listener", "hostname", "candidate", "rule", "filter", "backend". */
  step: string;
  detail: string;
  /** Objects the step concerns, as `Kind/ns/name` (lets the canvas light up the path). */
  refs: string[];
}

export interface OutcomeBackend {
  namespace: string;
  name: string;
  port: number | null;
  weight: number;
  probability: number;
  /** Kind when not a core Service. */
  kind?: string;
  /** Why this backend cannot serve (its share gets 500), when invalid. */
  invalid?: string;
}

export interface Redirect {
  statusCode: number;
  location: string;
}

export interface Outcome {
  statusCode: number;
  backend: string | null;
  backends: OutcomeBackend[];
  listener: string | null;
  route: string | null;
  rule: number | null;
  match: number | null;
  requestHeaders: Record<string, string>;
  path: string;
  host: string;
  redirect: Redirect | null;
  responseHeaders: Record<string, string>;
  mirrors: string[];
  grpcStatus?: string;
  trace: TraceStep[];
}
