/**
 * vitest globalSetup: one real PostgreSQL for the whole run. Tests get its admin URL through
 * `inject("TEST_DATABASE_URL")` or `process.env.TEST_DATABASE_URL` and create their own databases
 * (see test/helpers/databases.ts). An externally provided TEST_DATABASE_URL is used as is.
 */
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../helpers/embedded-postgres.js";

declare module "vitest" {
  export interface ProvidedContext {
    TEST_DATABASE_URL: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.TEST_DATABASE_URL;
  const server = external ? undefined : await startEmbeddedPostgres();
  const url = external ?? server!.url;
  process.env.TEST_DATABASE_URL = url;
  project.provide("TEST_DATABASE_URL", url);
  return async () => {
    await server?.stop();
  };
}
