-- Lease length chosen at claim, used to renew the lease on heartbeat / progress.
ALTER TABLE "Job" ADD COLUMN "leaseSeconds" INTEGER NOT NULL DEFAULT 60;
