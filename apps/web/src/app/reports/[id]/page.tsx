import type { Metadata } from "next";
import { ReportDetailView } from "../../../views/ReportDetailView";

export const metadata: Metadata = { title: "Report" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ReportDetailView id={id} />;
}
