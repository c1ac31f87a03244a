import type { Metadata } from "next";
import { Suspense } from "react";
import { Loading } from "../../components/states";
import { QueueView } from "../../views/QueueView";

export const metadata: Metadata = { title: "Queue" };

export default function Page() {
  return (
    <Suspense fallback={<Loading />}>
      <QueueView />
    </Suspense>
  );
}
