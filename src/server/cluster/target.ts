/** Where the cluster is and how to authenticate to it: what the transport needs from a kubeconfig. */
import type { RequestOptions } from "node:https";

export interface ClusterTarget {
  /** The API server's URL (may carry a path prefix, as behind Rancher-style proxies). */
  server: URL;
  /** Fill a request's TLS and authentication options (ca, cert, key, Authorization header…). */
  applyAuth(opts: RequestOptions): Promise<void>;
  /** For the operator's terminal: context and server. Never sent to the browser. */
  describe: string;
  /**
   * The kubeconfig context's name, shown in the app ("which context is in use"). Only the name: the
   * server address and credentials stay in the process.
   */
  context?: string;
}
