// @updraft/api: the Airflow-compatible REST API (v2 subset) over the metadata store.
export { createApiApp } from "./app";
export type { ApiContext, ApiOptions } from "./context";
export { ApiError } from "./http/apiError";
export type { ApiErrorCode, ValidationProblem } from "./http/apiError";
export { isRole, ROLES, roleAtLeast } from "./auth/roles";
export type { Role } from "./auth/roles";
export { issueToken, verifyToken } from "./auth/tokens";
export type { Principal, TokenOptions } from "./auth/tokens";
export { addUser } from "./auth/addUser";
export type { NewUser } from "./auth/addUser";
export { ensureAdminUser } from "./auth/ensureAdminUser";
export { generatePassword } from "./auth/generatePassword";
