import type { VisitRecord } from '../../core/store/db';
import { CLIENT_TYPES, LIFECYCLE_STAGES } from '../../core/taxonomy';
import { formatDay, formatTime, lang, t } from '../i18n';
import type { PanelModel } from './model';
import { loc, percent, typeName } from './pack-text';

const DAY = 86_400_000;
const W = 320;
const ROW = 14;
const PAD = 8;
/** Room under the plot for the date axis. */
const AXIS = 14;

/**
 * Type and lifecycle stage over the last days, one point per visit, drawn as plain SVG:
 * the top band places each visit's type on its row, the bottom band steps through the stages.
 */
export function HistoryChart({ model, visits, days = 90, now = Date.now() }: { model: PanelModel; visits: VisitRecord[]; days?: number; now?: number }) {
  const pack = model.pack.value;
  const from = now - days * DAY;
  const shown = visits.filter((v) => v.at >= from);
  const x = (at: number) => PAD + ((at - from) / (now - from)) * (W - 2 * PAD);
  const typeRows = [...CLIENT_TYPES, 'unknown'] as const;
  const typeY = (type: string) => PAD + typeRows.indexOf(type as (typeof typeRows)[number]) * ROW;
  const stageTop = PAD * 2 + typeRows.length * ROW;
  const stageY = (stage: string) => stageTop + (LIFECYCLE_STAGES.length - 1 - LIFECYCLE_STAGES.indexOf(stage as (typeof LIFECYCLE_STAGES)[number])) * (ROW / 2);
  const axisY = stageTop + LIFECYCLE_STAGES.length * (ROW / 2) + PAD / 2;
  const height = axisY + AXIS;
  const ticks = [
    { at: from, anchor: 'start', label: formatDay(from) },
    { at: from + (now - from) / 2, anchor: 'middle', label: formatDay(from + (now - from) / 2) },
    { at: now, anchor: 'end', label: t('history.today') },
  ] as const;
  const present = typeRows.filter((type) => shown.some((v) => (v.type ?? 'unknown') === type));
  const name = (type: string) => (pack ? typeName(pack, type as (typeof typeRows)[number], lang.value) : type);
  const staged = shown.filter((v) => v.stage);
  const path = staged.map((v, i) => `${i ? 'L' : 'M'}${x(v.at).toFixed(1)},${stageY(v.stage!).toFixed(1)}`).join(' ');
  return (
    <section class="card history" aria-labelledby="history-h">
      <h2 id="history-h">{t('history.heading', { days })}</h2>
      {shown.length === 0 ? (
        <p class="muted">{t('history.empty')}</p>
      ) : (
        <svg
          class="history__chart"
          data-testid="history-chart"
          viewBox={`0 0 ${W} ${height}`}
          role="img"
          aria-label={t('history.aria', { n: shown.length, days })}
        >
          {typeRows.map((type) => (
            <line key={type} x1={PAD} x2={W - PAD} y1={typeY(type)} y2={typeY(type)} class="history__grid" />
          ))}
          {path && <path d={path} class="history__stage-line" />}
          <g data-testid="history-axis" class="history__axis">
            <line x1={PAD} x2={W - PAD} y1={axisY} y2={axisY} />
            {ticks.map((tick) => (
              <text key={tick.anchor} x={x(tick.at)} y={axisY + AXIS - 3} text-anchor={tick.anchor}>
                {tick.label}
              </text>
            ))}
          </g>
          {shown.map((v) => (
            <circle
              key={v.id}
              data-testid="history-point"
              data-type={v.type ?? 'unknown'}
              data-stage={v.stage}
              cx={x(v.at)}
              cy={typeY(v.type ?? 'unknown')}
              r={4}
              class={`history__point history__point--${v.type ?? 'unknown'}`}
            >
              <title>
                {formatTime(v.at)} · {pack ? typeName(pack, v.type ?? 'unknown', lang.value) : v.type}
                {v.confidence != null ? ` ${percent(v.confidence)}%` : ''}
                {v.stage && pack ? ` · ${loc(pack.lifecycle?.stages?.[v.stage]?.name, lang.value) || v.stage}` : ''}
              </title>
            </circle>
          ))}
        </svg>
      )}
      {shown.length > 0 && (
        <ul class="history__legend" data-testid="history-legend">
          {present.map((type) => (
            <li key={type} data-type={type}>
              <svg class="history__swatch" viewBox="0 0 10 10" aria-hidden="true">
                <circle cx={5} cy={5} r={4} class={`history__point history__point--${type}`} />
              </svg>
              {name(type)}
            </li>
          ))}
          {path && (
            <li data-type="stage">
              <svg class="history__swatch" viewBox="0 0 10 10" aria-hidden="true">
                <path d="M0,8 L5,8 L5,2 L10,2" class="history__stage-line" />
              </svg>
              {t('history.stageLine')}
            </li>
          )}
        </ul>
      )}
      {shown.length > 0 && (
        <details class="history__table" data-testid="history-table-toggle">
          <summary>{t('history.table')}</summary>
          <div class="scroll">
            <table data-testid="history-table">
              <thead>
                <tr>
                  <th scope="col">{t('history.when')}</th>
                  <th scope="col">{t('type.heading')}</th>
                  <th scope="col">{t('history.stage')}</th>
                </tr>
              </thead>
              <tbody>
                {[...shown].reverse().map((v) => (
                  <tr key={v.id}>
                    <td>{formatTime(v.at)}</td>
                    <td>
                      {pack ? typeName(pack, v.type ?? 'unknown', lang.value) : v.type}
                      {v.confidence != null ? ` (${percent(v.confidence)}%)` : ''}
                    </td>
                    <td>{v.stage && pack ? loc(pack.lifecycle?.stages?.[v.stage]?.name, lang.value) || v.stage : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
      {shown.length > 0 && (
        <ol class="history__list">
          {shown
            .slice(-5)
            .reverse()
            .map((v) => (
              <li key={v.id} class="muted">
                {formatTime(v.at)} · {pack ? typeName(pack, v.type ?? 'unknown', lang.value) : v.type}
                {v.stage && pack ? ` · ${loc(pack.lifecycle?.stages?.[v.stage]?.name, lang.value)}` : ''}
              </li>
            ))}
        </ol>
      )}
    </section>
  );
}
