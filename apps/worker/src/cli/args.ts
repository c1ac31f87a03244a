/** Tiny flag parser: --name value, --name=value, --flag (boolean). */
import { CliUsageError } from "./errors";

export interface ParsedArgs {
  flags: Record<string, string | true>;
  positional: string[];
}

export function parseArgs(argv: string[], known: { values: string[]; booleans?: string[] }): ParsedArgs {
  const flags: Record<string, string | true> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith("--")) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf("=");
    const name = a.slice(2, eq > 0 ? eq : undefined);
    if (known.booleans?.includes(name)) {
      flags[name] = true;
      continue;
    }
    if (!known.values.includes(name)) throw new CliUsageError(`unknown option --${name}`);
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined || value.startsWith("--"))
      throw new CliUsageError(`option --${name} needs a value`);
    flags[name] = value;
  }
  return { flags, positional };
}
