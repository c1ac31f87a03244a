// Preload for the Prisma CLI only: the WASM schema engine (engine "js") leaves a 10 s / 60 s
// timer armed after migrate commands finish, which delays process exit. Unref long timers.
const orig = global.setTimeout;
global.setTimeout = function (fn, ms, ...args) {
  const t = orig(fn, ms, ...args);
  if (ms >= 10000 && t && typeof t.unref === "function") t.unref();
  return t;
};
