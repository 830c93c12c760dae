import type { PackCheck } from '../../core/pack/check';
import type { StrategyPack } from '../../core/pack/schema';
import type { LabelledCase } from '../../core/eval/labelled';
import type { InstalledPack } from '../../core/store/db';
import type { InstallOutcome } from '../../core/store/packs';
import type { TeamSyncView } from '../../core/team-sync/overview';
import type { Lang } from '../../core/taxonomy';

export type Unsubscribe = () => void;

/** Where an installed pack came from. */
export type PackSource = InstalledPack['source'];

/** Why fetching a pack URL failed; the model turns it into a message in the UI language. */
export class PackFetchError extends Error {
  constructor(
    readonly reason: 'http' | 'too-big' | 'network' | 'not-https' | 'timeout' | 'aborted',
    readonly detail = '',
  ) {
    super(`${reason}${detail ? `: ${detail}` : ''}`);
  }
}

/**
 * Everything the options page needs from the extension. The options entrypoint injects the real one
 * (Dexie + browser.*); component tests inject a fake.
 */
export interface OptionsTransport {
  /** Installed packs, bottom layer first; called again after every change. */
  watchPacks(cb: (packs: InstalledPack[]) => void, onError: (e: unknown) => void): Unsubscribe;
  /** The built-in pack shipped with the extension. */
  loadBuiltin(): Promise<StrategyPack>;
  /** Installs in one transaction; answers `exists` (and changes nothing) for an installed id unless `replace`. */
  install(pack: StrategyPack, source: PackSource, opts?: { replace?: boolean }): Promise<InstallOutcome>;
  setEnabled(id: string, enabled: boolean): Promise<void>;
  move(id: string, direction: 1 | -1): Promise<void>;
  remove(id: string): Promise<void>;
  /** Records a fetched version of a URL pack (and when it was checked); newer ones wait as `pending`. */
  offerUpdate(id: string, fetched: StrategyPack): Promise<'newer' | 'same' | 'older'>;
  acceptUpdate(id: string): Promise<void>;
  /** Drops the pending version and remembers it, so the daily check does not offer it again. */
  dismissUpdate(id: string, version: string): Promise<void>;
  /** Versions the user dismissed, by pack id. */
  dismissedUpdates(): Promise<Record<string, string>>;
  /** Whether the extension may already read `https://host/*`. */
  hasHostAccess(host: string): Promise<boolean>;
  /**
   * Asks the browser for access to `https://host/*`. Must be called synchronously from a click handler
   * (it needs the user gesture). May never settle: headless Chromium shows no prompt; the model times it out.
   */
  requestHostAccess(host: string): Promise<boolean>;
  /** GETs a URL's body as bytes (decoded by the pack reader, which refuses what is not UTF-8); refuses more than `maxBytes` (throws PackFetchError). */
  fetchBytes(url: string, opts: { maxBytes: number; signal: AbortSignal }): Promise<Uint8Array>;
  /** Offers `text` as a file download. */
  download(fileName: string, text: string): void;
  /** Runs labelled examples through a pack off the page's main work, reporting progress. */
  runCheck(pack: StrategyPack, examples: LabelledCase[], onProgress: (done: number, total: number) => void, signal: AbortSignal): Promise<PackCheck>;
  /**
   * Team sync as stored: the agent's own choice, the queue, and the client seen last with what the queue holds
   * for them; now and after every change, in this page or another (core/team-sync/overview.ts).
   */
  watchTeamSync(cb: (view: TeamSyncView) => void, onError: (e: unknown) => void): Unsubscribe;
  /** Stores the agent's own team sync choice: on, off, or (undefined) as the team's pack says. */
  setTeamSyncChoice(enabled: boolean | undefined): Promise<void>;
  /** The refused writes of a helpdesk account (`source:account`) wait again. */
  retryTeamSync(account: string): Promise<void>;
  loadLang(): Promise<Lang>;
  saveLang(lang: Lang): Promise<void>;
  now(): number;
}
