import type { Metadata } from "next";
import { CacheDetailView } from "../../../views/CacheDetailView";

export const metadata: Metadata = { title: "Feature cache" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <CacheDetailView id={id} />;
}
