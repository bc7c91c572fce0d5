// One jest project per package, so CI gets a single summary line. Tests import sibling
// packages' TypeScript source through the "@updraft/source" export condition: no build first.
const { readdirSync, existsSync } = require("node:fs");
const path = require("node:path");

const swc = [
  "@swc/jest",
  {
    jsc: {
      parser: { syntax: "typescript", tsx: true },
      target: "es2022",
      transform: { react: { runtime: "automatic" } },
    },
    module: { type: "commonjs" },
    sourceMaps: "inline",
  },
];

// Paths are taken from this file's folder, so `jest -c ../../jest.config.js` works from a package.
const roots = ["packages", "apps"]
  .map((dir) => path.join(__dirname, dir))
  .flatMap((dir) => (existsSync(dir) ? readdirSync(dir).map((name) => path.join(dir, name)) : []));
roots.push(path.join(__dirname, "dags"), path.join(__dirname, "infra"));

// The web UI's component tests run in jsdom with Testing Library's matchers; its end-to-end
// tests choose the node environment in their docblock (they drive a real Chromium).
const BROWSER = {
  testMatch: ["<rootDir>/test/**/*.test.ts?(x)", "<rootDir>/src/**/*.test.ts?(x)"],
  testEnvironment: "jsdom",
  testEnvironmentOptions: { customExportConditions: ["browser", "require", "default"] },
  setupFiles: ["<rootDir>/test/setupGlobals.cjs"],
  setupFilesAfterEnv: ["<rootDir>/test/setupDom.ts"],
  moduleNameMapper: { "\\.css$": "<rootDir>/test/styleStub.cjs" },
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 30_000,
  projects: roots
    .filter((root) => existsSync(path.join(root, "package.json")))
    .map((root) => ({
      displayName: path.basename(root),
      rootDir: root,
      testMatch: ["<rootDir>/test/**/*.test.ts", "<rootDir>/**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", "/dist/"],
      testEnvironment: "node",
      testEnvironmentOptions: {
        customExportConditions: ["@updraft/source", "node", "require", "default"],
      },
      transform: { "^.+\\.(t|j)sx?$": swc },
      ...(path.basename(root) === "web" ? BROWSER : {}),
    })),
};
