import { CliUsageError } from "../cli/errors";
import { parseServeArgv, serve } from "./main";

/** `loffta-worker serve`: the long-running worker (see service/main.ts). */
export const serveCommand = {
  usage: "serve --api URL [--token-file FILE] [--name N] [--home DIR] [--lease-seconds S] [--heartbeat-ms MS]  (token: LOFFTA_TOKEN or a chmod 600 file, never --token)",
  describe: "run jobs from the API's queue (extraction and training) until SIGINT/SIGTERM",
  async run(argv: string[]): Promise<number> {
    let args;
    try {
      args = parseServeArgv(argv);
    } catch (e) {
      throw new CliUsageError((e as Error).message);
    }
    await serve(args);
    await new Promise(() => {}); // runs until a signal stops the process (serve installs the handlers)
    return 0;
  },
};
