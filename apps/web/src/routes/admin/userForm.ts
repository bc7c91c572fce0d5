// The users page's checks, made before anything is sent, as the API makes them: a username of
// 1 to 64 letters, digits or `._@-`, an email that looks like one, a password typed twice the
// same (or generated).

export const USERNAME_PATTERN = /^[A-Za-z0-9._@-]{1,64}$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_PASSWORD_LENGTH = 1024;

/** What was chosen in the password fields. */
export interface PasswordChoice {
  /** Generated: made up on saving and shown once. */
  readonly generated: boolean;
  readonly password: string;
  readonly confirmation: string;
}

export const EMPTY_PASSWORD_CHOICE: PasswordChoice = {
  generated: false,
  password: "",
  confirmation: "",
};

export function usernameProblem(username: string): string | null {
  if (username === "") return "Give the user a username.";
  return USERNAME_PATTERN.test(username)
    ? null
    : "Use 1 to 64 letters, digits or . _ @ - (no spaces).";
}

export function emailProblem(email: string): string | null {
  return email.trim() === "" || EMAIL_PATTERN.test(email.trim())
    ? null
    : "That does not look like an email address (name@example.com).";
}

export function passwordProblem(choice: PasswordChoice): string | null {
  if (choice.generated) return null;
  if (choice.password === "") return "Type a password, or generate one.";
  if (choice.password.length > MAX_PASSWORD_LENGTH)
    return `The password is at most ${MAX_PASSWORD_LENGTH} characters.`;
  if (choice.password !== choice.confirmation) return "The two passwords are not the same.";
  return null;
}

/** A name or email as the API stores it: null when left empty. */
export const orNull = (text: string): string | null => (text.trim() === "" ? null : text.trim());
