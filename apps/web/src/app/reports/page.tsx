import type { Metadata } from "next";
import { Suspense } from "react";
import { Loading } from "../../components/states";
import { ReportsView } from "../../views/ReportsView";

export const metadata: Metadata = { title: "Reports" };

export default function Page() {
  return (
    <Suspense fallback={<Loading />}>
      <ReportsView />
    </Suspense>
  );
}
