import type { Metadata } from "next";
import { RunDetailView } from "../../../views/RunDetailView";

export const metadata: Metadata = { title: "Run" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <RunDetailView id={id} />;
}
