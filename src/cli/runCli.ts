import { ConfigError } from '../config';
import { DatabaseError } from '../db/queryRunner';
import { SeedValidationError } from '../seed/loadSeed';
import { LauncherError } from '../neo4j/startNeo4j';
import { ImportCsvUnsuitable } from '../seed/importCsv';
import { ImportFailed } from '../seed/importerLoad';

/** Runs a command-line entry point: expected failures print their message (no stack) and exit 1. */
export function runCli(name: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    const expected = [
      ConfigError,
      DatabaseError,
      SeedValidationError,
      LauncherError,
      UsageError,
      ImportFailed,
      ImportCsvUnsuitable,
    ].some((type) => error instanceof type);
    console.error(`${name}: ${expected ? (error as Error).message : ((error as Error)?.stack ?? String(error))}`);
    process.exit(1);
  });
}

/** A wrong command-line argument. */
export class UsageError extends Error {}
