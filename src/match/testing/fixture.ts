/** Test support: a Model from YAML text, through the real parser and controller. */
import { parse } from "../../parse";
import { simulate } from "../../controller";
import type { Model } from "../../model/model";

export function modelOf(yaml: string): Model {
  const p = parse({ name: "fixture.yaml", text: yaml });
  return simulate(p.resources, { lines: p.lines });
}
