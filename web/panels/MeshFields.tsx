/**
 * Mesh (GAMMA) target fields: the namespace the call comes from, the Service called and its port.
 * The request is `{mesh: {service: "ns/name", port, client: "ns/workload"}, request}` — the
 * conformance shape; which routes apply depends on the Service, the port and the client's namespace
 * (producer routes for everyone, consumer routes for their own namespace).
 */
import type { SimRequest } from "../../src/model/request";
import { clientNamespaceOf, serviceHost, withClientNamespace } from "./modes";
import type { MeshService } from "./catalog";
import { PortField } from "./ConnectionFields";

/** Datalists stay usable on large configurations. */
const MAX_SUGGESTIONS = 300;

interface Props {
  request: SimRequest;
  setRequest: (r: SimRequest) => void;
  services: MeshService[];
  namespaces: string[];
  portsOf: (ref: string) => number[];
}

export function MeshFields({ request, setRequest, services, namespaces, portsOf }: Props) {
  const mesh = request.mesh ?? {};
  const service = mesh.service ?? "";
  const ports = service ? portsOf(service) : [];
  const setMesh = (next: NonNullable<SimRequest["mesh"]>, spec = request.request) => {
    const clean = Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined && v !== "")) as SimRequest["mesh"];
    setRequest({ mesh: clean, request: spec });
  };
  const changeService = (ref: string) => {
    const nextPorts = ref ? portsOf(ref) : [];
    const port = mesh.port !== undefined && nextPorts.includes(mesh.port) ? mesh.port : nextPorts[0] ?? mesh.port;
    // The Host header follows the Service when it was the old Service's name (or empty).
    const host = request.request.host ?? "";
    const followed = !host || host === serviceHost(service) || host.startsWith(`${serviceHost(service)}.`);
    setMesh({ ...mesh, service: ref, port }, followed && ref ? { ...request.request, host: serviceHost(ref) } : request.request);
  };
  return (
    <>
      <div className="sim-row">
        <label className="grow">
          <span>From namespace (client)</span>
          <input
            data-testid="sim-mesh-namespace"
            list="sim-mesh-namespaces"
            value={clientNamespaceOf(mesh.client)}
            spellCheck={false}
            placeholder="any namespace"
            onChange={(e) => setMesh({ ...mesh, client: withClientNamespace(mesh.client, e.target.value) })}
          />
        </label>
      </div>
      <div className="sim-row">
        <label className="grow">
          <span>To Service (namespace/name)</span>
          <input data-testid="sim-mesh-service" list="sim-mesh-services" value={service} spellCheck={false} placeholder="namespace/name" onChange={(e) => changeService(e.target.value.trim())} />
        </label>
        <PortField port={mesh.port} ports={ports} label="Port" onChange={(port) => setMesh({ ...mesh, port })} />
      </div>
      <datalist id="sim-mesh-namespaces">
        {namespaces.slice(0, MAX_SUGGESTIONS).map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      <datalist id="sim-mesh-services">
        {services.slice(0, MAX_SUGGESTIONS).map((s) => (
          <option key={s.ref} value={s.ref}>
            {s.routes ? `${s.routes} mesh route${s.routes === 1 ? "" : "s"}` : "no mesh route"}
          </option>
        ))}
      </datalist>
    </>
  );
}
