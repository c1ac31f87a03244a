import type { Metadata } from "next";
import { SweepView } from "../../../views/SweepView";

export const metadata: Metadata = { title: "Sweep" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <SweepView id={id} />;
}
