/**
 * gRPC service and method pickers: suggestions from the GRPCRoutes in view (their method matches),
 * free text accepted. They edit `request.grpc`; the target field above follows.
 */
import type { SimRequest } from "../../src/model/request";
import type { GrpcService } from "./catalog";

export function GrpcFields({ request, setRequest, services }: { request: SimRequest; setRequest: (r: SimRequest) => void; services: GrpcService[] }) {
  const grpc = request.request.grpc ?? {};
  const service = grpc.service ?? "";
  const method = grpc.method ?? "";
  const methods = services.find((s) => s.service === service)?.methods ?? [];
  const set = (next: { service: string; method: string }) => setRequest({ ...request, request: { ...request.request, grpc: next } });
  return (
    <div className="sim-row">
      <label className="grow">
        <span>Service</span>
        <input
          data-testid="sim-grpc-service"
          list="sim-grpc-services"
          value={service}
          spellCheck={false}
          placeholder="package.Service"
          onChange={(e) => {
            const svc = e.target.value.trim();
            const known = services.find((s) => s.service === svc)?.methods ?? [];
            // A service whose routes name methods: keep the method if it has it, else offer its first.
            set({ service: svc, method: known.length && !known.includes(method) ? known[0] : method });
          }}
        />
      </label>
      <label className="grow">
        <span>Method</span>
        <input data-testid="sim-grpc-method" list="sim-grpc-methods" value={method} spellCheck={false} placeholder="Method" onChange={(e) => set({ service, method: e.target.value.trim() })} />
      </label>
      <datalist id="sim-grpc-services">
        {services.map((s) => (
          <option key={s.service} value={s.service}>
            {s.methods.length ? `${s.methods.length} method${s.methods.length === 1 ? "" : "s"} matched` : "whole service matched"}
          </option>
        ))}
      </datalist>
      <datalist id="sim-grpc-methods">
        {methods.map((m) => (
          <option key={m} value={m} />
        ))}
      </datalist>
    </div>
  );
}
