// The rate-limit counters on SQLite (the same SQL the Worker runs on D1; see workerd/d1-store.test.ts).
import Database from "better-sqlite3";
import { describe } from "vitest";
import { applyMigrations } from "../../src/stores/sql/migrations.js";
import { sqliteDriver } from "../../src/stores/sql/sqlite-driver.js";
import { readMigrations } from "../../src/stores/sqlite.js";
import { rateLimitStoreContract } from "./rate-limit-contract.js";

describe("rate-limit store on SQLite", () => {
  rateLimitStoreContract(async () => {
    const driver = sqliteDriver(new Database(":memory:"));
    await applyMigrations(driver, readMigrations());
    return driver;
  });
});
