import Link from "next/link";

export default function NotFound() {
  return (
    <div className="state empty">
      <strong>Page not found.</strong> <Link href="/">Back to the overview</Link>
    </div>
  );
}
