/**
 * The simulator's request form: gateway, URL, method, header lines. Every valid edit goes to the
 * store at once (and is simulated shortly after); the text fields keep what the user typed even
 * while it does not parse, and follow the store when the request is replaced from outside.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { useStore } from "../store";
import type { SimRequest } from "../../src/model/request";
import { buildRequest, formatHeaders, formatTarget, parseHeaders, parseTarget } from "./request";
import { runSimulation } from "./simulate";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "CONNECT", "TRACE"];
const AUTO_RUN_MS = 150;

interface Drafts {
  url: string;
  headers: string;
}

const draftsOf = (r: SimRequest): Drafts => ({ url: formatTarget(r.request), headers: formatHeaders(r.request.headers) });

export function RequestForm() {
  const request = useStore((s) => s.request);
  const setRequest = useStore((s) => s.setRequest);
  const gateways = useStore(useShallow((s) => s.good?.gateways ?? []));
  const [drafts, setDrafts] = useState<Drafts>(() => draftsOf(request));
  const committed = useRef<SimRequest>(request);

  // The request was replaced from outside (gallery, share link, a sample): show it.
  useEffect(() => {
    if (request !== committed.current) {
      committed.current = request;
      setDrafts(draftsOf(request));
    }
  }, [request]);

  // No gateway chosen, or one the configuration no longer has: pick the first, so pasted YAML just
  // works. Only once the engine has seen the current text (before that, `good` is the old graph).
  const current = useStore((s) => s.loadedRevision >= s.textRevision);
  useEffect(() => {
    if (!current || request.mesh || !gateways.length || gateways.some((g) => g.ref === request.gateway)) return;
    const g = gateways[0];
    // With no host typed yet, one the gateway serves is a better start than its bare address.
    const host = request.request.host || g.hostnames.find((h) => !h.startsWith("*")) || g.listeners.find((l) => l.hostname && !l.hostname.startsWith("*"))?.hostname || "";
    setRequest({ ...request, gateway: g.ref, request: { ...request.request, host } });
  }, [current, request, gateways, setRequest]);

  // Every committed change is simulated (debounced while typing).
  useEffect(() => {
    const t = setTimeout(() => void runSimulation(), AUTO_RUN_MS);
    return () => clearTimeout(t);
  }, [request]);

  const target = useMemo(() => parseTarget(drafts.url, request.request.protocol ?? "HTTP"), [drafts.url, request.request.protocol]);
  const headers = useMemo(() => parseHeaders(drafts.headers), [drafts.headers]);

  const commit = (gateway: string, method: string, d: Drafts) => {
    const t = parseTarget(d.url, request.request.protocol ?? "HTTP");
    const h = parseHeaders(d.headers);
    // While a text field does not parse, a gateway or method change still applies to the last good request.
    const next = t.error || h.badLines.length ? { ...request, gateway, request: { ...request.request, method } } : buildRequest(gateway, t, method, h);
    committed.current = next;
    setRequest(next);
  };
  const edit = (d: Partial<Drafts>) => {
    const next = { ...drafts, ...d };
    setDrafts(next);
    if (parseTarget(next.url).error || parseHeaders(next.headers).badLines.length) return;
    commit(request.gateway ?? "", request.request.method ?? "GET", next);
  };

  const hostnames = useMemo(() => {
    const g = gateways.find((x) => x.ref === request.gateway);
    if (!g) return [];
    const set = new Set<string>(g.hostnames.filter((h) => !h.startsWith("*")));
    for (const l of g.listeners) if (l.hostname && !l.hostname.startsWith("*")) set.add(l.hostname);
    return [...set].sort().map((h) => `http://${h}/`);
  }, [gateways, request.gateway]);

  const gatewayRefs = gateways.map((g) => g.ref);
  if (request.gateway && !gatewayRefs.includes(request.gateway)) gatewayRefs.push(request.gateway);

  return (
    <form
      className="sim-form"
      onSubmit={(e) => {
        e.preventDefault();
        void runSimulation();
      }}
    >
      <label>
        <span>Gateway</span>
        <select data-testid="sim-gateway" value={request.gateway ?? ""} onChange={(e) => commit(e.target.value, request.request.method ?? "GET", drafts)}>
          {gatewayRefs.length === 0 && <option value="">no Gateway in the configuration</option>}
          {gatewayRefs.map((g) => (
            <option key={g} value={g}>
              {g}
            </option>
          ))}
        </select>
      </label>
      <div className="sim-row">
        <label className="grow">
          <span>URL</span>
          <input
            data-testid="sim-url"
            list="sim-hosts"
            value={drafts.url}
            spellCheck={false}
            placeholder="http://host:port/path?query"
            aria-invalid={!!target.error}
            onChange={(e) => edit({ url: e.target.value })}
          />
        </label>
        <label>
          <span>Method</span>
          <select data-testid="sim-method" value={request.request.method ?? "GET"} onChange={(e) => commit(request.gateway ?? "", e.target.value, drafts)} disabled={request.request.protocol === "GRPC"}>
            {METHODS.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </label>
      </div>
      <datalist id="sim-hosts">
        {hostnames.map((h) => (
          <option key={h} value={h} />
        ))}
      </datalist>
      {target.error && <div className="sim-error">{target.error}</div>}
      <label>
        <span>Headers (one per line, Name: value)</span>
        <textarea
          data-testid="sim-headers"
          rows={3}
          value={drafts.headers}
          spellCheck={false}
          placeholder="x-canary: always"
          aria-invalid={headers.badLines.length > 0}
          onChange={(e) => edit({ headers: e.target.value })}
        />
      </label>
      {headers.badLines.length > 0 && <div className="sim-error">line {headers.badLines.join(", ")}: not a header (Name: value)</div>}
      <div className="sim-row">
        <button type="submit" className="btn primary" data-testid="sim-run" title="Run (Ctrl+Enter)">
          Run
        </button>
        <span className="muted small">Ctrl+Enter · runs on every change</span>
      </div>
    </form>
  );
}
