import { signal } from '@preact/signals';
import type { TeamSyncView } from '../../core/team-sync/overview';
import { errorText } from './lifetime';
import type { OptionsTransport } from './transport';

export type TeamSyncTransport = Pick<OptionsTransport, 'watchTeamSync' | 'setTeamSyncChoice' | 'retryTeamSync'>;

/** The Team sync section as signals over the options transport. `dispose()` stops watching the store. */
export function createTeamSyncModel(transport: TeamSyncTransport) {
  /** What is stored, live; null until first read. */
  const view = signal<TeamSyncView | null>(null);
  /** Why the last read or action failed. */
  const error = signal<string | null>(null);
  /** The account whose refused writes were just set to wait again. */
  const retried = signal<string | null>(null);
  const stop = transport.watchTeamSync(
    (v) => {
      view.value = v;
      error.value = null;
    },
    (e) => (error.value = errorText(e)),
  );
  const act = async (work: () => Promise<void>) => {
    try {
      error.value = null;
      await work();
    } catch (e) {
      error.value = errorText(e);
    }
  };
  return {
    view,
    error,
    retried,
    /** The agent's own choice: on, off, or (undefined) as the team's pack says. */
    setChoice: (enabled: boolean | undefined) => act(() => transport.setTeamSyncChoice(enabled)),
    retry: (account: string) =>
      act(async () => {
        await transport.retryTeamSync(account);
        retried.value = account;
      }),
    dispose: stop,
  };
}
export type TeamSyncModel = ReturnType<typeof createTeamSyncModel>;
