/**
 * loffta-worker command line. Subcommands live in a table: add `extract`, `serve`… by adding
 * an entry { usage, describe, run(argv) → exit code }.
 */
import { logSafe } from "@loffta/graphql/log-safe";
import { CliUsageError } from "./cli/errors";
import { trainCommand, trainUsage } from "./cli/train-command";
import { extractCommand } from "./extract/cli";
import { importCommand } from "./importers/command";
import { serveCommand } from "./service/command";

export interface Command {
  usage: string;
  describe: string;
  run(argv: string[]): Promise<number>;
}

export const commands: Record<string, Command> = {
  train: {
    usage: trainUsage,
    describe: "train a classifier on a feature cache; JSON summary on stdout",
    run: trainCommand,
  },
  extract: extractCommand,
  serve: serveCommand,
  import: importCommand,
};

function usage(): string {
  return [
    "usage: loffta-worker <command> [options]",
    "",
    ...Object.values(commands).map((c) => `  loffta-worker ${c.usage}\n      ${c.describe}`),
  ].join("\n");
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stderr.write(usage() + "\n");
    return name ? 0 : 2;
  }
  const cmd = commands[name];
  if (!cmd) {
    process.stderr.write(
      `loffta-worker: unknown command ${logSafe(JSON.stringify(name))} (commands: ${Object.keys(commands).join(", ")})\n`,
    );
    return 2;
  }
  try {
    return await cmd.run(rest);
  } catch (e) {
    if (e instanceof CliUsageError) {
      process.stderr.write(`loffta-worker ${name}: ${logSafe(e.message.replace(/\s*\n\s*/g, " "))}\n`);
      return 2;
    }
    // Error messages carry user strings (names in the API's answers): one escaped line (log-safe).
    process.stderr.write(`loffta-worker ${name}: unexpected error: ${logSafe(e)}\n`);
    return 1;
  }
}

/** Run the CLI on `argv` and set the exit code: what the `loffta-worker` bin calls (however it is reached: npx, a symlink in node_modules/.bin, a path). */
export function runCli(argv: string[]): void {
  main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`loffta-worker: ${logSafe(e)}\n`);
      process.exitCode = 1;
    },
  );
}

if (require.main === module) runCli(process.argv.slice(2));
