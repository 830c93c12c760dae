import { z } from '../schema/zod';

/**
 * Behaviour and history signals the classifier measures besides words. Each is scaled to 0…1;
 * a pack gives each type a weight per signal (negative weights count against the type).
 */
export const SIGNAL_IDS = [
  /** Client messages that follow their own previous one within 10 minutes, with no agent reply between. */
  'fastFollowUps',
  /** Long client messages (average length well above a typical support message). */
  'longMessages',
  /** Many client messages in the conversation. */
  'manyMessages',
  /** Question marks per client message. */
  'questions',
  /** Exclamation marks per client message. */
  'exclamations',
  /** Share of words written in capitals. */
  'shouting',
  /** Consecutive client messages about different things (little shared vocabulary). */
  'topicJumps',
  /** Structured reports: numbered steps, versions, error codes, expected vs actual. */
  'structuredReport',
  /** Past tickets of this client. */
  'historyTickets',
  /** Past complaints. */
  'historyComplaints',
  /** Past requests for compensation, discounts or gifts. */
  'historyCompensation',
  /** Past tickets about promotions, giveaways or bonus programmes. */
  'historyPromo',
  /** Bad satisfaction ratings in the past. */
  'historyBadRatings',
  /** Good satisfaction ratings in the past. */
  'historyGoodRatings',
  /** A large order or deal value in the CRM. */
  'dealValue',
] as const;
export const SignalId = z.enum(SIGNAL_IDS);
export type SignalId = z.infer<typeof SignalId>;
