/*
 * The provider's pages (sign-in, sign-out, errors), French first and English.
 * Everything is in the page itself: these machines reach no CDN, and a
 * sign-in page should load nothing from elsewhere anyway.
 */

export type PageLocale = 'fr' | 'en';

const TEXT = {
  fr: {
    title: 'Connexion',
    heading: 'Connexion aux participations',
    intro:
      'Environnement de développement et de démonstration : en production, la connexion passe par le fournisseur d’identité du ministère.',
    forClient: 'Pour : {client}',
    login: 'Identifiant',
    loginHint: 'Votre identifiant dans l’annuaire, par exemple coord-lavoie.',
    password: 'Mot de passe',
    submit: 'Se connecter',
    badCredentials: 'Identifiant ou mot de passe incorrect, ou personne inactive dans l’annuaire.',
    errorTitle: 'Erreur',
    errorLead: 'Erreur :',
    switchLabel: 'Langue',
    other: 'English',
    logoutTitle: 'Déconnexion',
    logoutQuestion: 'Voulez-vous vous déconnecter ?',
    logoutYes: 'Me déconnecter',
    logoutNo: 'Rester connecté',
    loggedOut: 'Vous êtes déconnecté.',
    failed: 'La demande de connexion n’a pas abouti.',
  },
  en: {
    title: 'Sign in',
    heading: 'Sign in to participations',
    intro: "Development and demo environment: in production, people sign in through the ministry's identity provider.",
    forClient: 'For: {client}',
    login: 'Username',
    loginHint: 'Your directory identifier, for example coord-lavoie.',
    password: 'Password',
    submit: 'Sign in',
    badCredentials: 'Wrong username or password, or a person who is inactive in the directory.',
    errorTitle: 'Error',
    errorLead: 'Error:',
    switchLabel: 'Language',
    other: 'Français',
    logoutTitle: 'Sign out',
    logoutQuestion: 'Do you want to sign out?',
    logoutYes: 'Sign me out',
    logoutNo: 'Stay signed in',
    loggedOut: 'You are signed out.',
    failed: 'The sign-in request did not succeed.',
  },
} as const;

/**
 * The page's language: the one chosen with the switch, else the client's
 * `ui_locales`, else the browser's Accept-Language, else French.
 */
export function pickLocale(chosen?: unknown, uiLocales?: unknown, acceptLanguage?: string): PageLocale {
  if (chosen === 'fr' || chosen === 'en') return chosen;
  const wanted = [
    ...(typeof uiLocales === 'string' ? uiLocales.split(/\s+/) : []),
    ...(acceptLanguage ?? '')
      .split(',')
      .map((part) => part.split(';')[0].trim())
      .filter(Boolean),
  ];
  for (const tag of wanted) {
    const language = tag.toLowerCase().split('-')[0];
    if (language === 'fr' || language === 'en') return language;
  }
  return 'fr';
}

export interface LoginPageModel {
  locale: PageLocale;
  /** Where the form posts. */
  action: string;
  /** The same page in the other language. */
  switchHref: string;
  clientName: string;
  login?: string;
  failed?: boolean;
}

export function loginPage(model: LoginPageModel): string {
  const t = TEXT[model.locale];
  const other: PageLocale = model.locale === 'fr' ? 'en' : 'fr';
  const error = model.failed ? `<div id="error" class="error" role="alert"><strong>${t.errorLead}</strong> ${t.badCredentials}</div>` : '';
  const describedBy = model.failed ? ' aria-describedby="error login-hint" aria-invalid="true"' : ' aria-describedby="login-hint"';
  return page(
    model.locale,
    t.title,
    `<nav aria-label="${t.switchLabel}"><a href="${escape(model.switchHref)}" hreflang="${other}" lang="${other}">${t.other}</a></nav>
<h1>${t.heading}</h1>
<p>${escape(t.forClient.replace('{client}', model.clientName))}</p>
<p class="note">${t.intro}</p>
${error}
<form method="post" action="${escape(model.action)}" novalidate>
  <label for="login">${t.login}</label>
  <p id="login-hint" class="hint">${t.loginHint}</p>
  <input id="login" name="login" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${escape(model.login ?? '')}"${describedBy}${model.failed || !model.login ? ' autofocus' : ''}>
  <label for="password">${t.password}</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required${model.failed ? ' aria-describedby="error" aria-invalid="true"' : ''}>
  <input type="hidden" name="lang" value="${model.locale}">
  <button type="submit">${t.submit}</button>
</form>`,
  );
}

/** The sign-out question; `form` is the provider's own hidden form (with its anti-forgery value). */
export function logoutPage(locale: PageLocale, form: string): string {
  const t = TEXT[locale];
  return page(
    locale,
    t.logoutTitle,
    `<h1>${t.logoutQuestion}</h1>
${form}
<div class="actions">
  <button type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>${t.logoutYes}</button>
  <button type="submit" form="op.logoutForm" class="secondary">${t.logoutNo}</button>
</div>`,
  );
}

export function loggedOutPage(locale: PageLocale): string {
  return page(locale, TEXT[locale].logoutTitle, `<h1>${TEXT[locale].loggedOut}</h1>`);
}

/** An error of the protocol (bad client, expired interaction): its code and description, nothing else. */
export function errorPage(locale: PageLocale, details: Record<string, unknown>): string {
  const lines = ['error', 'error_description']
    .filter((key) => typeof details[key] === 'string')
    .map((key) => `<p><code>${escape(String(details[key]))}</code></p>`)
    .join('\n');
  return page(locale, TEXT[locale].errorTitle, `<h1>${TEXT[locale].failed}</h1>\n<div role="alert">${lines}</div>`);
}

function page(locale: PageLocale, title: string, body: string): string {
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
  body { font-family: system-ui, sans-serif; font-size: 1.05rem; line-height: 1.5; color: #1b1b1b; background: #f4f5f7; margin: 0; }
  main { max-width: 26rem; margin: 3rem auto; background: #fff; padding: 1.5rem 2rem 2rem; border: 1px solid #c6c9ce; border-radius: 6px; }
  nav { text-align: right; }
  h1 { font-size: 1.4rem; margin: 0.5rem 0 1rem; }
  label { display: block; font-weight: 600; margin-top: 1rem; }
  .hint, .note { color: #3d4551; font-size: 0.95rem; margin: 0.25rem 0; }
  input[type=text], input[type=password] { box-sizing: border-box; width: 100%; padding: 0.6rem; font-size: 1rem; border: 2px solid #565c65; border-radius: 4px; margin-top: 0.25rem; }
  input[aria-invalid=true] { border-color: #b50909; }
  button { margin-top: 1.5rem; padding: 0.7rem 1.4rem; font-size: 1rem; font-weight: 600; color: #fff; background: #1a4480; border: 2px solid #1a4480; border-radius: 4px; cursor: pointer; }
  button.secondary { color: #1a4480; background: #fff; }
  .actions { display: flex; gap: 1rem; }
  a { color: #1a4480; }
  :focus-visible { outline: 3px solid #e5a000; outline-offset: 2px; }
  .error { border-left: 6px solid #b50909; background: #fde8e8; padding: 0.75rem 1rem; margin: 1rem 0; }
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

/** HTML-escapes text put in an attribute or an element. */
export function escape(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
