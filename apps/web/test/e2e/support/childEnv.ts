// The environment a child `updraft` process gets: this process's, minus every Updraft and
// Airflow setting (and jest's NODE_OPTIONS), plus what the test names, so a developer's own
// configuration never leaks into a test server.
export function childEnv(settings: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(UPDRAFT_|AIRFLOW_|AIRFLOW__)/.test(name) && name !== "NODE_OPTIONS",
    ),
  );
  return { ...inherited, ...settings };
}
