// Where the end-to-end harness finds the repository: the CLI's source, the web UI, the shipped
// DAGs and the screenshots folder.
import path from "node:path";

export const REPO_ROOT = path.resolve(__dirname, "..", "..", "..", "..", "..");
export const WEB_ROOT = path.join(REPO_ROOT, "apps", "web");
export const CLI_MAIN = path.join(REPO_ROOT, "packages", "cli", "src", "main.ts");
export const SHIPPED_DAGS = path.join(REPO_ROOT, "dags");
export const SCREENSHOTS = path.join(REPO_ROOT, "docs", "screenshots");
