// The history's data, gathered from the API into what a person asks: which sessions (with the
// program, the date, how long, which spots), what was done on which day, and how each tender
// spot did across days. Pure functions apart from load().
import { get, dayKey } from './shared.js';

/**
 * Loads the user's sessions (optionally of one device) with their program and regions worked.
 * withRegions: also fetch each session's regions (one request per session).
 * Returns cards, newest first: {id, device, startedAt, durationMs, contactMs, open, program, regions, kinds}.
 */
export async function loadCards(device, limit = 30, withRegions = true) {
  const q = device ? `device=${device}&limit=${limit}` : `limit=${limit}`;
  const [sessions, guides, programs] = await Promise.all([
    get(`/api/sessions?${q}`), get(`/api/guided-sessions?${q}`).catch(() => []), get('/api/programs').catch(() => [])]);
  const details = withRegions ? await Promise.all(sessions.map(s => get(`/api/sessions/${s.id}`).catch(() => null)))
    : sessions.map(() => null);
  return cards(sessions, details, guides, programs);
}

/** Joins sessions with their guided runs and region figures (see loadCards). */
export function cards(sessions, details, guides, programs) {
  const names = Object.fromEntries((programs || []).map(p => [p.id, p]));
  const bySession = {};
  for (const g of guides || []) (bySession[g.session] = bySession[g.session] || []).push(g);
  return sessions.map((s, i) => {
    const runs = bySession[s.id] || [];
    const d = details[i];
    const regions = ((d && d.regions) || []).filter(r => r.dwellMs > 0).sort((a, b) => b.dwellMs - a.dwellMs);
    const kinds = new Set();
    for (const g of runs) {
      for (const r of g.results || []) {
        if (r.kind === 'MASSAGE' && r.workMs > 0) kinds.add('massage');
        if (r.kind === 'MOBILIZE' && (r.repsPerSet || []).length) kinds.add('mobilize');
        if (r.kind === 'STRENGTHEN' && (r.repsPerSet || []).length) kinds.add('strengthen');
      }
    }
    if (!runs.length && s.contactMs > 0) kinds.add('massage');
    const program = runs.length ? (names[runs[0].programId] || { name: runs[0].programId }).name : null;
    return { id: s.id, device: s.device, startedAt: s.startedAt, durationMs: s.durationMs, contactMs: s.contactMs,
      open: s.open, program, regions, kinds: [...kinds] };
  });
}

/** Which activities were done on which local day: {"2026-01-05": Set(["massage", ...])}. */
export function doneByDay(cardList) {
  const days = {};
  for (const c of cardList) {
    const k = dayKey(c.startedAt);
    days[k] = days[k] || new Set();
    for (const kind of c.kinds) days[k].add(kind);
  }
  return days;
}

/**
 * Per rated spot, the trend across days: one point per day (the day's last rating), and a
 * trend only when there are ratings on at least two different days.
 * Returns [{region, days: [{day, at, tenderness, pressure}], trend: null | {...}}].
 */
export function spotTrends(ratings) {
  const byRegion = {};
  for (const r of [...(ratings || [])].sort((a, b) => a.at - b.at)) {
    const days = byRegion[r.region] = byRegion[r.region] || {};
    days[dayKey(r.at)] = { day: dayKey(r.at), at: r.at, tenderness: r.tenderness, pressure: r.toleratedPressure };
  }
  return Object.entries(byRegion).map(([region, days]) => {
    const list = Object.values(days).sort((a, b) => a.at - b.at);
    let trend = null;
    if (list.length >= 2) {
      const first = list[0], last = list[list.length - 1];
      const pct = first.pressure > 0 && last.pressure > 0 ? Math.round(100 * (last.pressure - first.pressure) / first.pressure) : null;
      const lessTender = last.tenderness < first.tenderness;
      const morePressure = pct !== null && pct > 0;
      trend = { from: first, to: last, pressurePct: pct,
        improving: lessTender && (pct === null || pct >= 0) || (last.tenderness === first.tenderness && morePressure) };
    }
    return { region, days: list, trend };
  });
}

/** Monday 00:00 local of the week containing ms. */
export function weekStart(ms) {
  const d = new Date(ms);
  d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7));
  return d.getTime();
}

/**
 * Planned strengthening days (0 = Monday .. 6 = Sunday) that follow each other, counting
 * Sunday -> Monday since the plan repeats every week. Returns pairs [a, b].
 */
export function backToBack(days) {
  const set = new Set(days);
  const pairs = [];
  for (let d = 0; d < 7; d++) if (set.has(d) && set.has((d + 1) % 7) && set.size < 7) pairs.push([d, (d + 1) % 7]);
  return pairs;
}
