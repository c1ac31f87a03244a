import type { Metadata } from "next";
import { Suspense } from "react";
import { Loading } from "../components/states";
import { OverviewView } from "../views/OverviewView";

export const metadata: Metadata = { title: "Overview" };

export default function Page() {
  return (
    <Suspense fallback={<Loading />}>
      <OverviewView />
    </Suspense>
  );
}
