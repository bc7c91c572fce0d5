// Everything an end-to-end test file runs against: the UI built from source, a fresh metadata
// database, `updraft standalone` serving both over a DAGs folder of the test's choosing, and
// headless Chromium. start…() releases what it started if any step fails; stop() releases it
// all (browser, server, databases, temp folders) and is what afterAll calls.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestDatabase } from "@updraft/testing";
import type { Browser } from "playwright-core";
import { launchBrowser } from "./browser";
import { buildUi } from "./buildUi";
import { Cleanups } from "./cleanups";
import { type StandaloneServer, startStandalone } from "./startStandalone";

export interface E2eEnvironment {
  readonly server: StandaloneServer;
  readonly browser: Browser;
  /** The metadata database's URL, for CLI commands beside the server (`users create`). */
  readonly databaseUrl: string;
  /** A temp folder that is removed with the environment. */
  readonly scratch: string;
  stop(): Promise<void>;
}

export interface E2eOptions {
  readonly dagsFolder: string;
  /**
   * Work done while the UI builds (e.g. filling a source database), given the scratch folder and
   * the cleanups to add its own to; resolves with more server settings (AIRFLOW_CONN_*, …).
   */
  readonly prepare?: (
    scratch: string,
    cleanups: Cleanups,
  ) => Promise<Readonly<Record<string, string>>>;
}

/** A settled step's value, or its error (once every step's cleanup is registered). */
function valueOf<T>(step: PromiseSettledResult<T>): T {
  if (step.status === "rejected") throw step.reason;
  return step.value;
}

export async function startE2eEnvironment(options: E2eOptions): Promise<E2eEnvironment> {
  const cleanups = new Cleanups();
  try {
    const scratch = mkdtempSync(path.join(tmpdir(), "updraft-e2e-"));
    cleanups.add(() => rmSync(scratch, { recursive: true, force: true }));
    cleanups.add(() => rmSync(options.dagsFolder, { recursive: true, force: true }));
    const [ui, metadata, prepared] = await Promise.allSettled([
      buildUi(),
      createTestDatabase({ templateKey: "e2e_empty", prepare: async () => undefined }),
      options.prepare?.(scratch, cleanups) ?? Promise.resolve({}),
    ]);
    if (ui.status === "fulfilled")
      cleanups.add(() => rmSync(ui.value, { recursive: true, force: true }));
    if (metadata.status === "fulfilled") cleanups.add(() => metadata.value.drop());
    const uiDir = valueOf(ui);
    const metadataUrl = valueOf(metadata).url;
    const settings = valueOf(prepared);
    const server = await startStandalone({
      UPDRAFT_HOME: path.join(scratch, "home"),
      UPDRAFT_DATABASE_URL: metadataUrl,
      UPDRAFT_DAGS_FOLDER: options.dagsFolder,
      UPDRAFT_UI_DIR: uiDir,
      ...settings,
    });
    cleanups.add(() => server.stop());
    const browser = await launchBrowser();
    cleanups.add(() => browser.close());
    return {
      server,
      browser,
      databaseUrl: metadataUrl,
      scratch,
      stop: () => cleanups.run(),
    };
  } catch (error) {
    await cleanups.run().catch(() => undefined);
    throw error;
  }
}
