import type { Metadata } from "next";
import { Suspense } from "react";
import { Loading } from "../../components/states";
import { CompareView } from "../../views/CompareView";

export const metadata: Metadata = { title: "Compare" };

export default function Page() {
  return (
    <Suspense fallback={<Loading />}>
      <CompareView />
    </Suspense>
  );
}
