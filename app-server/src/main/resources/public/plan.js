// The method as a weekly plan: massage, then mobilize, then strengthen 2-3 days a week with a
// rest day between. Planned days are ticked by the person (kept in this browser); done days
// come from their sessions on every device. Two strengthening days in a row are warned about.
import { loadCards, doneByDay, weekStart, backToBack } from './story.js';
import { $, DAY, dayKey, fmtDate } from './shared.js';

const LONG = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
export const ACTIVITIES = [
  { id: 'massage', name: 'Massage', dose: '2 rounds of 2–4 min per side' },
  { id: 'mobilize', name: 'Mobilize', dose: '2–3 sets of 6–10' },
  { id: 'strengthen', name: 'Strengthen', dose: '3–5 sets' },
];
export const EXERCISES = {
  beginner: ['Superman', 'Bird dog', 'Face pulls', 'Band pull-aparts', 'Inverted row', 'Inclined row'],
  intermediate: ['Rear-delt raises', 'Bird-dog row', 'Machine row', 'Lat pull-downs', '3-point dumbbell row', "Farmer's carry"],
  advanced: ['Bent-over row', 'Deadlift', 'Power cleans', 'Pull-ups'],
};
const DEFAULT_PLAN = { massage: [0, 1, 2, 3, 4, 5, 6], mobilize: [0, 1, 2, 3, 4, 5, 6], strengthen: [0, 2, 4] };

export class PlanView {
  constructor(app) {
    this.app = app;
    this.week = weekStart(Date.now());
    this.plan = JSON.parse(localStorage.getItem('spinetrack.plan') || 'null') || DEFAULT_PLAN;
    this.done = {};
    $('plan-prev').addEventListener('click', () => { this.week -= 7 * DAY; this.draw(); });
    $('plan-next').addEventListener('click', () => { this.week += 7 * DAY; this.draw(); });
    $('plan-level').value = localStorage.getItem('spinetrack.level') || 'beginner';
    $('plan-level').addEventListener('change', () => { localStorage.setItem('spinetrack.level', $('plan-level').value); this.exercises(); });
    this.exercises();
  }

  reset() { /* the plan spans every device of the person: nothing tied to one device */ }

  async load() {
    this.done = doneByDay(await loadCards(null, 200, false));
    this.draw();
  }

  exercises() {
    const ul = $('plan-exercises');
    ul.innerHTML = '';
    for (const e of EXERCISES[$('plan-level').value]) {
      const li = document.createElement('li');
      li.textContent = `${e} — 3–5 sets`;
      ul.appendChild(li);
    }
  }

  toggle(activity, day, on) {
    const set = new Set(this.plan[activity]);
    if (on) set.add(day); else set.delete(day);
    this.plan = { ...this.plan, [activity]: [...set].sort() };
    localStorage.setItem('spinetrack.plan', JSON.stringify(this.plan));
    this.draw();
  }

  draw() {
    const t = $('plan-table');
    t.innerHTML = '';
    const cap = document.createElement('caption');
    cap.textContent = `Week of ${fmtDate(this.week, false)}: planned (ticked) and done (✓ done)`;
    t.appendChild(cap);
    // Days as rows and the three activities as columns: it fits a phone with 44 px targets.
    const head = t.createTHead().insertRow();
    const corner = document.createElement('th');
    corner.scope = 'col';
    corner.textContent = 'Day';
    head.appendChild(corner);
    for (const a of ACTIVITIES) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.innerHTML = `${a.name}<span class="dose">${a.dose}</span>`;
      head.appendChild(th);
    }
    const today = dayKey(Date.now());
    const body = t.createTBody();
    let planned = 0, doneCount = 0;
    for (let d = 0; d < 7; d++) {
      const tr = body.insertRow();
      tr.dataset.day = d;
      const date = new Date(this.week + d * DAY + 3 * 3600000); // + 3 h: safe across a DST change
      const key = dayKey(date.getTime());
      const th = document.createElement('th');
      th.scope = 'row';
      th.innerHTML = `${LONG[d]} <span class="date">${date.getDate()}</span>`;
      if (key === today) { tr.classList.add('today'); th.setAttribute('aria-current', 'date'); }
      tr.appendChild(th);
      for (const a of ACTIVITIES) {
        const isPlanned = this.plan[a.id].includes(d);
        const isDone = !!(this.done[key] && this.done[key].has(a.id));
        const td = tr.insertCell();
        td.dataset.activity = a.id;
        td.className = (isPlanned ? 'planned ' : '') + (isDone ? 'done' : '');
        const label = document.createElement('label');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.checked = isPlanned;
        box.setAttribute('aria-label', `${a.name} planned on ${LONG[d]}`);
        box.addEventListener('change', () => this.toggle(a.id, d, box.checked));
        label.appendChild(box);
        td.appendChild(label);
        if (isDone) {
          const s = document.createElement('span');
          s.className = 'done-mark';
          s.textContent = '✓ done';
          td.appendChild(s);
        }
        if (isPlanned) planned++;
        if (isDone && isPlanned) doneCount++;
      }
    }
    const pairs = backToBack(this.plan.strengthen);
    const doneStrength = [...Array(7).keys()].filter(d => {
      const k = dayKey(this.week + d * DAY + 3 * 3600000);
      return this.done[k] && this.done[k].has('strengthen');
    });
    const donePairs = backToBack(doneStrength).filter(([a, b]) => b > a);
    const w = $('plan-warning');
    const words = [];
    if (pairs.length) words.push(`Strengthening is planned on back-to-back days (${pairs.map(([a, b]) => `${LONG[a]} and ${LONG[b]}`).join('; ')}). Leave a rest day between strengthening days.`);
    if (donePairs.length) words.push(`You strengthened on back-to-back days (${donePairs.map(([a, b]) => `${LONG[a]} and ${LONG[b]}`).join('; ')}); rest tomorrow.`);
    const n = this.plan.strengthen.length;
    if (n && (n < 2 || n > 3)) words.push(`The method asks for 2–3 strengthening days a week; ${n} are planned.`);
    w.textContent = words.join(' ');
    w.hidden = !words.length;
    $('plan-summary').textContent = `${doneCount} of ${planned} planned activities done this week.`;
    $('plan-title').textContent = this.week === weekStart(Date.now()) ? 'This week' : `Week of ${fmtDate(this.week, false)}`;
  }
}
