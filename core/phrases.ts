import { HELPDESK_CHOICE, textForHelpdesk } from './helpdesk-words';
import type { SourceId } from './taxonomy';
import { editDistance } from './text/did-you-mean';

/**
 * Values a phrase may use: `{{client.firstName}}`, `{{agent.firstName}}`, `{{ticket.id}}`, …; and the helpdesk,
 * which picks a helpdesk choice's words (`{{amocrm:lead|ticket}}`, helpdesk-words.ts).
 */
export interface PhraseVars {
  client?: { name?: string; firstName?: string; email?: string; organization?: string };
  agent?: { name?: string; firstName?: string };
  ticket?: { id?: string; subject?: string };
  helpdesk?: SourceId;
}

/** The first word of a full name («Виктория Лебедева» → «Виктория»); emails and ids are not names. */
export function firstNameOf(name?: string): string | undefined {
  const first = name?.trim().split(/\s+/)[0];
  return first && !first.includes('@') && /\p{L}/u.test(first) ? first : undefined;
}

export function phraseVars(input: {
  clientName?: string;
  email?: string;
  organization?: string;
  agentName?: string;
  ticketId?: string;
  subject?: string;
  helpdesk?: SourceId;
}): PhraseVars {
  return {
    helpdesk: input.helpdesk,
    client: { name: input.clientName, firstName: firstNameOf(input.clientName), email: input.email, organization: input.organization },
    agent: { name: input.agentName, firstName: firstNameOf(input.agentName) },
    ticket: { id: input.ticketId, subject: input.subject },
  };
}

/** The variables a phrase may use, as the panel fills them. */
export const PHRASE_VARIABLES = [
  'client.name',
  'client.firstName',
  'client.email',
  'client.organization',
  'agent.name',
  'agent.firstName',
  'ticket.id',
  'ticket.subject',
] as const;

/** `{{ path | fallback }}`; a path as team leads write it: `client.firstName`, `client.first_name`, `Client.FirstName`. */
const VAR = /\{\{\s*([\p{L}\p{N}_]+(?:\.[\p{L}\p{N}_]+)*)\s*(?:\|([^{}]*))?\}\}/gu;
/** Anything else between double braces: never sent to a client as it stands. */
const ANY_BRACES = /\{\{[^{}]*\}\}/g;

const squash = (path: string) => path.toLowerCase().replace(/_/g, '');
const BY_SQUASHED = new Map<string, string>(PHRASE_VARIABLES.map((v) => [squash(v), v]));

/** The variable a written path means (`client.first_name` → `client.firstName`), or undefined when none. */
export const resolveVariable = (path: string): string | undefined => BY_SQUASHED.get(squash(path));

/** The known variable closest to a misspelled one, when one is close. */
export function suggestVariable(path: string): string | undefined {
  const s = squash(path);
  let best: { v: string; d: number } | undefined;
  for (const v of PHRASE_VARIABLES) {
    const d = editDistance(s, squash(v));
    if (!best || d < best.d) best = { v, d };
  }
  return best && best.d <= Math.max(2, Math.floor(s.length / 3)) ? best.v : undefined;
}

/**
 * What is wrong with a phrase's variables, one problem each (empty: nothing), as the pack schema reports them
 * (`params` of a custom issue, worded by core/schema/issue-text.ts).
 */
export type PhraseProblem =
  | { issue: 'unknown-variable-hint'; variable: string; hint: string }
  | { issue: 'unknown-variable'; variable: string; known: string }
  | { issue: 'not-a-variable'; text: string };

export function phraseProblems(text: string): PhraseProblem[] {
  const out: PhraseProblem[] = [];
  for (const m of text.matchAll(VAR)) {
    if (resolveVariable(m[1]!)) continue;
    const hint = suggestVariable(m[1]!);
    const variable = `{{${m[1]}}}`;
    out.push(hint ? { issue: 'unknown-variable-hint', variable, hint } : { issue: 'unknown-variable', variable, known: PHRASE_VARIABLES.join(', ') });
  }
  const rest = text.replace(HELPDESK_CHOICE, '').replace(VAR, '');
  for (const m of rest.matchAll(ANY_BRACES)) out.push({ issue: 'not-a-variable', text: m[0] });
  return out;
}

function lookup(vars: PhraseVars, written: string): string | undefined {
  const path = resolveVariable(written);
  if (!path) return undefined;
  let cur: unknown = vars;
  for (const key of path.split('.')) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[key] : undefined;
  return typeof cur === 'string' && cur.trim() ? cur.trim() : undefined;
}

/**
 * Fills a phrase's variables. `{{client.firstName|there}}` uses the fallback when the value is missing;
 * a missing value without a fallback is left out and the spacing around it tidied. The result is plain text,
 * and never holds raw braces: an unknown variable (refused when a pack is read) reads as its fallback or nothing.
 */
export function fillPhrase(text: string, vars: PhraseVars): string {
  return textForHelpdesk(text, vars.helpdesk)
    .replace(VAR, (_m, path: string, fallback?: string) => lookup(vars, path) ?? fallback?.trim() ?? '')
    .replace(ANY_BRACES, '')
    .replace(/[ \t]+([,.!?;:])/g, '$1')
    .replace(/([,;:])(?=[,.!?;:])/g, '')
    .replace(/^[\s,;:]+/, '')
    .replace(/[ \t]{2,}/g, ' ')
    .trim()
    .replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}

/** The variables a phrase uses, for the pack editor's preview and checks. */
export const phraseVariables = (text: string) => [...text.replace(HELPDESK_CHOICE, '').matchAll(VAR)].map((m) => m[1]!);
