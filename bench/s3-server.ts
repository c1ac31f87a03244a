/** An S3-compatible server (s3rver) in its own process for benchmarks: prints its env as one JSON line, runs until killed. */
import { startS3 } from "../tests/support/s3";

startS3("loffta-bench")
  .then((s3) => {
    process.stdout.write(JSON.stringify(s3.env("bench")) + "\n");
    const stop = () => void s3.close().then(() => process.exit(0));
    process.on("SIGTERM", stop);
    process.on("SIGINT", stop);
  })
  .catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
