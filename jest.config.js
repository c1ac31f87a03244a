/** Jest: every workspace's *.test.ts, transpiled by SWC (type-checking is `npm run typecheck`). */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/prisma", "<rootDir>/graphql", "<rootDir>/apps/api", "<rootDir>/apps/worker", "<rootDir>/tests", "<rootDir>/scripts"],
  testMatch: ["**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "/.next/"],
  transform: { "^.+\\.tsx?$": ["@swc/jest", { jsc: { target: "es2022", parser: { syntax: "typescript" } }, module: { type: "commonjs" } }] },
  globalSetup: "<rootDir>/tests/support/global-setup.ts",
  globalTeardown: "<rootDir>/tests/support/global-teardown.ts",
  testTimeout: 60000,
  slowTestThreshold: 20,
};
