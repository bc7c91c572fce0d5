// A model's config, as dbt resolves it: dbt_project.yml's `models:` block, level by level down
// the model's folders (keys with or without the `+` prefix), then the model's own config() call.

/** The config keys the runner reads (others are kept as they come). */
export interface ModelConfig {
  readonly materialized: "view" | "table" | "incremental" | "ephemeral";
  readonly tags: readonly string[];
  readonly schema: string | null;
  readonly alias: string | null;
  readonly [key: string]: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The config keys set at one level of the `models:` block (folder names are not configs). */
function settingsAt(level: Record<string, unknown>): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(level)) {
    if (key.startsWith("+")) settings[key.slice(1)] = value;
    else if (!isObject(value)) settings[key] = value;
  }
  return settings;
}

/** Tags accumulate down the folders, as dbt's do; every other key is replaced. */
function merge(
  base: Record<string, unknown>,
  next: Record<string, unknown>,
): Record<string, unknown> {
  const tags = [...toTags(base.tags), ...toTags(next.tags)];
  return { ...base, ...next, tags: [...new Set(tags)] };
}

function toTags(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((t): t is string => typeof t === "string") : [];
}

/** The folder-level config of a model in `folders`. */
export function folderConfig(
  modelConfigs: Readonly<Record<string, unknown>>,
  folders: readonly string[],
): Record<string, unknown> {
  let config = settingsAt(modelConfigs);
  let level: unknown = modelConfigs;
  for (const folder of folders) {
    level = isObject(level) ? level[folder] : undefined;
    if (!isObject(level)) break;
    config = merge(config, settingsAt(level));
  }
  return config;
}

/** The final config: folder configs, then config() calls, with dbt's defaults. */
export function resolveConfig(
  folder: Record<string, unknown>,
  calls: readonly Record<string, unknown>[],
): ModelConfig {
  const merged = calls.reduce(merge, folder);
  const materialized = merged.materialized ?? "view";
  return {
    ...merged,
    materialized: materialized as ModelConfig["materialized"],
    tags: toTags(merged.tags),
    schema: typeof merged.schema === "string" ? merged.schema : null,
    alias: typeof merged.alias === "string" ? merged.alias : null,
  };
}
