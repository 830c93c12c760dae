/** Reads amo's localised feed dates: "21.11.2026 14:05", «Сегодня 10:12», "Today 10:12AM", «Вчера 09:00». */
export function parseAmoDate(text: string | undefined, now = new Date()): string | undefined {
  if (!text) return undefined;
  const t = text.trim().toLowerCase();
  const time = /(\d{1,2}):(\d{2})\s*(am|pm)?/.exec(t);
  let h = time ? Number(time[1]) : 0;
  const min = time ? Number(time[2]) : 0;
  if (time?.[3] === 'pm' && h < 12) h += 12;
  if (time?.[3] === 'am' && h === 12) h = 0;
  const full = /(\d{1,2})\.(\d{1,2})\.(\d{2,4})/.exec(t);
  let d: Date;
  if (full) {
    const y = Number(full[3]!.length === 2 ? `20${full[3]}` : full[3]);
    d = new Date(y, Number(full[2]) - 1, Number(full[1]), h, min);
  } else if (/сегодня|today/.test(t)) {
    d = new Date(now.getFullYear(), now.getMonth(), now.getDate(), h, min);
  } else if (/вчера|yesterday/.test(t)) {
    d = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1, h, min);
  } else return undefined;
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}
