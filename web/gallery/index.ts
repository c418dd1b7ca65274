/**
 * The example gallery: teaching scenarios, one file each, in menu order. The first one is what a
 * new user sees when there is no saved workspace or share link.
 */
import type { GalleryExample } from "./types";
import { basicHttp } from "./basic-http";
import { canaryWeight } from "./canary-weight";
import { canaryHeader } from "./canary-header";
import { rewriteRedirect } from "./rewrite-redirect";
import { httpsRedirect } from "./https-redirect";
import { crossNamespace } from "./cross-namespace";
import { wildcardListeners } from "./wildcard-listeners";
import { sharedGateway } from "./shared-gateway";
import { grpcMethods } from "./grpc-methods";
import { tlsPassthrough } from "./tls-passthrough";
import { tcpDatabase } from "./tcp-database";
import { gammaCanary } from "./gamma-canary";
import { listenerSetTeams } from "./listenerset-teams";
import { backendTls } from "./backend-tls";

export type { GalleryExample, GallerySample, SampleExpectation } from "./types";

export const GALLERY: readonly GalleryExample[] = [
  basicHttp,
  canaryWeight,
  canaryHeader,
  rewriteRedirect,
  httpsRedirect,
  crossNamespace,
  wildcardListeners,
  sharedGateway,
  grpcMethods,
  tlsPassthrough,
  tcpDatabase,
  gammaCanary,
  listenerSetTeams,
  backendTls,
];

/** The example a workspace file name (`${id}.yaml`) came from, if any. */
export function exampleForFile(fileName: string): GalleryExample | undefined {
  return GALLERY.find((e) => `${e.id}.yaml` === fileName);
}
