import { breakEven, paretoFront } from "./cache-economics";

test("breakEven: reference seconds, saving after the build, the run that repays it (hand-computed)", () => {
  const ref = { source: "RUN" as const, kind: "UNFROZEN_LINEAR" as const, imagesPerSec: 10 };
  // Each run: 100 images → 10 s at the reference, trained in 4 s: 6 s saved a run; build 15 s.
  const runs = [3, 1, 2].map((t) => ({ id: `r${t}`, imagesSeen: 100, wallTimeSec: 4, endedAt: t }));
  const b = breakEven(15, runs, ref);
  expect(b.referenceSeconds).toBe(30);
  expect(b.savedSeconds).toBe(30 - 12 - 15);
  expect(b.breakEvenRuns).toBe(3); // 6, 12 < 15 ≤ 18
  expect(b.savedPerRunSeconds).toBe(6);
  expect(breakEven(100, runs, ref).breakEvenRuns).toBeNull();
  expect(breakEven(0, [], ref)).toMatchObject({ referenceSeconds: 0, savedSeconds: 0, breakEvenRuns: null, savedPerRunSeconds: null });
});

test("paretoFront: cheapest-first, each strictly better than every cheaper one", () => {
  const pts = [
    { cost: 10, metric: 0.9 }, // front
    { cost: 1, metric: 0.7 }, // front (cheapest)
    { cost: 5, metric: 0.7 }, // dominated by cost 1
    { cost: 3, metric: 0.8 }, // front
    { cost: 20, metric: 0.9 }, // dominated (same metric, dearer)
    { cost: 1, metric: 0.6 }, // dominated (same cost, worse)
    { cost: NaN, metric: 1 }, // no cost: not ranked
  ];
  expect(paretoFront(pts).sort()).toEqual([0, 1, 3]);
});
