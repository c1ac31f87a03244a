import type { Metadata } from "next";
import { Suspense } from "react";
import { Loading } from "../../components/states";
import { DatasetsView } from "../../views/CatalogViews";

export const metadata: Metadata = { title: "Datasets" };

export default function Page() {
  return (
    <Suspense fallback={<Loading />}>
      <DatasetsView />
    </Suspense>
  );
}
