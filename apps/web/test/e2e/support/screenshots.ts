// The docs' screenshots (docs/screenshots/<name>.png, 1280×800), taken from a scenario's real
// pages. Only with UPDRAFT_SCREENSHOTS=1, so an ordinary test run leaves the tree as it was.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { SCREENSHOTS } from "./repoPaths";

export const TAKE_SCREENSHOTS = process.env.UPDRAFT_SCREENSHOTS === "1";

export async function screenshot(page: Page, name: string): Promise<void> {
  if (!TAKE_SCREENSHOTS) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  // Let fonts and the last queries settle so the picture shows the page, not its loading (the
  // live event stream never goes idle, hence the bound).
  await page.evaluate(() => document.fonts.ready);
  await page.waitForLoadState("networkidle", { timeout: 3_000 }).catch(() => undefined);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}
