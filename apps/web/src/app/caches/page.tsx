import type { Metadata } from "next";
import { Suspense } from "react";
import { Loading } from "../../components/states";
import { CachesView } from "../../views/CachesView";

export const metadata: Metadata = { title: "Feature caches" };

export default function Page() {
  return (
    <Suspense fallback={<Loading />}>
      <CachesView />
    </Suspense>
  );
}
