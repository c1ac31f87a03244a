import type { Metadata } from "next";
import { Suspense } from "react";
import { Loading } from "../../components/states";
import { SettingsView } from "../../views/SettingsView";

export const metadata: Metadata = { title: "Settings" };

export default function Page() {
  return (
    <Suspense fallback={<Loading />}>
      <SettingsView />
    </Suspense>
  );
}
