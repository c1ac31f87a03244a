"use client";
/** Header with navigation, team and sign-out; shows the token form until signed in. */
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState, type FormEvent, type ReactNode } from "react";
import { useSession } from "../lib/session";
import { Loading } from "./states";

const NAV = [
  { href: "/", label: "Overview" },
  { href: "/runs", label: "Runs" },
  { href: "/sweeps", label: "Sweeps" },
  { href: "/compare", label: "Compare" },
  { href: "/reports", label: "Reports" },
  { href: "/launch", label: "Launch" },
  { href: "/caches", label: "Feature caches" },
  { href: "/queue", label: "Queue" },
  { href: "/datasets", label: "Datasets" },
  { href: "/models", label: "Foundation models" },
  { href: "/settings", label: "Settings" },
];

export function Shell({ children }: { children: ReactNode }) {
  const session = useSession();
  const pathname = usePathname();
  const signedIn = !!session.token;
  return (
    <>
      <header className="topbar">
        <Link href="/" className="brand">
          Loffta
        </Link>
        {signedIn && (
          <nav aria-label="Main">
            {NAV.map((n) => {
              const active =
                n.href === "/" ? pathname === "/" : pathname === n.href || pathname.startsWith(`${n.href}/`);
              return (
                <Link
                  key={n.href}
                  href={n.href}
                  className={active ? "active" : undefined}
                  aria-current={active ? "page" : undefined}
                >
                  {n.label}
                </Link>
              );
            })}
          </nav>
        )}
        <div className="who">
          {signedIn && (
            <>
              <span
                className="team"
                data-testid="team-name"
                title={
                  session.viewer
                    ? `token ${session.viewer.tokenName} (${session.viewer.tokenPrefix}…)`
                    : undefined
                }
              >
                {session.viewer ? session.viewer.team.name : "…"}
              </span>
              {session.viewer?.user && <span className="muted">{session.viewer.user.name}</span>}
              <button type="button" className="link" onClick={session.signOut}>
                Sign out
              </button>
            </>
          )}
        </div>
      </header>
      <main className="page">
        {session.token === undefined ? <Loading /> : signedIn ? children : <SignIn />}
      </main>
    </>
  );
}

function SignIn() {
  const { signIn, authError, apiUrl } = useSession();
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(value);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="signin card">
      <h1>Sign in</h1>
      <p>
        Paste an API token of your team (<code>lft_…</code>). <code>npm start</code> keeps a demo token in{" "}
        <code>.loffta/demo-token</code> (readable by you only: <code>cat .loffta/demo-token</code>). The token stays in this browser (localStorage) until you
        sign out.
      </p>
      {authError && !error && (
        <p className="error-text">The stored token was rejected: {authError.message}</p>
      )}
      <form onSubmit={submit}>
        <label>
          API token
          <input
            name="token"
            type="password"
            autoComplete="off"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            placeholder="lft_…"
            required
          />
        </label>
        <button type="submit" disabled={busy || !value.trim()}>
          {busy ? "Checking…" : "Sign in"}
        </button>
      </form>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <p className="muted small">API: {apiUrl}</p>
    </section>
  );
}
