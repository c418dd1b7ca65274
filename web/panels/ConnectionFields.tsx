/**
 * Fields of connection-level requests: the server name a TLS client announces (SNI), and the port
 * (TLS, TCP, UDP to a Gateway; the Service port for mesh calls). The port field keeps what the user
 * typed while it is not a port number, and suggests the ports the target listens on.
 */
import { useEffect, useState } from "react";

/** A port 1–65535 from text, or null. */
export function parsePort(text: string): number | null {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return n >= 1 && n <= 65535 ? n : null;
}

export function PortField({ port, ports, label, onChange }: { port: number | undefined; ports: number[]; label: string; onChange: (port: number | undefined) => void }) {
  const [draft, setDraft] = useState(port === undefined ? "" : String(port));
  // Follow the request when it changes from outside (unless the draft already says the same).
  useEffect(() => {
    setDraft((d) => (parsePort(d) === (port ?? null) ? d : port === undefined ? "" : String(port)));
  }, [port]);
  const bad = draft.trim() !== "" && parsePort(draft) === null;
  return (
    <label>
      <span>{label}</span>
      <input
        data-testid="sim-port"
        className="port"
        list="sim-ports"
        inputMode="numeric"
        value={draft}
        placeholder={ports[0] ? String(ports[0]) : "port"}
        aria-invalid={bad}
        onChange={(e) => {
          setDraft(e.target.value);
          const p = parsePort(e.target.value);
          if (p !== null || e.target.value.trim() === "") onChange(p ?? undefined);
        }}
      />
      <datalist id="sim-ports">
        {ports.map((p) => (
          <option key={p} value={p} />
        ))}
      </datalist>
      {bad && <span className="sim-error">not a port (1–65535)</span>}
    </label>
  );
}

export function SniField({ sni, hosts, onChange }: { sni: string; hosts: string[]; onChange: (sni: string) => void }) {
  return (
    <label className="grow">
      <span>Server name (SNI)</span>
      <input data-testid="sim-sni" list="sim-snis" value={sni} spellCheck={false} placeholder="empty: no SNI" onChange={(e) => onChange(e.target.value.trim())} />
      <datalist id="sim-snis">
        {hosts.map((h) => (
          <option key={h} value={h} />
        ))}
      </datalist>
    </label>
  );
}
