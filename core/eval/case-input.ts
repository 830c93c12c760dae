import type { ClassifyInput } from '../classifier/input';
import type { LabelledCase } from './labelled';

/**
 * What the classifier reads of a labelled case. Apart from labelled.ts, whose parsing and problem wording the side
 * panel (which learns from packs' examples) does not need.
 */
export const caseInput = (c: LabelledCase): ClassifyInput => ({ messages: c.messages, history: c.history, deal: c.deal });
