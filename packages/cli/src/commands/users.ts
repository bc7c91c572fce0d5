// `updraft users create | list | delete`: the API's users, as `airflow users …` manages FAB's
// (same flags: --username, --role, --firstname, --lastname, --email, --password). A password
// is taken from --password, or from stdin with --password-stdin (kept out of the shell's
// history), or else generated and printed once; it is stored only as its hash. A deleted user's
// tokens stop working at once.
import { addUser, generatePassword, ROLES, type Role } from "@updraft/api";
import { deleteUser, listUsers, type UserRow } from "@updraft/store";
import { type Command, Option } from "commander";
import type { Config } from "../config";
import { formatRows, type OutputFormat } from "../table";
import type { Io } from "./dags";
import { withMigratedDatabase } from "./withDatabase";

/** Flags of `users create`. */
export interface CreateUserFlags {
  readonly username: string;
  readonly role: Role;
  readonly firstname?: string;
  readonly lastname?: string;
  readonly email?: string;
  readonly password?: string;
  readonly passwordStdin?: boolean;
  readonly useRandomPassword?: boolean;
}

const MAX_STDIN_BYTES = 64 * 1024;

/** The first line of `stream` (to its end), without the line break. */
async function readFirstLine(stream: NodeJS.ReadableStream): Promise<string> {
  let text = "";
  for await (const chunk of stream) {
    text += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    if (text.length > MAX_STDIN_BYTES)
      throw new RangeError(
        `--password-stdin: expected one line, got over ${MAX_STDIN_BYTES} bytes`,
      );
  }
  return text.split(/\r?\n/)[0] ?? "";
}

/** Where the password comes from; null when it is to be generated. */
async function givenPassword(
  flags: CreateUserFlags,
  stdin: NodeJS.ReadableStream,
): Promise<string | null> {
  const sources = [
    flags.password !== undefined,
    flags.passwordStdin === true,
    flags.useRandomPassword === true,
  ].filter(Boolean).length;
  if (sources > 1)
    throw new RangeError(
      "--password, --password-stdin and --use-random-password: expected at most one",
    );
  if (flags.password !== undefined) return flags.password;
  if (flags.passwordStdin !== true) return null;
  const password = await readFirstLine(stdin);
  if (password === "")
    throw new RangeError("--password-stdin: expected a password on stdin, got an empty line");
  return password;
}

/** `users create`: exit 0; 1 with the reason when the user is refused or exists. */
export async function createUserCommand(
  config: Config,
  flags: CreateUserFlags,
  io: Io,
  stdin: NodeJS.ReadableStream = process.stdin,
): Promise<number> {
  const given = await givenPassword(flags, stdin);
  const password = given ?? generatePassword();
  return withMigratedDatabase(config, io, async (client) => {
    const user = await addUser(client, {
      username: flags.username,
      role: flags.role,
      password,
      firstName: flags.firstname ?? null,
      lastName: flags.lastname ?? null,
      email: flags.email ?? null,
    });
    io.out(`User ${user.username} created with role ${user.role}`);
    if (given === null) io.out(`Password: ${password}  (shown only now)`);
    return 0;
  });
}

function row(user: UserRow): Record<string, string | number | null> {
  return {
    id: user.id,
    username: user.username,
    email: user.email ?? "",
    first_name: user.firstName ?? "",
    last_name: user.lastName ?? "",
    role: user.role,
    active: String(user.active),
    created_at: user.createdAt.toISOString(),
    last_login: user.lastLogin?.toISOString() ?? "",
  };
}

const COLUMNS = [
  "id",
  "username",
  "email",
  "first_name",
  "last_name",
  "role",
  "active",
  "created_at",
  "last_login",
];

/** `users list`: every user by username (no password hashes: the query does not read them). */
export async function listUsersCommand(
  config: Config,
  output: OutputFormat,
  io: Io,
): Promise<number> {
  return withMigratedDatabase(config, io, async (client) => {
    io.out(formatRows((await listUsers(client)).map(row), COLUMNS, output));
    return 0;
  });
}

/** `users delete`: exit 0; 1 when there is no such user. */
export async function deleteUserCommand(config: Config, username: string, io: Io): Promise<number> {
  return withMigratedDatabase(config, io, async (client) => {
    const deleted = await deleteUser(client, { username });
    if (deleted === null) {
      io.err(`User ${username} does not exist`);
      return 1;
    }
    io.out(`User ${deleted.username} deleted`);
    return 0;
  });
}

/** Registers `users create | list | delete` on `program`. */
export function addUserCommands(
  program: Command,
  config: Config,
  io: Io,
  setCode: (code: number) => void,
): void {
  const users = program.command("users").description("Manage the API's users and their roles");
  users
    .command("create")
    .description("Create a user (the password is generated and printed once unless given)")
    .requiredOption("-u, --username <username>", "1 to 64 letters, digits or . _ @ -")
    .addOption(
      new Option("-r, --role <role>", "the user's role").choices(ROLES).makeOptionMandatory(),
    )
    .option("-f, --firstname <name>", "first name")
    .option("-l, --lastname <name>", "last name")
    .option("-e, --email <email>", "email address")
    .option(
      "-p, --password <password>",
      "the password (visible to ps and history: prefer --password-stdin)",
    )
    .option("--password-stdin", "read the password from the first line of stdin")
    .option("--use-random-password", "generate the password and print it once (the default)")
    .action(async (o: CreateUserFlags) => setCode(await createUserCommand(config, o, io)));
  users
    .command("list")
    .description("List the users")
    .addOption(
      new Option("-o, --output <format>", "output format")
        .choices(["table", "json", "plain"])
        .default("table"),
    )
    .action(async (o: { output: OutputFormat }) =>
      setCode(await listUsersCommand(config, o.output, io)),
    );
  users
    .command("delete")
    .description("Delete a user; their tokens stop working at once")
    .requiredOption("-u, --username <username>", "the user to delete")
    .action(async (o: { username: string }) =>
      setCode(await deleteUserCommand(config, o.username, io)),
    );
}
