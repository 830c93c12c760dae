import type { SourceId } from '../source-ids';
import type { TagWriter } from '../team-sync/writer';
import { writeAmoTags } from './amocrm/tag-write';
import { writeZendeskTags } from './zendesk/tag-write';

/** Each helpdesk's tag writer (team sync), run in a tab of the helpdesk by the content script. */
export const TAG_WRITERS: Record<SourceId, TagWriter> = {
  zendesk: writeZendeskTags,
  amocrm: writeAmoTags,
};
