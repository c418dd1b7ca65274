/**
 * The controller's rules, in the order they run. Each rule reads the shared context (indexes built
 * once) and records conditions, relations and diagnostics on it; later rules read what earlier ones
 * recorded (attachment needs listener kinds, status summaries need everything).
 */
import type { Ctx } from "./context";
import { runGatewayClasses } from "./gatewayclass";
import { runGateways } from "./gateways";
import { runGatewayAcceptance } from "./gateway-acceptance";
import { runListenerValidity } from "./listener-validity";
import { runCertificateRefs } from "./certificate-refs";
import { runFrontendValidation } from "./frontend-validation";
import { runBackendClientCertificate } from "./backend-client-certificate";
import { runListenerConflicts } from "./listener-conflicts";
import { runRoutes } from "./routes";
import { runBackendRefs } from "./backend-refs";
import { runParentRefs } from "./parent-refs";
import { runRouteStatus } from "./route-status";
import { runKindConflicts } from "./kind-conflicts";
import { runMeshConflicts } from "./mesh-conflicts";
import { runGatewayStatus } from "./gateway-status";
import { runBackendTLSPolicies } from "./backend-tls-policy";
import { runBackendTrafficPolicies } from "./backend-traffic-policy";
import { runRouteSessionPersistence } from "./session-persistence";
import { runListenerSets } from "./listenersets";
import { runListenerSetStatus } from "./listenerset-status";

export interface Rule {
  name: string;
  run: (ctx: Ctx) => void;
}

export const RULES: readonly Rule[] = [
  { name: "gatewayclass", run: runGatewayClasses },
  { name: "gateways", run: runGateways },
  { name: "gateway-acceptance", run: runGatewayAcceptance },
  { name: "listener-validity", run: runListenerValidity },
  { name: "certificate-refs", run: runCertificateRefs },
  { name: "frontend-validation", run: runFrontendValidation },
  { name: "backend-client-certificate", run: runBackendClientCertificate },
  { name: "listener-conflicts", run: runListenerConflicts },
  { name: "listenersets", run: runListenerSets },
  { name: "routes", run: runRoutes },
  { name: "backend-refs", run: runBackendRefs },
  { name: "parent-refs", run: runParentRefs },
  { name: "route-status", run: runRouteStatus },
  { name: "mesh-conflicts", run: runMeshConflicts },
  { name: "kind-conflicts", run: runKindConflicts },
  { name: "backend-tls-policy", run: runBackendTLSPolicies },
  { name: "backend-traffic-policy", run: runBackendTrafficPolicies },
  { name: "route-session-persistence", run: runRouteSessionPersistence },
  { name: "gateway-status", run: runGatewayStatus },
  { name: "listenerset-status", run: runListenerSetStatus },
];
