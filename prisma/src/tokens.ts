import { createHash, randomBytes } from "node:crypto";

/** Every Loffta API token starts with this, so leaked tokens are easy to recognise. */
export const TOKEN_PREFIX = "lft_";

/** A new random token. Store only hashToken(secret); show the secret once. */
export function generateToken(): { secret: string; prefix: string; hash: string } {
  const secret = TOKEN_PREFIX + randomBytes(24).toString("base64url");
  return { secret, prefix: secret.slice(0, TOKEN_PREFIX.length + 6), hash: hashToken(secret) };
}

export function hashToken(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}
