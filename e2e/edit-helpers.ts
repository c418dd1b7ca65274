/** Helpers of the visual-editing e2e specs: the YAML through the API, selecting a node into the Inspector. */
import { expect, type Page } from "@playwright/test";

type Api = { switchyard: { getYaml(): string; undo(): Promise<void>; redo(): Promise<void> } };

export async function getYaml(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as Api).switchyard.getYaml());
}

export async function apiUndo(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as Api).switchyard.undo());
}

export async function apiRedo(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as Api).switchyard.redo());
}

/** Wait until the YAML satisfies `check` (edits land asynchronously). */
export async function expectYaml(page: Page, check: (yaml: string) => boolean, what: string): Promise<string> {
  await expect.poll(async () => check(await getYaml(page)), { message: what }).toBe(true);
  return getYaml(page);
}

/** Click a canvas node and open the Inspector on it. */
export async function inspect(page: Page, nodeTestId: string): Promise<void> {
  await page.getByTestId(nodeTestId).click();
  await page.getByTestId("panel-tab-inspector").click();
  await expect(page.getByTestId("edit-form")).toBeVisible();
}

/** Lines of `b` that are not in `a` and lines of `a` not in `b` (a multiset diff, order ignored). */
export function lineDiff(a: string, b: string): { removed: string[]; added: string[] } {
  const count = (t: string) => {
    const m = new Map<string, number>();
    for (const l of t.split("\n")) m.set(l, (m.get(l) ?? 0) + 1);
    return m;
  };
  const ca = count(a);
  const cb = count(b);
  const removed: string[] = [];
  const added: string[] = [];
  for (const [l, n] of ca) for (let i = cb.get(l) ?? 0; i < n; i++) removed.push(l);
  for (const [l, n] of cb) for (let i = ca.get(l) ?? 0; i < n; i++) added.push(l);
  return { removed, added };
}
