import { z } from './zod';

const Field = z.optional(z.string().check(z.trim(), z.maxLength(2000)));

/**
 * What an agent may know of a client (seed 003), all optional. `prefilled` lists the fields the helpdesk
 * gave, so the panel can mark them as such and the agent's own edits are never overwritten by a page read.
 */
export const ClientProfile = z.object({
  // Socio-demographics
  gender: Field,
  age: Field,
  education: Field,
  region: Field,
  socialStatus: Field,
  income: Field,
  familyStatus: Field,
  profession: Field,
  // Life position
  goals: Field,
  pains: Field,
  values: Field,
  fears: Field,
  lifestyle: Field,
  // Communication habits
  devices: Field,
  channels: Field,
  onlineHours: Field,
  purchaseFrequency: Field,
  decisionMaker: Field,
  // Psychographics
  emotions: Field,
  motivation: Field,
  interests: Field,
  habits: Field,
  // Behaviour
  purchaseReasons: Field,
  averageCheck: Field,
  seasonality: Field,
  productBasket: Field,
  /** Preferences and quirks: "call me by first name", "email only after 18:00". */
  preferences: Field,
  prefilled: z._default(z.array(z.string()), []),
});
export type ClientProfile = z.infer<typeof ClientProfile>;
/** A profile field the agent can fill in (everything but the list of prefilled ones). */
export const ProfileField = z.keyof(z.omit(ClientProfile, { prefilled: true }));
export type ProfileField = z.infer<typeof ProfileField>;

/** The profile's fields in display order, grouped as seed 003 groups them. */
export const PROFILE_GROUPS: Record<string, ProfileField[]> = {
  social: ['gender', 'age', 'education', 'region', 'socialStatus', 'income', 'familyStatus', 'profession'],
  position: ['goals', 'pains', 'values', 'fears', 'lifestyle'],
  communication: ['devices', 'channels', 'onlineHours', 'purchaseFrequency', 'decisionMaker', 'preferences'],
  psychographics: ['emotions', 'motivation', 'interests', 'habits'],
  behaviour: ['purchaseReasons', 'averageCheck', 'seasonality', 'productBasket'],
};
