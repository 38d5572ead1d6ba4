import { type FormEvent, useId, useState } from 'react';
import { errorMessage } from '../api/errors.ts';
import { useSignIn } from './current-user.ts';
import { SingleSignOn } from './single-sign-on.tsx';

/** Email and password sign-in. A refusal shows the API's message (it never says which field was wrong). */
export function SignInPage() {
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const errorId = useId();
  const failed = signIn.isError;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    signIn.mutate({ email, password });
  }

  return (
    <main className="sign-in">
      <div className="sign-in__card">
        <h1 className="sign-in__title">Lantern</h1>
        <p className="sign-in__lead">Contextual safeguarding intelligence and mapping for Nottinghamshire.</p>
        <form className="form" onSubmit={submit} aria-labelledby="sign-in-heading" noValidate>
          <h2 id="sign-in-heading">Sign in</h2>
          {failed && (
            <p className="form__error" role="alert" id={errorId}>
              {errorMessage(signIn.error)}
            </p>
          )}
          <div className="form__field">
            <label htmlFor="sign-in-email">Email</label>
            <input
              id="sign-in-email"
              name="email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              aria-invalid={failed || undefined}
              aria-describedby={failed ? errorId : undefined}
            />
          </div>
          <div className="form__field">
            <label htmlFor="sign-in-password">Password</label>
            <input
              id="sign-in-password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              aria-invalid={failed || undefined}
              aria-describedby={failed ? errorId : undefined}
            />
          </div>
          <button className="button button--primary" type="submit" disabled={signIn.isPending}>
            {signIn.isPending ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
        <SingleSignOn />
      </div>
    </main>
  );
}
