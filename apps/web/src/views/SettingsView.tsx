"use client";
/**
 * Settings: the team's API tokens and members. Issue a token (its secret is shown once, with a
 * copy button), revoke one, add or remove members. What the caller may do is the API's rule
 * (graphql/auth.graphql): an ADMIN manages every token and member of its team, a MEMBER its own
 * user's tokens (scopes it holds, or READ), WORKER and READ tokens only look.
 */
import { useState, type FormEvent, type ReactNode } from "react";
import { Empty, ErrorBox, Loading } from "../components/states";
import {
  AddTeamMemberDocument,
  CreateTokenDocument,
  RemoveTeamMemberDocument,
  RevokeTokenDocument,
  SettingsDocument,
  type SettingsQuery,
  type TokenRowFragment,
  type TokenScope,
} from "../generated/graphql";
import type { ApiError } from "../lib/client";
import { fmtAgo, fmtDate } from "../lib/format";
import { useMutation, useQuery } from "../lib/hooks";
import { useSession } from "../lib/session";

/** What each scope lets a token do (the API's descriptions, shortened), in display order. */
const SCOPES: Record<TokenScope, string> = {
  READ: "read-only: queries and live updates, no changes",
  MEMBER: "create projects, datasets, models, caches and runs; its own tokens",
  WORKER: "run jobs as a worker",
  ADMIN: "everything, and the team's tokens and members",
};
const SCOPE_ORDER = Object.keys(SCOPES) as TokenScope[];

type Me = SettingsQuery["me"];

const isAdmin = (me: Me) => me.scopes.includes("ADMIN") && !me.scopes.includes("READ");
const canManageTokens = (me: Me) =>
  !me.scopes.includes("READ") && (me.scopes.includes("ADMIN") || me.scopes.includes("MEMBER"));

function tokenState(t: TokenRowFragment): "active" | "revoked" | "expired" {
  if (t.revokedAt) return "revoked";
  return t.active ? "active" : "expired";
}
const STATE_CLASS = {
  active: "status-ready",
  revoked: "status-failed",
  expired: "status-cancelled",
} as const;

/** Field errors of an ApiError by path (`input.name` → `name`). */
function fieldErrors(error: ApiError | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of error?.fields ?? []) out[f.path.replace(/^input\./, "")] = f.message;
  return out;
}

export function SettingsView() {
  const q = useQuery(SettingsDocument, {});
  return (
    <>
      <div className="page-head">
        <h1>Settings</h1>
      </div>
      <p className="muted">
        API tokens of your team and its members. A token is shown once, when it is issued: the API keeps only
        its SHA-256.
      </p>
      {q.error ? (
        <ErrorBox error={q.error} retry={() => void q.refetch()} />
      ) : !q.data ? (
        <Loading what="Loading settings" />
      ) : (
        <>
          {canManageTokens(q.data.me) && <NewToken data={q.data} onCreated={() => void q.refetch()} />}
          <Tokens data={q.data} onChange={() => void q.refetch()} />
          <Members data={q.data} onChange={() => void q.refetch()} />
        </>
      )}
    </>
  );
}

function NewToken({ data, onCreated }: { data: SettingsQuery; onCreated: () => void }) {
  const create = useMutation(CreateTokenDocument);
  const admin = isAdmin(data.me);
  const grantable = SCOPE_ORDER.filter(
    (s) => admin || s === "READ" || (s !== "ADMIN" && data.me.scopes.includes(s)),
  );
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<TokenScope[]>([]);
  const [expires, setExpires] = useState("");
  const [owner, setOwner] = useState<string>("me");
  const [created, setCreated] = useState<{ secret: string; name: string; prefix: string } | null>(null);
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  const errors = fieldErrors(create.error);

  const toggle = (s: TokenScope, on: boolean) =>
    setScopes((prev) =>
      on ? SCOPE_ORDER.filter((x) => x === s || prev.includes(x)) : prev.filter((x) => x !== s),
    );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const r = await create.mutate({
        input: {
          name,
          scopes,
          // A date is "until the end of that day" (UTC).
          expiresAt: expires ? new Date(`${expires}T23:59:59.999Z`).toISOString() : null,
          ...(admin && owner === "service" ? { service: true } : {}),
          ...(admin && owner !== "me" && owner !== "service" ? { userId: owner } : {}),
        },
      });
      setCreated({
        secret: r.createToken.secret,
        name: r.createToken.token.name,
        prefix: r.createToken.token.prefix,
      });
      setCopied(null);
      setName("");
      setScopes([]);
      setExpires("");
      onCreated();
    } catch {
      /* shown from create.error */
    }
  };

  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.secret);
      setCopied("yes");
    } catch {
      setCopied("no");
    }
  };

  return (
    <section className="card" data-testid="new-token">
      <div className="card-head">
        <h2>New token</h2>
      </div>
      {created && (
        <div className="state" role="status" data-testid="new-token-secret">
          <strong>
            Token {created.name} ({created.prefix}…) issued. Copy its secret now: it is shown only this once.
          </strong>
          <code className="mono" data-testid="token-secret" style={{ flexBasis: "100%", userSelect: "all" }}>
            {created.secret}
          </code>
          <div className="row">
            <button type="button" className="primary" onClick={() => void copy()}>
              Copy
            </button>
            <button type="button" onClick={() => setCreated(null)}>
              Done
            </button>
            {copied === "yes" && <span className="muted small">Copied to the clipboard.</span>}
            {copied === "no" && (
              <span className="muted small">Copying failed: select the secret and copy it.</span>
            )}
          </div>
          <span className="muted small">
            Send it as <code>Authorization: Bearer lft_…</code> (a worker: <code>--token</code>).
          </span>
        </div>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="new-token-form">
        <div className="inline-form">
          <Field label="Name" error={errors.name}>
            <input
              name="tokenName"
              value={name}
              maxLength={100}
              onChange={(e) => setName(e.target.value)}
              placeholder="e.g. laptop, gpu-box-1"
            />
          </Field>
          <Field label="Expires (optional)" error={errors.expiresAt}>
            <input name="expires" type="date" value={expires} onChange={(e) => setExpires(e.target.value)} />
          </Field>
          {admin && (
            <Field label="Issued to" error={errors.userId ?? errors.service}>
              <select name="owner" value={owner} onChange={(e) => setOwner(e.target.value)}>
                <option value="me">me</option>
                {data.team.members
                  .filter((m) => m.id !== data.me.user?.id)
                  .map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.name} ({m.email})
                    </option>
                  ))}
                <option value="service">service token (no user, e.g. workers)</option>
              </select>
            </Field>
          )}
        </div>
        <div role="group" aria-labelledby="token-scopes-label" data-testid="token-scopes">
          <span className="label" id="token-scopes-label">
            Scopes
          </span>
          {grantable.map((s) => (
            <label key={s} className="check">
              <input
                type="checkbox"
                name="scope"
                value={s}
                checked={scopes.includes(s)}
                onChange={(e) => toggle(s, e.target.checked)}
              />
              <strong>{s}</strong> <span className="muted small">{SCOPES[s]}</span>
            </label>
          ))}
          {errors.scopes && (
            <span className="field-error" role="alert">
              {errors.scopes}
            </span>
          )}
        </div>
        <button type="submit" className="primary" disabled={create.loading}>
          {create.loading ? "Issuing…" : "Issue token"}
        </button>
      </form>
      {create.error && !create.error.fields.length && <ErrorBox error={create.error} />}
    </section>
  );
}

function Tokens({ data, onChange }: { data: SettingsQuery; onChange: () => void }) {
  const { signOut } = useSession();
  const revoke = useMutation(RevokeTokenDocument);
  const [confirming, setConfirming] = useState<string | null>(null);
  const admin = isAdmin(data.me);
  const mayRevoke = (t: TokenRowFragment) =>
    canManageTokens(data.me) && !t.revokedAt && (admin || (!!t.user && t.user.id === data.me.user?.id));

  const doRevoke = async (t: TokenRowFragment) => {
    try {
      await revoke.mutate({ id: t.id });
      setConfirming(null);
      if (t.current) signOut();
      else onChange();
    } catch {
      /* shown from revoke.error */
    }
  };

  return (
    <section className="card">
      <div className="card-head">
        <h2>Tokens</h2>
        <span className="muted small">
          {admin ? "all of the team's tokens" : data.me.user ? "your tokens" : "this token"}
        </span>
      </div>
      {revoke.error && <ErrorBox error={revoke.error} />}
      {data.tokens.length === 0 ? (
        <Empty>No tokens.</Empty>
      ) : (
        <div className="table-wrap">
          <table className="data" data-testid="tokens-table">
            <thead>
              <tr>
                <th>Name</th>
                <th>Prefix</th>
                <th>Scopes</th>
                <th>User</th>
                <th>Created</th>
                <th>Last used</th>
                <th>Expires</th>
                <th>Status</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {data.tokens.map((t) => {
                const state = tokenState(t);
                return (
                  <tr key={t.id} data-token-id={t.id} data-token-name={t.name} data-state={state}>
                    <td>
                      <strong>{t.name}</strong>
                      {t.current && <span className="muted small"> (this session)</span>}
                    </td>
                    <td className="mono">{t.prefix}…</td>
                    <td>
                      {t.scopes.map((s) => (
                        <span key={s} className="chip" title={SCOPES[s]}>
                          {s}
                        </span>
                      ))}
                    </td>
                    <td className="small">{t.user ? t.user.name : <span className="muted">service</span>}</td>
                    <td className="small" title={fmtDate(t.createdAt)}>
                      {fmtAgo(t.createdAt)}
                    </td>
                    <td className="small">
                      {t.lastUsedAt ? fmtAgo(t.lastUsedAt) : <span className="muted">never</span>}
                    </td>
                    <td className="small">
                      {t.expiresAt ? fmtDate(t.expiresAt) : <span className="muted">never</span>}
                    </td>
                    <td>
                      <span
                        className={`badge ${STATE_CLASS[state]}`}
                        title={t.revokedAt ? `revoked ${fmtDate(t.revokedAt)}` : undefined}
                      >
                        {state}
                      </span>
                    </td>
                    <td>
                      {mayRevoke(t) &&
                        (confirming === t.id ? (
                          <span className="row">
                            <button
                              type="button"
                              className="danger"
                              disabled={revoke.loading}
                              onClick={() => void doRevoke(t)}
                            >
                              {t.current ? "Revoke and sign out" : "Confirm revoke"}
                            </button>
                            <button type="button" onClick={() => setConfirming(null)}>
                              Cancel
                            </button>
                          </span>
                        ) : (
                          <button type="button" className="danger" onClick={() => setConfirming(t.id)}>
                            Revoke
                          </button>
                        ))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Members({ data, onChange }: { data: SettingsQuery; onChange: () => void }) {
  const add = useMutation(AddTeamMemberDocument);
  const remove = useMutation(RemoveTeamMemberDocument);
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [confirming, setConfirming] = useState<string | null>(null);
  const admin = isAdmin(data.me);
  const errors = fieldErrors(add.error);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await add.mutate({ input: { email, name } });
      setEmail("");
      setName("");
      onChange();
    } catch {
      /* shown from add.error */
    }
  };
  const doRemove = async (id: string) => {
    try {
      await remove.mutate({ id });
      setConfirming(null);
      onChange();
    } catch {
      /* shown from remove.error */
    }
  };

  return (
    <section className="card">
      <div className="card-head">
        <h2>Members of {data.team.name}</h2>
        {!admin && <span className="muted small">only an ADMIN token adds or removes members</span>}
      </div>
      {remove.error && <ErrorBox error={remove.error} />}
      <div className="table-wrap">
        <table className="data" data-testid="members-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>E-mail</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {data.team.members.map((m) => (
              <tr key={m.id} data-member-email={m.email}>
                <td>
                  {m.name}
                  {m.id === data.me.user?.id && <span className="muted small"> (you)</span>}
                </td>
                <td className="mono small">{m.email}</td>
                <td>
                  {admin &&
                    m.id !== data.me.user?.id &&
                    (confirming === m.id ? (
                      <span className="row">
                        <button
                          type="button"
                          className="danger"
                          disabled={remove.loading}
                          onClick={() => void doRemove(m.id)}
                        >
                          Remove and revoke its tokens
                        </button>
                        <button type="button" onClick={() => setConfirming(null)}>
                          Cancel
                        </button>
                      </span>
                    ) : (
                      <button type="button" className="danger" onClick={() => setConfirming(m.id)}>
                        Remove
                      </button>
                    ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {admin && (
        <form
          className="inline-form"
          onSubmit={(e) => void submit(e)}
          noValidate
          data-testid="add-member-form"
        >
          <Field label="E-mail" error={errors.email}>
            <input
              name="memberEmail"
              type="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              placeholder="name@example.com"
            />
          </Field>
          <Field label="Name" error={errors.name}>
            <input name="memberName" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
          </Field>
          <button type="submit" disabled={add.loading}>
            {add.loading ? "Adding…" : "Add member"}
          </button>
        </form>
      )}
      {add.error && !add.error.fields.length && <ErrorBox error={add.error} />}
    </section>
  );
}

function Field({ label, error, children }: { label: string; error?: string; children: ReactNode }) {
  return (
    <label className={`field${error ? " invalid" : ""}`}>
      <span className="label">{label}</span>
      {children}
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </label>
  );
}
