#!/usr/bin/env node
// Runs the TypeScript CLI through tsx (installed at the repository root).
require("tsx/cjs");
require("../src/cli.ts");
