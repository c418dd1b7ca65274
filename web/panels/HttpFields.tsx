/**
 * The URL, method and header fields (HTTP, gRPC and mesh modes). The text fields keep what the
 * user typed even while it does not parse, and follow the store when the request is replaced from
 * outside (a sample, the gallery, a share link, the gRPC or mesh pickers).
 */
import { useEffect, useMemo, useRef, useState } from "react";
import type { SimRequest } from "../../src/model/request";
import { formatHeaders, formatTarget, parseHeaders, parseTarget, withTarget } from "./request";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "CONNECT", "TRACE"];

interface Drafts {
  url: string;
  headers: string;
}

const draftsOf = (r: SimRequest): Drafts => ({ url: formatTarget(r.request), headers: formatHeaders(r.request.headers) });

/**
 * Hosts suggested in the URL field at most. A configuration with thousands of routes has thousands
 * of hostnames: as many options, rebuilt whenever a hostname is edited (every keystroke in the
 * editor), blocked the main thread for 100 ms and more, and no one picks from such a list.
 */
const MAX_HOST_SUGGESTIONS = 200;

export function HttpFields({ request, setRequest, hosts }: { request: SimRequest; setRequest: (r: SimRequest) => void; hosts: string[] }) {
  const [drafts, setDrafts] = useState<Drafts>(() => draftsOf(request));
  const committed = useRef<SimRequest>(request);

  // The request was replaced from outside: show it.
  useEffect(() => {
    if (request !== committed.current) {
      committed.current = request;
      setDrafts(draftsOf(request));
    }
  }, [request]);

  const protocol = request.request.protocol ?? "HTTP";
  const grpc = protocol === "GRPC";
  const target = useMemo(() => parseTarget(drafts.url, protocol), [drafts.url, protocol]);
  const headers = useMemo(() => parseHeaders(drafts.headers), [drafts.headers]);

  const commit = (method: string, d: Drafts) => {
    const t = parseTarget(d.url, protocol);
    const h = parseHeaders(d.headers);
    // While a text field does not parse, a method change still applies to the last good request.
    const next = t.error || h.badLines.length ? { ...request, request: { ...request.request, method } } : withTarget(request, t, method, h);
    committed.current = next;
    setRequest(next);
  };
  const edit = (d: Partial<Drafts>) => {
    const next = { ...drafts, ...d };
    setDrafts(next);
    if (parseTarget(next.url, protocol).error || parseHeaders(next.headers).badLines.length) return;
    commit(request.request.method ?? "GET", next);
  };

  const scheme = grpc ? "grpc" : protocol === "HTTPS" ? "https" : "http";
  return (
    <>
      <div className="sim-row">
        <label className="grow">
          <span>{grpc ? "Target (grpc://host:port/package.Service/Method)" : "URL"}</span>
          <input
            data-testid="sim-url"
            list="sim-hosts"
            value={drafts.url}
            spellCheck={false}
            placeholder={grpc ? "grpc://host/package.Service/Method" : "http://host:port/path?query"}
            aria-invalid={!!target.error}
            onChange={(e) => edit({ url: e.target.value })}
          />
        </label>
        {!grpc && (
          <label>
            <span>Method</span>
            <select data-testid="sim-method" value={request.request.method ?? "GET"} onChange={(e) => commit(e.target.value, drafts)}>
              {METHODS.map((m) => (
                <option key={m}>{m}</option>
              ))}
            </select>
          </label>
        )}
      </div>
      <datalist id="sim-hosts">
        {hosts.slice(0, MAX_HOST_SUGGESTIONS).map((h) => (
          <option key={h} value={grpc ? `grpc://${h}/` : `${scheme}://${h}/`} />
        ))}
      </datalist>
      {target.error && <div className="sim-error">{target.error}</div>}
      <label>
        <span>{grpc ? "Metadata (one per line, name: value)" : "Headers (one per line, Name: value)"}</span>
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
    </>
  );
}
