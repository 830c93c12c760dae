import { formatPack } from '../../core/pack/format';
import type { StrategyPack } from '../../core/pack/schema';
import { errorText } from './lifetime';
import type { OptionsState } from './options-state';
import type { OptionsTransport } from './transport';

/** Saving packs as files: one installed pack, or the layered result the panel uses right now. */
export function packExport(s: OptionsState, transport: OptionsTransport) {
  const download = (name: string, pack: StrategyPack) => {
    try {
      transport.download(name, formatPack(pack));
    } catch (e) {
      s.say('error', 'options.action.failed', {}, errorText(e));
    }
  };
  return {
    exportPack(id: string) {
      const pack = id === s.builtin.value?.id ? s.builtin.value : s.packs.value.find((p) => p.id === id)?.pack;
      if (pack) download(`${pack.id}-${pack.version}.json`, pack);
    },
    /** The layered result, as one pack: what the panel uses right now. */
    exportEffective() {
      const eff = s.effective.value;
      if (!eff) return;
      const names = eff.layers.map((id) => eff.names[id]);
      const pack: StrategyPack = {
        ...eff.pack,
        id: 'effective',
        name: {
          en: `Effective pack: ${names.map((n) => n?.en ?? n?.ru).join(' + ')}`.slice(0, 2000),
          ru: `Итоговый пакет: ${names.map((n) => n?.ru ?? n?.en).join(' + ')}`.slice(0, 2000),
        },
      };
      download(`tipazh-effective-${new Date(transport.now()).toISOString().slice(0, 10)}.json`, pack);
    },
  };
}
