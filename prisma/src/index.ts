export * from "./client";
export * from "./database";
export * from "./embedded";
export * from "./tokens";
export * from "./seed";
