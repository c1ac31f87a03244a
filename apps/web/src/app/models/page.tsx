import type { Metadata } from "next";
import { Suspense } from "react";
import { Loading } from "../../components/states";
import { ModelsView } from "../../views/CatalogViews";

export const metadata: Metadata = { title: "Foundation models" };

export default function Page() {
  return (
    <Suspense fallback={<Loading />}>
      <ModelsView />
    </Suspense>
  );
}
