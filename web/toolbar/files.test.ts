/** Several files become one text the parser reads as the sum of its parts. */
import { describe, expect, it } from "vitest";
import { parse } from "../../src/index";
import { concatFiles, workspaceName, OPENABLE } from "./files";

const svc = (name: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  ports:\n    - port: 80\n`;

describe("concatFiles", () => {
  it.each<[string, { name: string; text: string }[], string[]]>([
    ["one file is kept as is", [{ name: "a.yaml", text: svc("a") }], ["a"]],
    ["two plain files", [{ name: "a.yaml", text: svc("a") }, { name: "b.yaml", text: svc("b") }], ["a", "b"]],
    ["leading --- and comments", [{ name: "a.yaml", text: `# header\n---\n${svc("a")}` }, { name: "b.yml", text: `---\n${svc("b")}---\n${svc("c")}` }], ["a", "b", "c"]],
    ["no trailing newline, BOM", [{ name: "a.yaml", text: svc("a").trimEnd() }, { name: "b.yaml", text: `\uFEFF${svc("b")}` }], ["a", "b"]],
    ["JSON next to YAML", [{ name: "a.json", text: JSON.stringify({ apiVersion: "v1", kind: "Service", metadata: { name: "j" }, spec: { ports: [{ port: 80 }] } }) }, { name: "b.yaml", text: svc("b") }], ["j", "b"]],
  ])("%s", (_name, files, names) => {
    const text = concatFiles(files);
    const r = parse({ name: "workspace.yaml", text });
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(r.resources.map((x) => x.name)).toEqual(names);
    if (files.length > 1) for (const f of files) expect(text).toContain(`# file: ${f.name}\n`);
  });

  it("keeps lines findable: an error in the second file is reported where it sits in the text", () => {
    const text = concatFiles([{ name: "a.yaml", text: svc("a") }, { name: "b.yaml", text: "kind: Service\nmetadata:\n  name: b\nkind: Secret\n" }]);
    const d = parse({ name: "w.yaml", text }).diagnostics.find((x) => x.severity === "error");
    expect(d).toBeDefined();
    expect(text.split("\n")[d!.line - 1]).toBe("kind: Secret");
  });

  it("names the workspace after a single file", () => {
    expect(workspaceName([{ name: "gw.yaml", text: "" }])).toBe("gw.yaml");
    expect(workspaceName([{ name: "a.yaml", text: "" }, { name: "b.yaml", text: "" }])).toBe("workspace.yaml");
  });

  it.each([
    ["a.yaml", true],
    ["a.YML", true],
    ["a.json", true],
    ["a.txt", false],
    ["yaml", false],
  ])("opens %s: %s", (name, ok) => {
    expect(OPENABLE.test(name)).toBe(ok);
  });
});
