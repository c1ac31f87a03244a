-- Runs trained outside the platform, logged by the W&B client (docs/wandb.md).
ALTER TYPE "RunKind" ADD VALUE 'EXTERNAL';
