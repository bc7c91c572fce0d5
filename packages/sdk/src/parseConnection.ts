// Parses an `AIRFLOW_CONN_<ID>` value into a Connection, by Airflow's rules
// (`models/connection.py::_parse_from_uri`): a JSON object when it starts with `{`, else a URI
// `conn_type://login:password@host:port/schema?extra_key=value`, every part percent-encoded.
import { Connection } from "./connection";

function unquote(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, "%20"));
  } catch {
    return text;
  }
}

function connType(scheme: string): string {
  const type = scheme.replace(/-/g, "_");
  return type === "postgresql" ? "postgres" : type;
}

/** Each query value JSON-decoded when possible; a lone `__extra__` is the whole extra. */
function extraOf(query: string): string | null {
  if (query === "") return null;
  const params = new URLSearchParams(query);
  const keys = [...params.keys()];
  if (keys.length === 1 && keys[0] === "__extra__") return params.get("__extra__");
  const extra: Record<string, unknown> = {};
  for (const [key, value] of params) {
    try {
      extra[key] = JSON.parse(value) as unknown;
    } catch {
      extra[key] = value;
    }
  }
  return JSON.stringify(extra);
}

function invalid(connId: string): Error {
  return new Error(`AIRFLOW_CONN_${connId.toUpperCase()}: Invalid connection string.`);
}

function fromJson(connId: string, text: string): Connection {
  const f = JSON.parse(text) as Record<string, unknown>;
  const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
  const port = f.port === undefined || f.port === null || f.port === "" ? null : Number(f.port);
  return new Connection({
    conn_id: connId,
    conn_type: connType(str(f.conn_type) ?? ""),
    host: str(f.host),
    login: str(f.login),
    password: str(f.password),
    schema: str(f.schema),
    port: port !== null && Number.isInteger(port) ? port : null,
    extra:
      typeof f.extra === "object" && f.extra !== null
        ? (f.extra as Record<string, unknown>)
        : str(f.extra),
  });
}

/** Parses an env connection (JSON or URI); throws "Invalid connection string." when malformed. */
export function parseConnection(connId: string, value: string): Connection {
  const text = value.trim();
  if (text.startsWith("{")) return fromJson(connId, text);
  const schemeEnd = text.indexOf("://");
  if (schemeEnd <= 0) throw invalid(connId);
  const scheme = text.slice(0, schemeEnd);
  let rest = text.slice(schemeEnd + 3);
  // `type://protocol://user:pass@host` keeps the inner protocol on the host.
  let protocol: string | null = null;
  const inner = rest.indexOf("://");
  if (inner >= 0) {
    protocol = rest.slice(0, inner);
    if (protocol.includes("@") || rest.slice(inner + 3).includes("://")) throw invalid(connId);
    rest = rest.slice(inner + 3);
  }
  const netlocEnd = rest.search(/[/?#]/);
  const netloc = netlocEnd < 0 ? rest : rest.slice(0, netlocEnd);
  const tail = netlocEnd < 0 ? "" : rest.slice(netlocEnd).replace(/#.*$/, "");
  const queryStart = tail.indexOf("?");
  const path = queryStart < 0 ? tail : tail.slice(0, queryStart);
  const query = queryStart < 0 ? "" : tail.slice(queryStart + 1);
  const at = netloc.lastIndexOf("@");
  const userinfo = at < 0 ? "" : netloc.slice(0, at);
  const hostport = at < 0 ? netloc : netloc.slice(at + 1);
  const colon = userinfo.indexOf(":");
  const login = colon < 0 ? userinfo : userinfo.slice(0, colon);
  const password = colon < 0 ? "" : userinfo.slice(colon + 1);
  const portMatch = /^(.*):(\d*)$/.exec(hostport);
  const hostText = unquote(portMatch ? (portMatch[1] ?? "") : hostport).toLowerCase();
  const portText = portMatch?.[2] ?? "";
  const host = hostText === "" ? null : protocol === null ? hostText : `${protocol}://${hostText}`;
  return new Connection({
    conn_id: connId,
    conn_type: connType(scheme),
    host,
    login: login === "" ? null : unquote(login),
    password: password === "" ? null : unquote(password),
    schema: unquote(path.replace(/^\//, "")),
    port: portText === "" ? null : Number(portText),
    extra: extraOf(query),
  });
}
