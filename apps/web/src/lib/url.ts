"use client";
/** Page state kept in the URL query string, so every view is a shareable link. */
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";

export function useUrlState() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const set = useCallback(
    (updates: Record<string, string | string[] | null | undefined>, mode: "replace" | "push" = "replace") => {
      const next = new URLSearchParams(params.toString());
      for (const [k, v] of Object.entries(updates)) {
        next.delete(k);
        if (v == null || v === "") continue;
        if (Array.isArray(v)) v.forEach((x) => next.append(k, x));
        else next.set(k, v);
      }
      const qs = next.toString();
      const url = qs ? `${pathname}?${qs}` : pathname;
      if (mode === "push") router.push(url, { scroll: false });
      else router.replace(url, { scroll: false });
    },
    [params, pathname, router],
  );
  /** Comma-separated list parameter. */
  const list = useCallback(
    (k: string): string[] =>
      (params.get(k) ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    [params],
  );
  return { params, set, list };
}
