import type { Metadata } from "next";
import { Suspense } from "react";
import { Loading } from "../../components/states";
import { LaunchView } from "../../views/LaunchView";

export const metadata: Metadata = { title: "Launch" };

export default function Page() {
  return (
    <Suspense fallback={<Loading />}>
      <LaunchView />
    </Suspense>
  );
}
