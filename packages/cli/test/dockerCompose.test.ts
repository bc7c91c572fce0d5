// docker/compose.yaml and docker/Dockerfile checked against the repository, since no Docker
// engine runs here: every service's image is pinned or built from docker/Dockerfile, every
// built service runs an updraft command the real CLI parses (commander's own parser, with the
// action handlers stubbed), its environment passes the CLI's config schema with what the
// command needs in production, and the Dockerfile's stages, pins, user, healthcheck and COPY
// sources hold. Broken fixtures prove each check can fail.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { smtpConnectionFromAirflowConfig } from "@updraft/notify";
import { parseConnection } from "@updraft/sdk";
import { Command } from "commander";
import { parse as parseYaml } from "yaml";
import { type Config, loadConfig, runCli } from "../src";
import { apiSecret } from "../src/commands/apiServer";

const REPO = path.resolve(__dirname, "..", "..", "..");
const DOCKER = path.join(REPO, "docker");
const FIXTURES = path.join(__dirname, "fixtures", "docker");
const DOCKERFILE = path.join(DOCKER, "Dockerfile");

type Env = Readonly<Record<string, string>>;

// ---------------------------------------------------------------------------------------------
// Compose's .env files and ${VAR} interpolation (the subset compose.yaml uses).

/** KEY=VALUE lines; `#` comments; one level of single or double quotes is removed. */
function parseDotenv(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (match === null) continue;
    const raw = match[2]!.trim();
    const quoted = /^(['"])(.*)\1$/.exec(raw);
    vars[match[1]!] = quoted === null ? raw : quoted[2]!;
  }
  return vars;
}

/** A `${VAR:?message}` whose variable is unset or empty: compose stops with the message. */
class RequiredVariableError extends Error {
  readonly code = "REQUIRED_VARIABLE";
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`required variable ${variable} is missing a value: ${message}`);
    this.name = "RequiredVariableError";
  }
}

/** `$$`, `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?err}`, `${VAR?err}`. */
function interpolate(text: string, vars: Env): string {
  const pattern =
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;
  return text.replace(
    pattern,
    (whole, braced?: string, op?: string, arg?: string, bare?: string) => {
      if (whole === "$$") return "$";
      const name = (braced ?? bare)!;
      const value = vars[name];
      const unset = op?.startsWith(":") ? value === undefined || value === "" : value === undefined;
      if (op === undefined || !unset) return value ?? "";
      if (op.endsWith("-")) return arg ?? "";
      throw new RequiredVariableError(name, arg ?? "");
    },
  );
}

function interpolateDeep(value: unknown, vars: Env): unknown {
  if (typeof value === "string") return interpolate(value, vars);
  if (Array.isArray(value)) return value.map((v) => interpolateDeep(v, vars));
  if (value !== null && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, interpolateDeep(v, vars)] as const),
    );
  return value;
}

// ---------------------------------------------------------------------------------------------
// The compose file, as far as the checks read it.

interface Healthcheck {
  readonly test?: string | readonly string[];
  readonly disable?: boolean;
}

interface Service {
  readonly image?: string;
  readonly build?: string | { readonly context?: string; readonly dockerfile?: string };
  readonly command?: string | readonly (string | number)[];
  readonly entrypoint?: unknown;
  readonly environment?:
    Readonly<Record<string, string | number | boolean | null>> | readonly string[];
  readonly depends_on?:
    readonly string[] | Readonly<Record<string, { readonly condition?: string }>>;
  readonly healthcheck?: Healthcheck;
  readonly container_name?: string;
  readonly ports?: readonly unknown[];
  readonly restart?: string;
  readonly deploy?: { readonly replicas?: number };
}

interface ComposeFile {
  readonly file: string;
  readonly services: Readonly<Record<string, Service>>;
}

/** Parses a compose file (merge keys on, as compose's) and interpolates it with `vars`. */
function loadCompose(file: string, vars: Env): ComposeFile {
  const raw = parseYaml(readFileSync(file, "utf8"), { merge: true }) as { services?: unknown };
  const services = interpolateDeep(raw.services ?? {}, vars) as Record<string, Service>;
  return { file, services };
}

const environmentOf = (service: Service): Record<string, string> => {
  const env: Record<string, string> = {};
  if (Array.isArray(service.environment))
    for (const entry of service.environment as readonly string[]) {
      const at = entry.indexOf("=");
      if (at > 0) env[entry.slice(0, at)] = entry.slice(at + 1);
    }
  else
    for (const [key, value] of Object.entries(service.environment ?? {}))
      if (value !== null) env[key] = String(value);
  return env;
};

const argvOf = (service: Service): string[] =>
  typeof service.command === "string"
    ? service.command.split(/\s+/).filter(Boolean)
    : (service.command ?? []).map(String);

const dependenciesOf = (service: Service): ReadonlyMap<string, string> =>
  new Map(
    Array.isArray(service.depends_on)
      ? (service.depends_on as readonly string[]).map((name) => [name, "service_started"] as const)
      : Object.entries(service.depends_on ?? {}).map(
          ([name, d]) => [name, d.condition ?? "service_started"] as const,
        ),
  );

const hasHealthcheck = (service: Service): boolean =>
  service.healthcheck !== undefined &&
  service.healthcheck.disable !== true &&
  service.healthcheck.test !== undefined &&
  !(Array.isArray(service.healthcheck.test) && service.healthcheck.test[0] === "NONE");

/** `name:tag` (not latest) or `name@sha256:…`; a registry's port is not a tag. */
function isPinnedImage(image: string): boolean {
  if (/@sha256:[0-9a-f]{64}$/.test(image)) return true;
  const lastSegment = image.slice(image.lastIndexOf("/") + 1);
  const colon = lastSegment.indexOf(":");
  if (colon === -1) return false;
  const tag = lastSegment.slice(colon + 1);
  return tag !== "" && tag !== "latest";
}

// ---------------------------------------------------------------------------------------------
// The real CLI's parser: runCli with every action handler replaced by a recorder.

interface ParsedCommand {
  /** The subcommand path without the program name: "worker", "db migrate". */
  readonly path: string;
  readonly options: Readonly<Record<string, unknown>>;
}

function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(" ");
}

/** What the CLI would run for `argv` under `env`, or the CLI's own error lines. */
async function parseUpdraftCommand(
  argv: readonly string[],
  env: Env,
): Promise<{ readonly command: ParsedCommand | null; readonly errors: readonly string[] }> {
  const parsed: ParsedCommand[] = [];
  const original = Command.prototype.action;
  const spy = jest.spyOn(Command.prototype, "action").mockImplementation(function (this: Command) {
    return original.call(this, () => {
      parsed.push({ path: commandPath(this), options: this.opts() });
    });
  });
  const errors: string[] = [];
  try {
    const code = await runCli(argv, {
      env,
      cwd: REPO,
      io: { out: () => undefined, err: (text) => errors.push(text) },
    });
    if (code !== 0 && errors.length === 0) errors.push(`exit code ${code}`);
  } finally {
    spy.mockRestore();
  }
  const command = errors.length === 0 ? (parsed[0] ?? null) : null;
  if (errors.length === 0 && command === null) errors.push("no command ran");
  return { command, errors };
}

// ---------------------------------------------------------------------------------------------
// What each command needs in production, checked on the service's parsed configuration.

type Requirement = (config: Config, env: Env) => string | null;

const POSTGRES: Requirement = (config) =>
  config.database.kind === "postgres"
    ? null
    : "expected UPDRAFT_DATABASE_URL (the embedded database is not shared between containers)";
const REDIS: Requirement = (config) =>
  config.executor === "BullMQExecutor" && config.redis !== null
    ? null
    : "expected UPDRAFT_REDIS_URL and the BullMQExecutor (workers are other containers)";
const API_SECRET: Requirement = (config) => {
  try {
    apiSecret(config);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
};
const DEMO_SOURCE: Requirement = (_config, env) =>
  env.AIRFLOW_CONN_POSTGRES_SOURCE !== undefined || env.UPDRAFT_DEMO_SOURCE_URL !== undefined
    ? null
    : "expected AIRFLOW_CONN_POSTGRES_SOURCE or UPDRAFT_DEMO_SOURCE_URL";

const NEEDS: Readonly<Record<string, readonly Requirement[]>> = {
  scheduler: [POSTGRES, REDIS],
  worker: [POSTGRES, REDIS],
  "api-server": [POSTGRES, API_SECRET],
  "db migrate": [POSTGRES],
  "users create": [POSTGRES],
  "demo source": [DEMO_SOURCE],
};

/** Hosts the service's URLs and connections name, which must be services of the file. */
function hostsOf(env: Env): readonly { readonly variable: string; readonly host: string }[] {
  const hosts: { variable: string; host: string }[] = [];
  for (const [variable, value] of Object.entries(env)) {
    if (variable.startsWith("AIRFLOW_CONN_")) {
      const connection = parseConnection(variable.slice(13).toLowerCase(), value);
      if (connection.conn_type !== "duckdb" && connection.host !== null)
        hosts.push({ variable, host: connection.host });
    } else if (/_URL$/.test(variable) && /^(postgres(ql)?|rediss?):\/\//.test(value))
      hosts.push({ variable, host: new URL(value).hostname });
  }
  const smtp = smtpConnectionFromAirflowConfig(env);
  if (smtp?.host) hosts.push({ variable: "AIRFLOW__SMTP__SMTP_HOST", host: smtp.host });
  return hosts;
}

// ---------------------------------------------------------------------------------------------
// The compose checks: one problem per line, naming the service.

const CONDITIONS = ["service_started", "service_healthy", "service_completed_successfully"];

function builtFrom(service: Service, composeDir: string): string | null {
  if (service.build === undefined) return null;
  const build = typeof service.build === "string" ? { context: service.build } : service.build;
  const context = path.resolve(composeDir, build.context ?? ".");
  return path.resolve(context, build.dockerfile ?? "Dockerfile");
}

function checkServiceShape(name: string, service: Service, compose: ComposeFile): string[] {
  const problems: string[] = [];
  const dockerfile = builtFrom(service, path.dirname(compose.file));
  if (dockerfile === null && service.image === undefined)
    problems.push(`${name}: expected an image or a build`);
  if (dockerfile !== null && dockerfile !== DOCKERFILE)
    problems.push(
      `${name}: build expected docker/Dockerfile of the repository, got ${path.relative(REPO, dockerfile)}`,
    );
  if (dockerfile === null && service.image !== undefined && !isPinnedImage(service.image))
    problems.push(`${name}: image ${service.image} is not pinned (expected name:tag, not latest)`);
  for (const [dependency, condition] of dependenciesOf(service)) {
    const target = compose.services[dependency];
    if (target === undefined) problems.push(`${name}: depends on ${dependency}, no such service`);
    else if (!CONDITIONS.includes(condition))
      problems.push(`${name}: depends_on ${dependency} has unknown condition ${condition}`);
    else if (condition === "service_healthy" && !hasHealthcheck(target))
      problems.push(`${name}: waits for ${dependency} to be healthy, which has no healthcheck`);
    else if (condition === "service_completed_successfully" && target.restart !== "no")
      problems.push(`${name}: waits for ${dependency} to complete, which restarts (restart: "no")`);
  }
  const oneShot = service.restart === "no";
  if (!oneShot && !hasHealthcheck(service)) problems.push(`${name}: expected a healthcheck`);
  return problems;
}

/** Checks a built service's command and environment against the real CLI. */
async function checkUpdraftService(
  name: string,
  service: Service,
  services: ComposeFile["services"],
): Promise<string[]> {
  if (service.entrypoint !== undefined)
    return [`${name}: entrypoint overridden; expected the image's (the updraft CLI)`];
  const env = environmentOf(service);
  const argv = argvOf(service);
  const { command, errors } = await parseUpdraftCommand(argv, env);
  if (command === null) return [`${name}: updraft ${argv.join(" ")}: ${errors.join("; ")}`];
  const problems: string[] = [];
  const config = loadConfig(env, REPO);
  for (const requirement of NEEDS[command.path] ?? []) {
    const problem = requirement(config, env);
    if (problem !== null) problems.push(`${name}: updraft ${command.path}: ${problem}`);
  }
  try {
    for (const { variable, host } of hostsOf(env))
      if (!Object.hasOwn(services, host))
        problems.push(`${name}: ${variable} names host ${host}, not a service of this file`);
  } catch (error) {
    problems.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return problems;
}

/** Every problem of a compose file, one line each; [] when it is fit to run. */
async function checkCompose(file: ComposeFile): Promise<string[]> {
  const problems: string[] = [];
  for (const [name, service] of Object.entries(file.services)) {
    problems.push(...checkServiceShape(name, service, file));
    if (builtFrom(service, path.dirname(file.file)) !== null)
      problems.push(...(await checkUpdraftService(name, service, file.services)));
  }
  const worker = file.services.worker;
  if (worker === undefined) problems.push("worker: expected a worker service");
  else {
    if (worker.container_name !== undefined)
      problems.push("worker: container_name stops --scale worker=N");
    if ((worker.ports ?? []).length > 0)
      problems.push("worker: a published port stops --scale worker=N");
  }
  const replicas = file.services.scheduler?.deploy?.replicas ?? 1;
  if (replicas < 2) problems.push(`scheduler: expected deploy.replicas >= 2 (HA), got ${replicas}`);
  return problems;
}

// ---------------------------------------------------------------------------------------------
// The Dockerfile: instructions, stages, and what each must hold.

interface Instruction {
  readonly keyword: string;
  readonly args: string;
  readonly line: number;
}

/** Instructions with their continuation lines joined; comments and directives dropped. */
function parseDockerfile(text: string): Instruction[] {
  const instructions: Instruction[] = [];
  let pending: { text: string; line: number } | null = null;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line.startsWith("#") || (line === "" && pending === null)) return;
    const continues = line.endsWith("\\");
    const body = continues ? line.slice(0, -1) : line;
    pending =
      pending === null
        ? { text: body, line: index + 1 }
        : { ...pending, text: `${pending.text} ${body}` };
    if (continues) return;
    const match = /^(\S+)\s*(.*)$/.exec(pending.text.trim());
    if (match !== null)
      instructions.push({ keyword: match[1]!.toUpperCase(), args: match[2]!, line: pending.line });
    pending = null;
  });
  return instructions;
}

/** `--flag=value` options, then the rest split on spaces, or a JSON array. */
function splitArgs(args: string): { flags: Record<string, string>; words: string[] } {
  const flags: Record<string, string> = {};
  let rest = args.trim();
  for (
    let m = /^--([a-z-]+)(?:=(\S+))?\s*/.exec(rest);
    m;
    m = /^--([a-z-]+)(?:=(\S+))?\s*/.exec(rest)
  ) {
    flags[m[1]!] = m[2] ?? "true";
    rest = rest.slice(m[0].length);
  }
  const words = rest.startsWith("[")
    ? (JSON.parse(rest) as string[])
    : rest.split(/\s+/).filter(Boolean);
  return { flags, words };
}

/** `.dockerignore` patterns → a predicate on context-relative paths (last match wins). */
function dockerignore(text: string): (file: string) => boolean {
  const rules = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"))
    .map((pattern) => {
      const negated = pattern.startsWith("!");
      const body = pattern.replace(/^!/, "").replace(/^\/+/, "").replace(/\/+$/, "");
      const source = body
        .split("/")
        .map((part) =>
          part === "**"
            ? ".*"
            : part
                .replace(/[.+^${}()|[\]\\]/g, "\\$&")
                .replace(/\*/g, "[^/]*")
                .replace(/\?/g, "[^/]"),
        )
        .join("/")
        .replace(/\.\*\//g, "(?:.*/)?");
      return { negated, regex: new RegExp(`^${source}(?:/.*)?$`) };
    });
  return (file) => {
    let ignored = false;
    for (const rule of rules) if (rule.regex.test(file)) ignored = !rule.negated;
    return ignored;
  };
}

/** Context paths a COPY source names (a `*` in the last segment is expanded). */
function expandSource(source: string): string[] {
  const clean = source.replace(/^\.\//, "").replace(/\/$/, "");
  if (!clean.includes("*")) return existsSync(path.join(REPO, clean)) ? [clean || "."] : [];
  const dir = path.posix.dirname(clean);
  const glob = new RegExp(
    `^${path.posix
      .basename(clean)
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, "[^/]*")}$`,
  );
  if (dir.includes("*") || !existsSync(path.join(REPO, dir))) return [];
  return readdirSync(path.join(REPO, dir))
    .filter((entry) => glob.test(entry))
    .map((entry) => path.posix.join(dir, entry));
}

/** The workspace packages the CLI loads in production: name → folder, following dependencies. */
function runtimeWorkspacePackages(): Map<string, { folder: string; hasDist: boolean }> {
  const folders = new Map<string, string>();
  for (const parent of ["packages", "apps"])
    for (const entry of readdirSync(path.join(REPO, parent)))
      folders.set(readManifest(path.join(parent, entry))?.name ?? "", path.join(parent, entry));
  folders.set("@updraft/dags", "dags");
  const found = new Map<string, { folder: string; hasDist: boolean }>();
  const visit = (name: string): void => {
    const folder = folders.get(name);
    if (folder === undefined || found.has(name)) return;
    const manifest = readManifest(folder)!;
    found.set(name, { folder, hasDist: (manifest.main ?? "").startsWith("./dist/") });
    for (const [dependency, version] of Object.entries(manifest.dependencies ?? {}))
      if (version.startsWith("workspace:")) visit(dependency);
  };
  visit("@updraft/cli");
  return found;
}

interface Manifest {
  readonly name?: string;
  readonly main?: string;
  readonly packageManager?: string;
  readonly bin?: Readonly<Record<string, string>>;
  readonly dependencies?: Readonly<Record<string, string>>;
}

function readManifest(folder: string): Manifest | null {
  const file = path.join(REPO, folder, "package.json");
  return existsSync(file) && statSync(file).isFile()
    ? (JSON.parse(readFileSync(file, "utf8")) as Manifest)
    : null;
}

interface DockerfileReport {
  readonly problems: string[];
  /** The final stage's ENTRYPOINT + CMD, for the CLI check. */
  readonly defaultArgv: readonly string[];
}

/** Every problem of a Dockerfile, one line each, and the default command it runs. */
function checkDockerfile(text: string): DockerfileReport {
  const instructions = parseDockerfile(text);
  const problems: string[] = [];
  const args = new Map<string, string>();
  const stages: { name: string | null; instructions: Instruction[] }[] = [];
  const isIgnored = dockerignore(readFileSync(path.join(REPO, ".dockerignore"), "utf8"));
  for (const instruction of instructions) {
    const at = `line ${instruction.line}`;
    if (instruction.keyword === "ARG" && stages.length === 0) {
      const [name, value] = instruction.args.split("=", 2) as [string, string | undefined];
      if (value !== undefined) args.set(name.trim(), value.trim());
    } else if (instruction.keyword === "FROM") {
      const words = splitArgs(instruction.args).words;
      const image = words[0]!.replace(
        /\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g,
        (_m, n: string) => args.get(n) ?? "",
      );
      const name = words[1]?.toUpperCase() === "AS" ? (words[2] ?? null) : null;
      const earlier = stages.some((stage) => stage.name === image);
      if (!earlier && !isPinnedImage(image))
        problems.push(
          `${at}: FROM ${image || words[0]} is not pinned (expected name:tag, not latest)`,
        );
      stages.push({ name, instructions: [] });
    } else if (stages.length === 0) problems.push(`${at}: ${instruction.keyword} before FROM`);
    else stages[stages.length - 1]!.instructions.push(instruction);
    if (instruction.keyword === "COPY" || instruction.keyword === "ADD") {
      const { flags, words } = splitArgs(instruction.args);
      const sources = words.slice(0, -1);
      if (flags.from !== undefined) {
        if (!stages.slice(0, -1).some((stage) => stage.name === flags.from))
          problems.push(`${at}: COPY --from=${flags.from}, no earlier stage of that name`);
      } else
        for (const source of sources) {
          const found = expandSource(source);
          if (found.length === 0) problems.push(`${at}: COPY ${source}: not in the repository`);
          for (const file of found)
            if (file !== "." && isIgnored(file))
              problems.push(`${at}: COPY ${file}: excluded by .dockerignore`);
        }
    }
  }
  if (stages.length < 2)
    problems.push(`expected a multi-stage build, got ${stages.length} stage(s)`);
  const final = stages[stages.length - 1]?.instructions ?? [];
  const last = (keyword: string): Instruction | undefined =>
    final.filter((i) => i.keyword === keyword).at(-1);
  const user = last("USER")?.args.trim().split(":")[0];
  if (user === undefined || user === "root" || user === "0")
    problems.push(`final stage: expected USER with an unprivileged user, got ${user ?? "none"}`);
  const healthcheck = last("HEALTHCHECK");
  if (healthcheck === undefined || /^NONE\b/i.test(healthcheck.args))
    problems.push("final stage: expected a HEALTHCHECK");
  const entrypoint = last("ENTRYPOINT");
  const cmd = last("CMD");
  const entry = entrypoint === undefined ? [] : splitArgs(entrypoint.args).words;
  const bin = readManifest("packages/cli")?.bin?.updraft?.replace(/^\.\//, "");
  const script = `packages/cli/${bin ?? "dist/main.js"}`;
  if (entry.join(" ") !== `node ${script}` && entry.join(" ") !== "updraft")
    problems.push(
      `final stage: expected ENTRYPOINT ["node", "${script}"], got ${JSON.stringify(entry)}`,
    );
  if (cmd === undefined) problems.push("final stage: expected a default CMD");
  const finalCopies = final.filter((i) => i.keyword === "COPY");
  for (const [name, { folder, hasDist }] of runtimeWorkspacePackages()) {
    const wanted = hasDist ? `${folder}/dist` : folder;
    if (
      !finalCopies.some((i) =>
        splitArgs(i.args)
          .words.slice(0, -1)
          .some((s) => s.includes(wanted)),
      )
    )
      problems.push(`final stage: the CLI loads ${name}, expected a COPY of ${wanted}`);
  }
  const pnpm = /pnpm@(\d+\.\d+\.\d+)/.exec(text)?.[1];
  const wantedPnpm = readManifest(".")?.packageManager?.replace(/^pnpm@/, "");
  if (pnpm !== wantedPnpm)
    problems.push(
      `expected pnpm@${wantedPnpm} (package.json packageManager), got ${pnpm ?? "none"}`,
    );
  return { problems, defaultArgv: cmd === undefined ? [] : splitArgs(cmd.args).words };
}

// ---------------------------------------------------------------------------------------------

const EXAMPLE_ENV = parseDotenv(readFileSync(path.join(DOCKER, ".env.example"), "utf8"));
const composeFile = (vars: Env = EXAMPLE_ENV): ComposeFile =>
  loadCompose(path.join(DOCKER, "compose.yaml"), vars);

describe("docker/compose.yaml", () => {
  test("passes every check with docker/.env.example's values", async () => {
    expect(await checkCompose(composeFile())).toEqual([]);
  });

  test.each([
    ["migrate", "db migrate", {}],
    ["scheduler", "scheduler", {}],
    ["worker", "worker", { concurrency: "8", queues: "default" }],
    ["api-server", "api-server", {}],
    ["demo", "demo source", { rate: "3/min" }],
  ])("%s runs `updraft %s` as the CLI parses it", async (name, commandPath, options) => {
    const service = composeFile().services[name]!;
    const { command, errors } = await parseUpdraftCommand(argvOf(service), environmentOf(service));
    expect(errors).toEqual([]);
    expect(command?.path).toBe(commandPath);
    expect(command?.options).toMatchObject(options);
  });

  test("holds the production topology: two schedulers, a scalable worker, the UI on 8080", () => {
    const { services } = composeFile();
    expect(Object.keys(services).sort()).toEqual(
      [
        "api-server",
        "demo",
        "demo-source-db",
        "mailpit",
        "migrate",
        "postgres",
        "redis",
        "scheduler",
        "worker",
      ].sort(),
    );
    expect(services.scheduler?.deploy?.replicas).toBe(2);
    expect(services["api-server"]?.ports).toEqual(["8080:8080"]);
    for (const name of ["scheduler", "worker", "api-server"])
      expect(dependenciesOf(services[name]!).get("migrate")).toBe("service_completed_successfully");
    expect(environmentOf(services.scheduler!).AIRFLOW__SMTP__SMTP_HOST).toBe("mailpit");
  });

  test("stops with a message naming UPDRAFT_API_SECRET_KEY when it is not set", () => {
    const { UPDRAFT_API_SECRET_KEY: _secret, ...withoutSecret } = EXAMPLE_ENV;
    expect(() => composeFile(withoutSecret)).toThrow(/UPDRAFT_API_SECRET_KEY.*32\+ characters/);
  });

  test("every required ${VAR:?…} has a value in docker/.env.example", () => {
    const text = readFileSync(path.join(DOCKER, "compose.yaml"), "utf8");
    const required = [...text.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*):?\?/g)].map((m) => m[1]!);
    expect(required.length).toBeGreaterThan(0);
    expect(required.filter((name) => !EXAMPLE_ENV[name])).toEqual([]);
  });
});

describe("docker/Dockerfile", () => {
  const report = checkDockerfile(readFileSync(DOCKERFILE, "utf8"));

  test("passes every check: stages, pinned FROMs, non-root USER, HEALTHCHECK, COPY sources", () => {
    expect(report.problems).toEqual([]);
  });

  test("its default command is one the CLI runs", async () => {
    const { command, errors } = await parseUpdraftCommand(report.defaultArgv, {
      UPDRAFT_DATABASE_URL: "postgresql://updraft@postgres:5432/updraft",
    });
    expect(errors).toEqual([]);
    expect(command?.path).toBe("api-server");
  });
});

describe("the checks fail on broken files", () => {
  test("a broken compose file: every problem is reported", async () => {
    const broken = loadCompose(path.join(FIXTURES, "compose.broken.yaml"), {});
    const problems = await checkCompose(broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        "web: image nginx is not pinned (expected name:tag, not latest)",
        "cache: image redis:latest is not pinned (expected name:tag, not latest)",
        "cache: expected a healthcheck",
        "scheduler: build expected docker/Dockerfile of the repository, got docker/Missing.Dockerfile",
        "scheduler: expected deploy.replicas >= 2 (HA), got 1",
        "worker: container_name stops --scale worker=N",
        "worker: a published port stops --scale worker=N",
        "api: depends on postgress, no such service",
        "api: waits for web to be healthy, which has no healthcheck",
        "api: updraft api-server: UPDRAFT_API_SECRET_KEY: required with a Postgres metadata database (every API server must sign tokens with the same secret); expected at least 32 characters",
        "api: UPDRAFT_REDIS_URL names host redis-cache, not a service of this file",
        "migrate: updraft scheduler: expected UPDRAFT_REDIS_URL and the BullMQExecutor (workers are other containers)",
      ]),
    );
    const byService = (name: string): string[] => problems.filter((p) => p.startsWith(`${name}: `));
    expect(byService("worker")).toContainEqual(
      expect.stringMatching(/unknown option '--concurency'/),
    );
    expect(byService("webserver")).toContainEqual(
      expect.stringMatching(/unknown command 'webserver'/),
    );
    expect(byService("standalone-db")).toContainEqual(
      expect.stringMatching(/UPDRAFT_DATABASE_URL: expected a postgresql:\/\/ URL/),
    );
  });

  test("a broken Dockerfile: every problem is reported", () => {
    const { problems } = checkDockerfile(
      readFileSync(path.join(FIXTURES, "Dockerfile.broken"), "utf8"),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        "line 3: FROM node is not pinned (expected name:tag, not latest)",
        "line 4: COPY packages/nowhere: not in the repository",
        "line 5: COPY node_modules: excluded by .dockerignore",
        "line 7: FROM node:latest is not pinned (expected name:tag, not latest)",
        "line 8: COPY --from=builder, no earlier stage of that name",
        "final stage: expected USER with an unprivileged user, got root",
        "final stage: expected a HEALTHCHECK",
        'final stage: expected ENTRYPOINT ["node", "packages/cli/dist/main.js"], got ["node","packages/cli/dist/index.js"]',
        "final stage: the CLI loads @updraft/runtime, expected a COPY of packages/runtime/dist",
        "final stage: the CLI loads @updraft/dags, expected a COPY of dags",
        "expected pnpm@10.34.8 (package.json packageManager), got 9.0.0",
      ]),
    );
    expect(checkDockerfile("FROM node:20.20.2-bookworm-slim\nUSER node\n").problems).toContain(
      "expected a multi-stage build, got 1 stage(s)",
    );
  });
});
