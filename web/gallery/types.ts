/**
 * The shape of an example in the gallery: a teaching scenario (YAML we wrote, valid to the Gateway
 * API spec), a one-line description for the menu, an explanation for the side panel, and sample
 * requests that demonstrate it, each with the outcome the spec says it must have.
 */
import type { SimRequest } from "../../src/model/request";

/** What a sample request must produce; absent fields are not checked. */
export interface SampleExpectation {
  statusCode: number;
  /** `ns/name` of the one backend that answers; null when the gateway answers itself (404, redirect…). */
  backend?: string | null;
  /** Traffic split: `ns/name` → probability (0–1) when several backends share the request. */
  backends?: Record<string, number>;
  /** Location of a redirect. */
  location?: string;
  /** Path the backend receives when a filter rewrote it. */
  path?: string;
  /** Host header the backend receives when a filter rewrote it. */
  host?: string;
  /** Headers the backend receives (added or set by filters). */
  requestHeaders?: Record<string, string>;
  /** gRPC status name the client sees (`OK`, `Unimplemented`…), for gRPC requests. */
  grpcStatus?: string;
  /** True when the client gets no answer at all (connection refused or reset, TLS handshake rejected). */
  connectionError?: boolean;
  /** The gateway's TLS connection to the answering backend (BackendTLSPolicy); null when it connects in plain text. */
  backendTLS?: { sni: string } | null;
}

export interface GallerySample {
  label: string;
  request: SimRequest;
  expect: SampleExpectation;
}

export interface GalleryExample {
  /** File-name-safe id; loading the example names the workspace `${id}.yaml`. */
  id: string;
  title: string;
  /** One line for the gallery menu. */
  description: string;
  /** Paragraphs for the side panel, shown while the example is loaded and nothing is selected. */
  explanation: string[];
  yaml: string;
  samples: GallerySample[];
  /** Graph node ids (`Kind/ns/name`, listeners `Listener/ns/gw/name`) the canvas must draw. */
  nodes: string[];
  /**
   * Error diagnostic codes the example shows on purpose (e.g. `RefNotPermitted`); any other error
   * is a defect in the example.
   */
  teachesErrors?: string[];
  /**
   * Set when the engine does not simulate what the samples demonstrate yet: the samples state what
   * the spec requires, and the gallery test expects them to fail until the engine catches up.
   */
  notSimulatedYet?: string;
}
