/**
 * The simulator's request form. A mode picker chooses the kind of traffic (HTTP, gRPC, TLS, TCP,
 * UDP, or a mesh call between Services); the fields below are that mode's. Every valid edit goes
 * to the store at once and is simulated shortly after.
 */
import { useEffect, useMemo } from "react";
import { useShallow } from "zustand/react/shallow";
import { useStore } from "../store";
import type { SimRequest } from "../../src/model/request";
import { runSimulation } from "./simulate";
import { MODES, gatewayHosts, listenerPorts, modeOf, onGateway, switchMode, type SimMode } from "./modes";
import { grpcServices, meshServices, portsOfService } from "./catalog";
import { useObjectSource } from "./resourceObjects";
import { HttpFields } from "./HttpFields";
import { GrpcFields } from "./GrpcFields";
import { MeshFields } from "./MeshFields";
import { PortField, SniField } from "./ConnectionFields";

const AUTO_RUN_MS = 150;

export function RequestForm() {
  const request = useStore((s) => s.request);
  const setRequest = useStore((s) => s.setRequest);
  const gateways = useStore(useShallow((s) => s.good?.gateways ?? []));
  const mode = modeOf(request);

  // No gateway chosen, or one the configuration no longer has: pick the first, so pasted YAML just
  // works. Only once the engine has seen the current text (before that, `good` is the old graph).
  const current = useStore((s) => s.loadedRevision >= s.textRevision);
  useEffect(() => {
    if (!current || request.mesh || !gateways.length || gateways.some((g) => g.ref === request.gateway)) return;
    setRequest(onGateway(request, gateways[0]));
  }, [current, request, gateways, setRequest]);

  // Every committed change is simulated (debounced while typing).
  useEffect(() => {
    const t = setTimeout(() => void runSimulation(), AUTO_RUN_MS);
    return () => clearTimeout(t);
  }, [request]);

  // Pickers' suggestions from the configuration (the written objects are read lazily).
  const source = useObjectSource();
  const grpc = useMemo(() => (mode === "GRPC" ? grpcServices(source) : []), [mode, source]);
  const mesh = useMemo(() => (mode === "MESH" ? meshServices(source) : []), [mode, source]);
  const namespaces = useStore(useShallow((s) => s.good?.graph.groups.map((g) => g.namespace) ?? []));

  const gateway = gateways.find((x) => x.ref === request.gateway);
  const hosts = useMemo(() => gatewayHosts(gateway, mode).sort(), [gateway, mode]);
  const gatewayRefs = gateways.map((g) => g.ref);
  if (request.gateway && !gatewayRefs.includes(request.gateway)) gatewayRefs.push(request.gateway);

  const changeMode = (m: SimMode) => {
    const first = m === "GRPC" ? grpcServices(source).find((s) => s.methods.length) : undefined;
    const svc = m === "MESH" ? meshServices(source)[0] : undefined;
    setRequest(
      switchMode(request, m, {
        gateways,
        grpc: first ? { service: first.service, method: first.methods[0] } : undefined,
        meshService: svc ? { ref: svc.ref, port: svc.ports[0] ?? null } : undefined,
      }),
    );
  };
  const setSpec = (patch: Partial<SimRequest["request"]>) => setRequest({ ...request, request: { ...request.request, ...patch } });

  return (
    <form
      className="sim-form"
      onSubmit={(e) => {
        e.preventDefault();
        void runSimulation();
      }}
    >
      <label>
        <span>Traffic</span>
        <select data-testid="sim-mode" value={mode} onChange={(e) => changeMode(e.target.value as SimMode)}>
          {MODES.map((m) => (
            <option key={m.id} value={m.id} title={m.hint}>
              {m.label}
            </option>
          ))}
        </select>
      </label>
      {mode === "MESH" ? (
        <MeshFields request={request} setRequest={setRequest} services={mesh} namespaces={namespaces} portsOf={(ref) => portsOfService(source, ref, mesh)} />
      ) : (
        <label>
          <span>Gateway</span>
          <select
            data-testid="sim-gateway"
            value={request.gateway ?? ""}
            onChange={(e) => {
              const g = gateways.find((x) => x.ref === e.target.value);
              setRequest(g ? onGateway(request, g) : { ...request, gateway: e.target.value });
            }}
          >
            {gatewayRefs.length === 0 && <option value="">no Gateway in the configuration</option>}
            {gatewayRefs.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
        </label>
      )}
      {(mode === "HTTP" || mode === "GRPC" || mode === "MESH") && <HttpFields request={request} setRequest={setRequest} hosts={hosts} />}
      {mode === "GRPC" && <GrpcFields request={request} setRequest={setRequest} services={grpc} />}
      {(mode === "TLS" || mode === "TCP" || mode === "UDP") && (
        <div className="sim-row">
          {mode === "TLS" && (
            <SniField
              sni={request.request.sni ?? ""}
              hosts={hosts}
              // The SNI is also the name the connection is for (`host`); empty = the client sends none.
              onChange={(sni) => setSpec(sni ? { sni, host: sni } : { sni: undefined, host: "" })}
            />
          )}
          <PortField port={request.request.port} ports={listenerPorts(gateway, mode)} label={`${mode} port`} onChange={(port) => setSpec({ port })} />
        </div>
      )}
      <div className="sim-row">
        <button type="submit" className="btn primary" data-testid="sim-run" title="Run (Ctrl+Enter)">
          Run
        </button>
        <span className="muted small">Ctrl+Enter · runs on every change</span>
      </div>
    </form>
  );
}
