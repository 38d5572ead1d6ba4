-- Server-side sessions. The cookie carries a random token; only its SHA-256 is stored, so a
-- leaked database cannot be replayed as cookies.
CREATE TABLE "session" (
  "id" TEXT PRIMARY KEY CHECK ("id" ~ '^[0-9a-f]{64}$'),
  "user_id" UUID NOT NULL REFERENCES "app_user" ("id") ON DELETE CASCADE,
  "auth_method" TEXT NOT NULL CHECK ("auth_method" IN ('password', 'oidc')),
  "created_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "last_seen_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "expires_at" TIMESTAMPTZ NOT NULL,
  "ended_at" TIMESTAMPTZ,
  "ip" TEXT,
  "user_agent" TEXT
);
CREATE INDEX "session_user_idx" ON "session" ("user_id");

-- Login throttling, per account and per address: failures in the current window and, after too
-- many, a lock whose length doubles with each further failure.
CREATE TABLE "login_throttle" (
  "key" TEXT PRIMARY KEY,
  "failures" INTEGER NOT NULL DEFAULT 0,
  "window_started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "locked_until" TIMESTAMPTZ
);

-- OpenID Connect logins in flight: state, nonce and PKCE verifier, kept server-side.
CREATE TABLE "oidc_login" (
  "state" TEXT PRIMARY KEY,
  "nonce" TEXT NOT NULL,
  "code_verifier" TEXT NOT NULL,
  "return_to" TEXT NOT NULL DEFAULT '/',
  "created_at" TIMESTAMPTZ NOT NULL DEFAULT now()
);
