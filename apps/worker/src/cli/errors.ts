/** A user-facing CLI error: printed as one line, exit code 2. */
export class CliUsageError extends Error {
  override name = "CliUsageError";
}
