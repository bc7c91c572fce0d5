import { emailProblem, orNull, passwordProblem, usernameProblem } from "./userForm";

test.each<[string, string | null]>([
  ["grace.hopper@navy-1", null],
  ["a", null],
  ["u".repeat(64), null],
  ["", "Give the user a username."],
  ["a b", "Use 1 to 64 letters, digits or . _ @ - (no spaces)."],
  ["u".repeat(65), "Use 1 to 64 letters, digits or . _ @ - (no spaces)."],
  ["o'brien", "Use 1 to 64 letters, digits or . _ @ - (no spaces)."],
])("username %j → %j", (username, problem) => {
  expect(usernameProblem(username)).toBe(problem);
});

test.each<[string, boolean]>([
  ["", true],
  ["ana@example.com", true],
  [" ana@example.com ", true],
  ["ana", false],
  ["ana@example", false],
  ["a na@example.com", false],
])("email %j is fine: %s", (email, fine) => {
  expect(emailProblem(email) === null).toBe(fine);
});

test.each<[string, Parameters<typeof passwordProblem>[0], string | null]>([
  ["generated", { generated: true, password: "", confirmation: "" }, null],
  ["typed twice", { generated: false, password: "pw", confirmation: "pw" }, null],
  [
    "empty",
    { generated: false, password: "", confirmation: "" },
    "Type a password, or generate one.",
  ],
  [
    "different",
    { generated: false, password: "a", confirmation: "b" },
    "The two passwords are not the same.",
  ],
  [
    "too long",
    { generated: false, password: "p".repeat(1025), confirmation: "p".repeat(1025) },
    "The password is at most 1024 characters.",
  ],
])("password %s", (_what, choice, problem) => {
  expect(passwordProblem(choice)).toBe(problem);
});

test("empty names and email are sent as null, others trimmed", () => {
  expect([orNull(""), orNull("  "), orNull(" Ana ")]).toEqual([null, null, "Ana"]);
});
