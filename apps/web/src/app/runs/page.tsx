import type { Metadata } from "next";
import { Suspense } from "react";
import { Loading } from "../../components/states";
import { RunsView } from "../../views/RunsView";

export const metadata: Metadata = { title: "Runs" };

export default function Page() {
  return (
    <Suspense fallback={<Loading />}>
      <RunsView />
    </Suspense>
  );
}
