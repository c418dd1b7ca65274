/**
 * Kubernetes name rules (DNS-1123), checked before any name becomes part of an API path: a name that
 * could carry `/`, `..`, `?` or `%` must never reach the URL we send to the cluster.
 */

const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** API versions as Kubernetes spells them: v1, v1beta1, v1alpha2… */
const VERSION = /^v[1-9][0-9]*((alpha|beta)[1-9][0-9]*)?$/;

/** RFC 1123 label: namespaces, and the plural resource names of API groups. At most 63 characters. */
export function isDns1123Label(s: unknown): s is string {
  return typeof s === "string" && s.length > 0 && s.length <= 63 && LABEL.test(s);
}

/** RFC 1123 subdomain: the names of most objects (Secrets, Services…) and API group names. At most 253. */
export function isDns1123Subdomain(s: unknown): s is string {
  return typeof s === "string" && s.length > 0 && s.length <= 253 && SUBDOMAIN.test(s);
}

/** An API version such as `v1` or `v1alpha2`. */
export function isApiVersionName(s: unknown): s is string {
  return typeof s === "string" && s.length <= 20 && VERSION.test(s);
}
