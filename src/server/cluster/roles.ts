/** Which watched kinds can reference Secrets (listeners and policies): their objects feed secrets.ts. */
import { kindInfo } from "../../model/kinds";

export function kindRoleOf(group: string, kind: string): "references-secrets" | "other" {
  const role = kindInfo(group, kind)?.role;
  return role === "gateway" || role === "listenerset" || role === "policy" ? "references-secrets" : "other";
}
