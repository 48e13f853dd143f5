// Chart exports: the SVG as drawn (with the page's chart styles inlined), a PNG rendered from
// it, and the chart's table as CSV.

const STYLE = `text{font:9px system-ui,sans-serif;fill:#44505e}.bar.left{fill:#1f5fc8}.bar.right{fill:#b35f00}
.line{fill:none;stroke-width:2}.pt{stroke:#fff;stroke-width:1}`;

function save(blob, name) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 5000);
}

/** The chart as a standalone SVG document. */
export function svgText(svg) {
  const copy = svg.cloneNode(true);
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const [, , w, h] = (svg.getAttribute('viewBox') || '0 0 360 220').split(/\s+/).map(Number);
  copy.setAttribute('width', w * 2);
  copy.setAttribute('height', h * 2);
  const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
  style.textContent = STYLE;
  copy.insertBefore(style, copy.firstChild);
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  for (const [k, v] of Object.entries({ x: 0, y: 0, width: w, height: h, fill: '#fff' })) bg.setAttribute(k, v);
  copy.insertBefore(bg, style.nextSibling);
  return new XMLSerializer().serializeToString(copy);
}

/** A table's cells as CSV (caption left out). */
export function csvText(table) {
  const quote = v => /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  return [...table.rows].map(r => [...r.cells].map(c => quote(c.textContent.trim())).join(',')).join('\n') + '\n';
}

export function exportSvg(svg, name) {
  save(new Blob([svgText(svg)], { type: 'image/svg+xml' }), name + '.svg');
}

export function exportPng(svg, name) {
  const text = svgText(svg);
  const img = new Image();
  img.onload = () => {
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    c.getContext('2d').drawImage(img, 0, 0);
    c.toBlob(b => save(b, name + '.png'), 'image/png');
  };
  img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(text);
}

export function exportCsv(table, name) {
  save(new Blob([csvText(table)], { type: 'text/csv' }), name + '.csv');
}

/** Adds "SVG", "PNG" and "CSV" buttons to every .exports row (data-chart: svg id; table: next table). */
export function wireExports(root) {
  for (const row of root.querySelectorAll('.exports')) {
    const svg = document.getElementById(row.dataset.chart);
    const table = svg.parentElement.querySelector('table');
    const label = svg.getAttribute('aria-label').split(',')[0].split(';')[0];
    for (const [kind, fn] of [['SVG', () => exportSvg(svg, row.dataset.name)], ['PNG', () => exportPng(svg, row.dataset.name)],
      ['CSV', () => exportCsv(table, row.dataset.name)]]) {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = `Save as ${kind}`;
      b.setAttribute('aria-label', `Save as ${kind}: ${label}`);
      b.dataset.export = kind.toLowerCase();
      b.addEventListener('click', fn);
      row.appendChild(b);
    }
  }
}
