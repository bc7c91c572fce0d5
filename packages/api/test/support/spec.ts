// Airflow's own OpenAPI document (Airflow 3, public API v2, as FastAPI generates it: real 3.1,
// nullability as anyOf with null, nullable keys still required — see
// ../shared/airflow-openapi/README.md) and a validator of responses against it. The file is
// read from the shared folder beside the repository, never copied into it.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { parse } from "yaml";

const FILE = "airflow3-v2-rest-api-generated.apache-main-4bf2df84.yaml";
const REPO = path.join(__dirname, "..", "..", "..", "..");

function specPath(): string {
  const candidates = [
    process.env.UPDRAFT_AIRFLOW_OPENAPI_DIR,
    path.join(REPO, "..", "shared", "airflow-openapi"),
    "/work/shared/airflow-openapi",
  ].filter((dir): dir is string => dir !== undefined);
  for (const dir of candidates) if (existsSync(path.join(dir, FILE))) return path.join(dir, FILE);
  throw new Error(
    `Airflow's OpenAPI file ${FILE} was not found in ${candidates.join(", ")}; set UPDRAFT_AIRFLOW_OPENAPI_DIR`,
  );
}

interface Operation {
  readonly responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

interface Spec {
  readonly paths: Record<string, Record<string, Operation>>;
}

let loaded: { spec: Spec; ajv: Ajv2020 } | undefined;

function load(): { spec: Spec; ajv: Ajv2020 } {
  if (loaded !== undefined) return loaded;
  const spec = parse(readFileSync(specPath(), "utf8")) as Spec;
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema({ $id: "airflow.json", ...spec });
  loaded = { spec, ajv };
  return loaded;
}

const validators = new Map<string, ValidateFunction>();

/** The schema of `method path` answering `status` with JSON, compiled. */
function validatorFor(method: string, pathTemplate: string, status: number): ValidateFunction {
  const key = `${method} ${pathTemplate} ${status}`;
  const cached = validators.get(key);
  if (cached !== undefined) return cached;
  const { spec, ajv } = load();
  const operation = spec.paths[pathTemplate]?.[method.toLowerCase()];
  if (operation === undefined)
    throw new Error(`the spec has no operation ${method} ${pathTemplate}`);
  const response = operation.responses?.[String(status)];
  if (response === undefined)
    throw new Error(`the spec's ${method} ${pathTemplate} declares no ${status} response`);
  const pointer = `#/paths/${pathTemplate.replace(/~/g, "~0").replace(/\//g, "~1")}/${method.toLowerCase()}/responses/${status}/content/application~1json/schema`;
  const validate = ajv.compile({ $ref: `airflow.json${pointer}` });
  validators.set(key, validate);
  return validate;
}

/** Fails (with the spec's complaints) unless `body` is what the spec says `method path` answers with `status`. */
export function expectMatchesSpec(
  response: { readonly status: number; readonly body: unknown },
  method: string,
  pathTemplate: string,
): void {
  const validate = validatorFor(method, pathTemplate, response.status);
  if (!validate(response.body))
    throw new Error(
      `${method} ${pathTemplate} → ${response.status} does not match Airflow's spec:\n` +
        JSON.stringify(validate.errors?.slice(0, 10), null, 2) +
        `\nbody: ${JSON.stringify(response.body).slice(0, 2000)}`,
    );
}
