/** Values a phrase may use: `{{client.firstName}}`, `{{agent.firstName}}`, `{{ticket.id}}`, … */
export interface PhraseVars {
  client?: { name?: string; firstName?: string; email?: string; organization?: string };
  agent?: { name?: string; firstName?: string };
  ticket?: { id?: string; subject?: string };
}

/** The first word of a full name («Виктория Лебедева» → «Виктория»); emails and ids are not names. */
export function firstNameOf(name?: string): string | undefined {
  const first = name?.trim().split(/\s+/)[0];
  return first && !first.includes('@') && /\p{L}/u.test(first) ? first : undefined;
}

export function phraseVars(input: { clientName?: string; email?: string; organization?: string; agentName?: string; ticketId?: string; subject?: string }): PhraseVars {
  return {
    client: { name: input.clientName, firstName: firstNameOf(input.clientName), email: input.email, organization: input.organization },
    agent: { name: input.agentName, firstName: firstNameOf(input.agentName) },
    ticket: { id: input.ticketId, subject: input.subject },
  };
}

const VAR = /\{\{\s*([a-zA-Z]+(?:\.[a-zA-Z]+)*)\s*(?:\|([^}]*))?\}\}/g;

function lookup(vars: PhraseVars, path: string): string | undefined {
  let cur: unknown = vars;
  for (const key of path.split('.')) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[key] : undefined;
  return typeof cur === 'string' && cur.trim() ? cur.trim() : undefined;
}

/**
 * Fills a phrase's variables. `{{client.firstName|there}}` uses the fallback when the value is missing;
 * a missing value without a fallback is left out and the spacing around it tidied. The result is plain text.
 */
export function fillPhrase(text: string, vars: PhraseVars): string {
  return text
    .replace(VAR, (_m, path: string, fallback?: string) => lookup(vars, path) ?? fallback?.trim() ?? '')
    .replace(/[ \t]+([,.!?;:])/g, '$1')
    .replace(/([,;:])(?=[,.!?;:])/g, '')
    .replace(/^[\s,;:]+/, '')
    .replace(/[ \t]{2,}/g, ' ')
    .trim()
    .replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}

/** The variables a phrase uses, for the pack editor's preview and checks. */
export const phraseVariables = (text: string) => [...text.matchAll(VAR)].map((m) => m[1]!);
