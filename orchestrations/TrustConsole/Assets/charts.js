// A small line chart drawn as inline SVG: scores from 0 to 1 over time. Lines differ by dash pattern as well as
// colour, and every chart comes with a data table, so nothing depends on seeing colour.

const SVG = 'http://www.w3.org/2000/svg';

function el(name, attributes = {}, text) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

// Dates when the curve spans days, times (UTC) when it spans hours.
const label = (t, span) => new Date(t).toISOString().slice(span > 2 * 86_400_000 ? 0 : 11, span > 2 * 86_400_000 ? 10 : 16) + (span > 2 * 86_400_000 ? '' : ' UTC');

/**
 * series: [{ name, colour, dash, points: [{ at, value }] }]; returns an <svg> with a title and description.
 */
export function lineChart({ id, title, description, series, width = 640, height = 280 }) {
  const pad = { left: 48, right: 16, top: 16, bottom: 40 };
  const all = series.flatMap(s => s.points.map(p => new Date(p.at).getTime()));
  let min = Math.min(...all);
  let max = Math.max(...all);
  if (!isFinite(min)) { min = Date.now(); max = min; }
  if (max === min) { min -= 3600_000; max += 3600_000; }
  const x = t => pad.left + ((new Date(t).getTime() - min) / (max - min)) * (width - pad.left - pad.right);
  const y = v => pad.top + (1 - v) * (height - pad.top - pad.bottom);

  const svg = el('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${id}-title ${id}-desc` });
  svg.append(el('title', { id: `${id}-title` }, title));
  svg.append(el('desc', { id: `${id}-desc` }, description));

  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    svg.append(el('line', { x1: pad.left, x2: width - pad.right, y1: y(tick), y2: y(tick), stroke: '#c9ced6', 'stroke-width': 1 }));
    svg.append(el('text', { x: pad.left - 8, y: y(tick) + 4, 'text-anchor': 'end', 'font-size': 12, fill: '#1b1f24' }, tick.toFixed(2)));
  }
  svg.append(el('line', { x1: pad.left, x2: pad.left, y1: pad.top, y2: height - pad.bottom, stroke: '#4a5360' }));
  svg.append(el('text', { x: pad.left, y: height - 12, 'font-size': 12, fill: '#1b1f24' }, label(min, max - min)));
  svg.append(el('text', { x: width - pad.right, y: height - 12, 'text-anchor': 'end', 'font-size': 12, fill: '#1b1f24' }, label(max, max - min)));

  for (const s of series) {
    if (s.points.length === 0) continue;
    const d = s.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.at).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
    svg.append(el('path', { d, fill: 'none', stroke: s.colour, 'stroke-width': 2.5, 'stroke-dasharray': s.dash || 'none', 'data-series': s.name }));
    const last = s.points[s.points.length - 1];
    svg.append(el('circle', { cx: x(last.at), cy: y(last.value), r: 3.5, fill: s.colour }));
  }
  return svg;
}

/** The legend: each series' line sample and name. */
export function legend(series) {
  const list = document.createElement('ul');
  list.className = 'legend';
  for (const s of series) {
    const item = document.createElement('li');
    const sample = el('svg', { width: 36, height: 12, 'aria-hidden': 'true', focusable: 'false' });
    sample.append(el('line', { x1: 0, x2: 36, y1: 6, y2: 6, stroke: s.colour, 'stroke-width': 3, 'stroke-dasharray': s.dash || 'none' }));
    item.append(sample, document.createTextNode(s.name));
    list.append(item);
  }
  return list;
}
