import type { Metadata } from "next";
import { SweepsView } from "../../views/SweepView";

export const metadata: Metadata = { title: "Sweeps" };

export default function Page() {
  return <SweepsView />;
}
