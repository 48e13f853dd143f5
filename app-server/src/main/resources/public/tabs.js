// The ARIA tab pattern: one tab in the tab order, arrow keys (and Home/End) move between tabs
// and activate them, each tab names the panel it controls.

/** Wires a tablist; onSelect(name) runs when a tab is chosen. Returns select(name). */
export function tabs(list, onSelect) {
  const all = [...list.querySelectorAll('[role=tab]')];
  const select = (name, focus = false) => {
    for (const t of all) {
      const on = t.dataset.view === name;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      t.classList.toggle('active', on);
      const panel = document.getElementById(t.getAttribute('aria-controls'));
      panel.hidden = !on;
      panel.classList.toggle('active', on);
      if (on && focus) t.focus();
    }
    onSelect(name);
  };
  for (const t of all) {
    t.addEventListener('click', () => select(t.dataset.view));
    t.addEventListener('keydown', e => {
      const i = all.indexOf(t);
      const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: all.length - 1 }[e.key];
      if (to === undefined) return;
      e.preventDefault();
      select(all[(to + all.length) % all.length].dataset.view, true);
    });
  }
  return select;
}
