/**
 * Checks the inspector runs as the user types, before anything is written. Pure functions; each
 * returns null when the value is fine, or an {@link Issue} quoting the rule (CRD pattern or CEL rule).
 */

export interface Issue {
  severity: "error" | "warning";
  message: string;
  /** For list checks: the index of the offending entry. */
  index?: number;
}

const err = (message: string, index?: number): Issue => (index === undefined ? { severity: "error", message } : { severity: "error", message, index });

/** PortNumber: "minimum: 1, maximum: 65535". */
export function validatePort(port: unknown): Issue | null {
  if (typeof port !== "number" || !Number.isInteger(port)) return err("port must be a whole number");
  if (port < 1 || port > 65535) return err("port must be between 1 and 65535");
  return null;
}

// Hostname: `^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$`, maxLength 253.
const HOSTNAME = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * A listener or route hostname: RFC 1123 labels with an optional leading `*.` (the CRD pattern),
 * at most 253 characters; Hostname docs: "IPs are not allowed", and each label is at most 63 characters.
 */
export function validateHostname(h: string): Issue | null {
  if (!h) return err("hostname is empty");
  if (h.length > 253) return err("hostname is longer than 253 characters");
  if (IPV4.test(h) || h.includes(":")) return err("hostname must be a DNS name, not an IP address");
  if (/[A-Z]/.test(h)) return err("hostname must be lower case");
  if (!HOSTNAME.test(h)) {
    if (h.includes("*") && !h.startsWith("*.")) return err("a wildcard is only allowed as the whole first label (`*.example.com`)");
    return err("hostname must be DNS labels of a-z, 0-9 and '-' separated by dots, optionally starting with `*.`");
  }
  if (h.split(".").some((l) => l.length > 63)) return err("a hostname label is longer than 63 characters");
  return null;
}

/** Every hostname of a list, with the index of each bad one. */
export function validateHostnames(hs: readonly string[]): Issue[] {
  const out: Issue[] = [];
  hs.forEach((h, i) => {
    const e = validateHostname(h);
    if (e) out.push({ ...e, index: i });
  });
  return out;
}

/** Gateway listeners CEL: "Listener name must be unique within the Gateway". One issue per repeat. */
export function duplicateListenerNames(listeners: readonly { name?: unknown }[]): Issue[] {
  const seen = new Set<unknown>();
  const out: Issue[] = [];
  listeners.forEach((l, i) => {
    if (seen.has(l?.name)) out.push(err(`listener name ${String(l?.name)} is used more than once (Listener name must be unique within the Gateway)`, i));
    seen.add(l?.name);
  });
  return out;
}

/**
 * BackendRef.weight: "If all entries in BackendRefs have weight 0, the route ... no traffic"; a
 * warning, since it is valid. Absent weights count as 1.
 */
export function weightsAllZero(weights: readonly (number | undefined)[]): Issue | null {
  if (!weights.length || weights.some((w) => (w ?? 1) !== 0)) return null;
  return { severity: "warning", message: "all weights are 0: this rule sends no traffic (requests get a 500)" };
}

/** A weight: "minimum: 0, maximum: 1000000". */
export function validateWeight(w: unknown): Issue | null {
  if (typeof w !== "number" || !Number.isInteger(w)) return err("weight must be a whole number");
  if (w < 0 || w > 1_000_000) return err("weight must be between 0 and 1000000");
  return null;
}

// HTTPPathMatch CEL rules, for types Exact and PathPrefix.
const PATH_CHARS = /^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$/;

/** An HTTPPathMatch value (HTTPPathMatch CEL rules; maxLength 1024). RegularExpression values are checked as RE2 syntax elsewhere. */
export function validatePathValue(type: string, value: string): Issue | null {
  if (value.length > 1024) return err("path is longer than 1024 characters");
  if (type !== "Exact" && type !== "PathPrefix") return value ? null : err("path is empty");
  if (!value.startsWith("/")) return err("value must be an absolute path and start with '/'");
  for (const bad of ["//", "/./", "/../", "%2f", "%2F", "#"]) if (value.includes(bad)) return err(`must not contain '${bad}'`);
  if (value.endsWith("/..")) return err("must not end with '/..'");
  if (value.endsWith("/.")) return err("must not end with '/.'");
  if (!PATH_CHARS.test(value)) return err("path contains characters that must be percent-encoded");
  return null;
}

// HTTPHeaderName: `^[A-Za-z0-9!#$%&'*+\-.^_\x60|~]+$`, 1–256 characters (RFC 7230 token).
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/;

/** An HTTP header name (HTTPHeaderName pattern, an RFC 7230 token). */
export function validateHeaderName(name: string): Issue | null {
  if (!name) return err("header name is empty");
  if (name.length > 256) return err("header name is longer than 256 characters");
  if (!HEADER_NAME.test(name)) return err("header name may only hold letters, digits and !#$%&'*+-.^_`|~");
  return null;
}

// ObjectName (metadata.name of most kinds): a DNS-1123 subdomain.
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** A resource name: a DNS-1123 subdomain of at most 253 characters. */
export function validateName(name: string): Issue | null {
  if (!name) return err("name is empty");
  if (name.length > 253) return err("name is longer than 253 characters");
  if (!SUBDOMAIN.test(name)) return err("name must be lower-case letters, digits, '-' and '.', starting and ending with a letter or digit");
  return null;
}

// SectionName: `^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$`, maxLength 253.
/** A listener name (SectionName pattern). */
export function validateListenerName(name: string): Issue | null {
  const e = validateName(name);
  return e ? err(e.message.replace(/^name/, "listener name")) : null;
}
