/**
 * Annotations Switchyard itself reads on input objects. They never come from a cluster: the app's
 * cluster mode sets them on the objects it renders (web/cluster/render.ts).
 */

/**
 * Marks an object whose contents were deliberately not read — a Secret in cluster mode: `switchyard
 * serve` sends Secrets as metadata only, so their data never leaves the proxy. Such an object is
 * "present, contents unknown": the controller assumes it holds what a reference needs (a valid
 * certificate and key, a CA bundle) and records that as an assumption instead of reporting the
 * missing keys. It only applies to an object that also has no `data` and no `stringData`.
 */
export const METADATA_ONLY_ANNOTATION = "switchyard.dev/metadata-only";
