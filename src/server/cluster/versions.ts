/**
 * Kubernetes' order of API versions (apimachinery's CompareKubeAwareVersionStrings): GA before beta
 * before alpha, higher numbers first within each level; anything else after, alphabetically.
 */

const KUBE_VERSION = /^v(\d+)(?:(alpha|beta)(\d+))?$/;

function rank(v: string): [number, number, number] | null {
  const m = KUBE_VERSION.exec(v);
  if (!m) return null;
  const level = m[2] === undefined ? 3 : m[2] === "beta" ? 2 : 1;
  return [level, Number(m[1]), Number(m[3] ?? 0)];
}

/** Negative when `a` is preferred over `b`. */
export function compareKubeVersions(a: string, b: string): number {
  const ra = rank(a);
  const rb = rank(b);
  if (!ra || !rb) return ra ? -1 : rb ? 1 : a.localeCompare(b);
  return rb[0] - ra[0] || rb[1] - ra[1] || rb[2] - ra[2];
}
