// Airflow's FAB auth manager API for users, at /auth/fab/v1 (outside /api/v2, as the FAB
// provider mounts it): GET/POST /users, GET/PATCH/DELETE /users/{username}, GET /roles — all
// for Admin only, with the same token as /api/v2 (whose user is looked up on every call, so a
// deleted, deactivated or demoted user loses access at once). Bodies are FAB's User schema,
// checked strictly: a problem is a 422 naming the field, and nothing is written. Passwords are
// stored as scrypt hashes and never returned. An Admin cannot delete, deactivate or demote
// themself, and the last active Admin cannot be removed (400 saying why).
import { getUserByUsername, isUserOrderKey, listUsersPage } from "@updraft/store";
import { Router } from "express";
import { z } from "zod";
import { addUser } from "../auth/addUser";
import { authenticate, principalOf, requireRole } from "../auth/authenticate";
import { ROLES } from "../auth/roles";
import { confirmTokenAccounts } from "../auth/tokenAccounts";
import type { ApiContext } from "../context";
import { ApiError, badRequest, conflict, notFound } from "../http/apiError";
import { pageRequest } from "../http/pagination";
import { pathSegment } from "../http/pathSegment";
import { queryNonNegativeInt } from "../http/queryParams";
import { storeOrderBy } from "../http/storeOrderBy";
import { updateMaskOf } from "../http/updateMask";
import { parseInput } from "../http/validation";
import { deleteFabUser } from "../users/deleteFabUser";
import { FAB_USER_PATCH_FIELDS, fabUserCreateBody, fabUserPatchBody } from "../users/fabUserBody";
import { fabUserChanges } from "../users/fabUserChanges";
import { fabUserResponse } from "../users/fabUserResponse";
import { parseUserBody } from "../users/parseUserBody";
import { patchFabUser, userNotFound } from "../users/patchFabUser";

/** order_by attribute → the store's order key (FAB's names and their Updraft spellings). */
const USER_ORDER_ATTRIBUTES: Readonly<Record<string, string>> = {
  id: "id",
  user_id: "id",
  username: "username",
  user_name: "username",
  first_name: "first_name",
  last_name: "last_name",
  email: "email",
  role: "role",
  active: "active",
  is_active: "active",
  created_on: "created_at",
  last_login: "last_login",
};

const pageQuery = z.object({
  limit: queryNonNegativeInt.optional(),
  offset: queryNonNegativeInt.optional(),
});

/** GET /roles: the four roles, by name (FAB's default order) or as order_by says. */
function rolesPage(query: Readonly<Record<string, unknown>>) {
  const page = pageRequest(query, { name: "name" }, "name", ["name"]);
  const descending = page.orderBy[0]?.descending ?? false;
  const names = [...ROLES].sort((a, b) => (descending ? b.localeCompare(a) : a.localeCompare(b)));
  const shown = names.slice(page.offset, page.offset + page.limit);
  return { roles: shown.map((name) => ({ name, actions: [] })), total_entries: names.length };
}

export function fabUsersRoutes(ctx: ApiContext): Router {
  const router = Router();
  const { auth } = ctx.options;
  const enabled = auth.enabled ?? true;
  const tokenOptions = {
    secret: auth.secret,
    ...(auth.expirationSeconds === undefined ? {} : { expirationSeconds: auth.expirationSeconds }),
  };
  if (enabled) router.use(confirmTokenAccounts(ctx.client, tokenOptions));
  router.use(authenticate({ ...tokenOptions, enabled }), requireRole("Admin"));

  router.get("/users", async (req, res) => {
    parseInput(pageQuery, req.query, "query");
    const page = pageRequest(req.query, USER_ORDER_ATTRIBUTES, "id", ["id"]);
    const result = await listUsersPage(ctx.client, {
      orderBy: storeOrderBy(page, isUserOrderKey),
      limit: page.limit,
      offset: page.offset,
    });
    res.json({ users: result.users.map(fabUserResponse), total_entries: result.totalEntries });
  });

  router.post("/users", async (req, res) => {
    const body = parseUserBody(fabUserCreateBody, req.body);
    try {
      const user = await addUser(ctx.client, {
        username: body.username,
        role: body.roles,
        password: body.password,
        firstName: body.first_name ?? null,
        lastName: body.last_name ?? null,
        email: body.email ?? null,
        active: body.active ?? true,
      });
      res.json(fabUserResponse(user));
    } catch (error) {
      if (error instanceof ApiError && error.code === "CONFLICT")
        throw conflict(`Username \`${body.username}\` already exists. Use PATCH to update.`);
      throw error;
    }
  });

  router.get("/users/:username", async (req, res) => {
    const username = pathSegment(req.params.username);
    const user = await getUserByUsername(ctx.client, { username });
    if (user === null) throw notFound(userNotFound(username));
    res.json(fabUserResponse(user));
  });

  router.patch("/users/:username", async (req, res) => {
    const username = pathSegment(req.params.username);
    const body = parseUserBody(fabUserPatchBody, req.body);
    const mask = updateMaskOf(req.query, FAB_USER_PATCH_FIELDS);
    const changes = fabUserChanges(username, body, req.body, mask, principalOf(req).username);
    res.json(fabUserResponse(await patchFabUser(ctx.client, username, changes)));
  });

  router.delete("/users/:username", async (req, res) => {
    const username = pathSegment(req.params.username);
    if (username === principalOf(req).username)
      throw badRequest("You cannot delete yourself: another Admin has to");
    await deleteFabUser(ctx.client, username);
    res.status(204).end();
  });

  router.get("/roles", (req, res) => {
    parseInput(pageQuery, req.query, "query");
    res.json(rolesPage(req.query));
  });

  router.use((req, _res, next) =>
    next(new ApiError("NOT_FOUND", `Not Found: ${req.method} /auth/fab/v1${req.path}`)),
  );
  return router;
}
