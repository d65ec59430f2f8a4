/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { screenshotPath } from './browser';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  page: string;
  language: string;
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Looks at a console page as people do and as a checker does: axe-core in the
 * page (evaluated through the browser's protocol, so the page's CSP still
 * stands for everything else), then a screenshot, in French and in English.
 * Returns the serious and critical findings.
 */
export async function auditInBothLanguages(page: Page, name: string): Promise<AxeFinding[]> {
  const findings: AxeFinding[] = [];
  for (const language of ['fr', 'en'] as const) {
    await setLanguage(page, language);
    findings.push(...(await axe(page, name, language)));
    await page.screenshot({ path: screenshotPath('console', `${name}.${language}`), fullPage: true });
  }
  await setLanguage(page, 'fr');
  return findings;
}

export async function setLanguage(page: Page, language: 'fr' | 'en'): Promise<void> {
  if ((await page.getAttribute('html', 'lang')) === language) return;
  await page.click(`header button[lang="${language}"]`);
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
}

async function axe(page: Page, name: string, language: string): Promise<AxeFinding[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const w = window as unknown as {
      axe: { run(): Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }> }> };
    };
    return (await w.axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ page: name, language, id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

/**
 * Signs a person in as they do: the console sends the browser to the identity
 * provider (authorization code with PKCE), the person types their identifier
 * and password on its page, and comes back signed in.
 */
export async function signIn(page: Page, baseUrl: string, personId: string, path = '/console/'): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.getByRole('button', { name: /^(Se connecter|Sign in)$/ }).click();
  await page.locator('#login').waitFor();
  await page.fill('#login', personId);
  await page.fill('#password', process.env.IDENTITY_DEMO_PASSWORD ?? 'demo');
  await page.press('#password', 'Enter');
  await page.locator('header nav').waitFor();
}

/** Signs out through the provider (end-session), back to the console's sign-in page. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^(Se déconnecter|Sign out)$/ }).click();
  const confirm = page.locator('button[name=logout][value=yes]');
  if (await confirm.isVisible({ timeout: 5000 }).catch(() => false)) await confirm.click();
}

/** Presses Tab until the focused element matches the selector: proof it is reachable by keyboard. */
export async function tabTo(page: Page, selector: string, maxPresses = 80): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
  }
  throw new Error(`${selector} was not reached with ${maxPresses} presses of Tab`);
}
