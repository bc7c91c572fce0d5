// Debian's Chromium, headless, driven by playwright-core (never a downloaded browser), and the
// login every scenario starts with. Pages are 1280×800, the size the issue asks the UI to read
// well at and the size of the screenshots.
import { existsSync } from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
export const VIEWPORT = { width: 1280, height: 800 } as const;

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `the browser tests drive Debian's Chromium at ${CHROMIUM}, which is not installed (apt-get install chromium)`,
    );
  return chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"], headless: true });
}

/** A page in a fresh context (its own localStorage, so its own login) on `baseUrl`. */
export async function openPage(browser: Browser, baseUrl: string): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT, baseURL: baseUrl });
  context.setDefaultTimeout(15_000);
  return context.newPage();
}

/** Logs in through the login page and waits for the logged-in layout. */
export async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("navigation", { name: "Main" }).waitFor();
}
