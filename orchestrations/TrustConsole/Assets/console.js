// The AgentTrust console: plain DOM, no framework, nothing loaded from elsewhere. Every list is paged by the server
// (continuation tokens), so the page stays fast however many decisions there are. Text from the API is always set as
// text, never as HTML.
import { lineChart, legend } from './charts.js';
import { verifyRecord } from './verify.js';

const views = ['trust', 'approvals', 'decisions', 'evidence', 'metrics', 'ranking'];
let session = { signedIn: false, approver: null, csrfHeader: 'X-AgentTrust-Console' };
const loaded = new Set();

function h(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k === 'class') node.className = v;
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

/** The nodes that are there: replaceChildren would print a null as the text "null". */
const present = (...nodes) => nodes.filter(n => n !== null && n !== undefined);

const fmt = n => (typeof n === 'number' ? n.toFixed(3) : '–');
const when = t => (t ? new Date(t).toISOString().replace('T', ' ').slice(0, 19) + 'Z' : '–');

function announce(text) {
  document.getElementById('announce').textContent = text;
}

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  let body = null;
  try { body = await response.json(); } catch { body = null; }
  return { status: response.status, ok: response.ok, body };
}

function problemText(result) {
  const b = result.body || {};
  const fields = (b.errors || []).map(e => `${e.field}: ${e.message}`).join('; ');
  return `${b.title || 'Request failed'} (HTTP ${result.status})${b.detail ? ': ' + b.detail : ''}${fields ? ' [' + fields + ']' : ''}`;
}

function statusCell(status) {
  return h('td', {}, h('span', { class: `status status-${status}` }, status));
}

// ---- navigation -------------------------------------------------------------------------------------------------

function show(view) {
  if (!views.includes(view)) view = 'trust';
  for (const v of views) {
    document.getElementById(`view-${v}`).hidden = v !== view;
    const link = document.querySelector(`a[data-view="${v}"]`);
    if (v === view) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
  }
  document.title = `${document.querySelector(`a[data-view="${view}"]`).textContent} - AgentTrust console`;
  if (!loaded.has(view)) {
    loaded.add(view);
    loaders[view]();
  }
}

window.addEventListener('hashchange', () => {
  const [view, arg] = location.hash.slice(1).split('/');
  show(view);
  if (view === 'evidence' && arg) openRecord(decodeURIComponent(arg));
  document.getElementById('main').focus();
});

// ---- session ----------------------------------------------------------------------------------------------------

async function loadSession() {
  const result = await getJson('/api/console/session');
  const line = document.getElementById('session');
  if (result.ok) {
    session = result.body;
    line.textContent = session.signedIn
      ? `Signed in as ${session.approver}${session.source === 'development' ? ' (development approver)' : ''}`
      : 'Not signed in: read-only';
  } else {
    line.textContent = 'Sign-in status unknown: ' + problemText(result);
  }
}

// ---- paged tables -----------------------------------------------------------------------------------------------

function pager({ url, tbody, more, row, empty, columns }) {
  let next = null;
  async function load(reset) {
    if (reset) { tbody.replaceChildren(); next = null; }
    const separator = url().includes('?') ? '&' : '?';
    const target = next ? `${url()}${separator}continuationToken=${encodeURIComponent(next)}` : url();
    const result = await getJson(target);
    if (!result.ok) {
      tbody.append(h('tr', {}, h('td', { colspan: columns, class: 'error' }, problemText(result))));
      more.hidden = true;
      return;
    }
    for (const item of result.body.items) tbody.append(row(item));
    next = result.body.continuationToken;
    more.hidden = !next;
    if (tbody.children.length === 0 && !next) tbody.append(h('tr', {}, h('td', { colspan: columns, class: 'unavailable' }, empty)));
  }
  more.addEventListener('click', () => load(false));
  return load;
}

// ---- agents and lanes -------------------------------------------------------------------------------------------

const loadTrust = pager({
  url: () => '/api/trust?pageSize=50',
  tbody: document.querySelector('#trust-table tbody'),
  more: document.getElementById('trust-more'),
  columns: 8,
  empty: 'No trust evidence yet: agents appear here after their first decision.',
  row: item => h('tr', {},
    h('td', {}, h('code', {}, item.agentId)),
    h('td', {}, item.lane),
    h('td', {}, item.tier || 'no pact'),
    h('td', { class: 'num' }, `${fmt(item.conduct.mean)} (${fmt(item.conduct.lowerBound)})`),
    h('td', { class: 'num' }, `${fmt(item.outcome.mean)} (${fmt(item.outcome.lowerBound)})`),
    h('td', { class: 'num' }, item.conduct.events + item.outcome.events),
    h('td', { class: 'num' }, when(item.lastEventAt)),
    h('td', {}, h('button', { type: 'button', class: 'secondary', onclick: () => showHistory(item) }, `Chart ${item.agentId} in ${item.lane}`))),
});

async function showHistory(item) {
  const panel = document.getElementById('trust-history');
  panel.hidden = false;
  panel.replaceChildren(h('p', {}, 'Loading history…'));
  const result = await getJson(`/api/agents/${encodeURIComponent(item.agentId)}/trust/history?lane=${encodeURIComponent(item.lane)}&points=120`);
  if (!result.ok) {
    panel.replaceChildren(h('p', { class: 'error' }, problemText(result)));
    return;
  }
  const points = result.body.points;
  const series = [
    { name: 'Conduct (mean)', colour: '#1f5fbf', points: points.map(p => ({ at: p.at, value: p.conduct.mean })) },
    { name: 'Conduct (lower bound)', colour: '#1f5fbf', dash: '6 4', points: points.map(p => ({ at: p.at, value: p.conduct.lowerBound })) },
    { name: 'Outcome (mean)', colour: '#9a4a00', points: points.map(p => ({ at: p.at, value: p.outcome.mean })) },
    { name: 'Outcome (lower bound)', colour: '#9a4a00', dash: '2 3', points: points.map(p => ({ at: p.at, value: p.outcome.lowerBound })) },
  ];
  const last = points[points.length - 1];
  const heading = `Trust of ${item.agentId} in ${item.lane}`;
  const chart = lineChart({
    id: 'history-chart',
    title: heading,
    description: `${result.body.signals} trust changes folded. Now: conduct ${fmt(last.conduct.mean)} (lower bound ${fmt(last.conduct.lowerBound)}), outcome ${fmt(last.outcome.mean)} (lower bound ${fmt(last.outcome.lowerBound)}).`,
    series,
  });
  const table = h('table', {},
    h('caption', {}, 'Data points'),
    h('thead', {}, h('tr', {}, ['At', 'Events', 'Conduct', 'Conduct lower bound', 'Outcome', 'Outcome lower bound'].map(c => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, points.map(p => h('tr', {},
      h('td', { class: 'num' }, when(p.at)), h('td', { class: 'num' }, p.events),
      h('td', { class: 'num' }, fmt(p.conduct.mean)), h('td', { class: 'num' }, fmt(p.conduct.lowerBound)),
      h('td', { class: 'num' }, fmt(p.outcome.mean)), h('td', { class: 'num' }, fmt(p.outcome.lowerBound))))));
  panel.replaceChildren(...present(
    h('h3', { id: 'history-heading', tabindex: '-1' }, heading),
    result.body.partial ? h('p', { class: 'hint' }, 'Only the newest trust changes were folded; the start of the curve lacks older evidence.') : null,
    h('div', { class: 'chart' }, chart, legend(series)),
    h('details', {}, h('summary', {}, 'Show the data as a table'), table)));
  document.getElementById('history-heading').focus();
  announce(`${heading} charted.`);
}

// ---- approvals --------------------------------------------------------------------------------------------------

const loadApprovals = pager({
  url: () => '/api/actions?status=awaiting-approval&pageSize=50',
  tbody: document.querySelector('#approvals-table tbody'),
  more: document.getElementById('approvals-more'),
  columns: 7,
  empty: 'Nothing is waiting for a person.',
  row: item => {
    const commentId = `comment-${item.id}`;
    const answer = session.signedIn
      ? h('div', { class: 'answer' },
        h('label', { for: commentId }, 'Comment'),
        h('input', { id: commentId, type: 'text', maxlength: 2000, size: 18 }),
        h('button', { type: 'button', 'data-action': item.id, 'data-answer': 'approve', onclick: () => decide(item.id, true) }, 'Approve'),
        h('button', { type: 'button', class: 'danger', 'data-action': item.id, 'data-answer': 'reject', onclick: () => decide(item.id, false) }, 'Reject'))
      : h('span', { class: 'unavailable' }, 'Sign in to answer');
    return h('tr', { 'data-action-row': item.id },
      h('td', {}, h('code', {}, item.id)),
      h('td', {}, `${item.agentId} in ${item.lane}`),
      h('td', {}, `${item.ticket.system} ${item.ticket.id}`),
      statusCell(item.status),
      h('td', {}, h('ul', {}, item.reasons.map(r => h('li', {}, r)))),
      h('td', { class: 'num' }, when(item.decidedAt)),
      h('td', {}, answer));
  },
});

async function decide(id, approved) {
  const out = document.getElementById('approvals-result');
  const comment = document.getElementById(`comment-${id}`)?.value || null;
  for (const b of document.querySelectorAll(`button[data-action="${CSS.escape(id)}"]`)) b.disabled = true;
  const response = await fetch(`/api/console/approvals/${encodeURIComponent(id)}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', [session.csrfHeader]: '1' },
    body: JSON.stringify({ approved, comment }),
  });
  let body = null;
  try { body = await response.json(); } catch { body = null; }
  if (response.ok) {
    out.textContent = `${approved ? 'Approved' : 'Rejected'} ${id} as ${session.approver}. The workflow records the answer as evidence.`;
    await waitForAnswer(id);
  } else {
    out.textContent = `Not recorded: ${problemText({ status: response.status, body })}`;
    for (const b of document.querySelectorAll(`button[data-action="${CSS.escape(id)}"]`)) b.disabled = false;
  }
}

/** The answer is raised on the workflow; the feed shows it once the approval record is written. */
async function waitForAnswer(id) {
  for (let i = 0; i < 40; i++) {
    const result = await getJson(`/api/actions/${encodeURIComponent(id)}`);
    if (result.ok && !['awaiting-approval', 'escalated'].includes(result.body.status)) break;
    await new Promise(r => setTimeout(r, 500));
  }
  await loadApprovals(true);
  loaded.delete('decisions');
}

// ---- decisions --------------------------------------------------------------------------------------------------

const loadDecisions = pager({
  url: () => {
    const status = document.getElementById('decisions-status').value;
    return `/api/actions?pageSize=50${status ? '&status=' + encodeURIComponent(status) : ''}`;
  },
  tbody: document.querySelector('#decisions-table tbody'),
  more: document.getElementById('decisions-more'),
  columns: 8,
  empty: 'No decisions yet.',
  row: item => h('tr', { 'data-action-row': item.id },
    h('td', { class: 'num' }, when(item.decidedAt)),
    h('td', {}, h('code', {}, item.id)),
    h('td', {}, `${item.agentId} in ${item.lane}`),
    h('td', {}, `${item.ticket.system} ${item.ticket.id}`),
    statusCell(item.status),
    h('td', {}, h('ul', {}, item.reasons.map(r => h('li', {}, r)))),
    h('td', {}, item.approver ? `${item.approver}${item.comment ? ': ' + item.comment : ''}` : '–'),
    h('td', {}, item.evidence
      ? h('a', { href: `#evidence/${encodeURIComponent(item.evidence)}`, 'data-verify': item.id }, 'Verify decision record')
      : '–')),
});

document.getElementById('decisions-filter').addEventListener('submit', e => {
  e.preventDefault();
  loadDecisions(true);
});

// ---- evidence ---------------------------------------------------------------------------------------------------

document.getElementById('evidence-form').addEventListener('submit', e => {
  e.preventDefault();
  openRecord(document.getElementById('evidence-name').value.trim());
});

async function openRecord(name) {
  const out = document.getElementById('evidence-result');
  document.getElementById('evidence-name').value = name;
  out.replaceChildren(h('p', {}, 'Fetching and verifying…'));
  const result = await getJson(`/api/evidence/record?name=${encodeURIComponent(name)}`);
  if (!result.ok) {
    out.replaceChildren(h('p', { class: 'error' }, problemText(result)));
    return;
  }
  let verified;
  try {
    verified = await verifyRecord(result.body);
  } catch (e) {
    out.replaceChildren(h('p', { class: 'error' }, 'Verification could not run: ' + e.message));
    return;
  }
  const failed = verified.checks.filter(c => c.ok === false).length;
  const pending = verified.checks.filter(c => c.ok === null).length;
  const verdict = failed > 0 ? `NOT VERIFIED: ${failed} check(s) failed` : pending > 0 ? 'Signature verified; inclusion not yet provable' : 'Verified';
  const predicate = verified.statement ? verified.statement.predicate : null;
  out.replaceChildren(...present(
    h('h3', { id: 'evidence-verdict', tabindex: '-1', 'data-verdict': failed > 0 ? 'failed' : pending > 0 ? 'pending' : 'verified' }, verdict),
    h('ul', { class: 'checks' }, verified.checks.map(c => h('li', {},
      h('span', { class: c.ok === true ? 'check-pass' : c.ok === false ? 'check-fail' : 'check-skip' }, c.ok === true ? '✓ passed: ' : c.ok === false ? '✗ failed: ' : '… not yet: '),
      c.name, ' ', h('span', { class: 'hint' }, `(${c.detail})`)))),
    predicate ? h('dl', {},
      h('dt', {}, 'Kind'), h('dd', {}, predicate.kind),
      h('dt', {}, 'Action'), h('dd', {}, h('code', {}, predicate.actionId)),
      h('dt', {}, 'Agent and lane'), h('dd', {}, `${predicate.agentId} in ${predicate.lane}`),
      h('dt', {}, 'Ticket'), h('dd', {}, `${predicate.ticketSystem} ${predicate.ticketId}`),
      h('dt', {}, 'Occurred'), h('dd', {}, when(predicate.occurredAt)),
      h('dt', {}, 'Leaf hash'), h('dd', {}, h('code', {}, verified.leaf))) : null,
    predicate ? h('details', {}, h('summary', {}, 'Show the signed statement'), h('pre', {}, JSON.stringify(verified.statement, null, 2))) : null));
  document.getElementById('evidence-verdict').focus();
  announce(verdict);
}

// ---- metrics and ranking (whatever the deployment has) ----------------------------------------------------------

function flatten(value, prefix = '', out = {}) {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out[prefix] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function genericTable(rows, caption) {
  const flat = rows.map(r => flatten(r));
  const columns = [...new Set(flat.flatMap(r => Object.keys(r)))];
  // A scrollable region must be reachable by keyboard (WCAG 2.1.1): focusable, named.
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption }, h('table', {},
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', {}, h('tr', {}, columns.map(c => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, flat.map(r => h('tr', {}, columns.map(c => h('td', { class: typeof r[c] === 'number' ? 'num' : undefined },
      typeof r[c] === 'number' ? (Number.isInteger(r[c]) ? r[c] : r[c].toFixed(3)) : (r[c] ?? '–'))))))));
}

async function loadOptional(url, target, caption, pick) {
  const out = document.getElementById(target);
  out.replaceChildren(h('p', {}, 'Loading…'));
  const result = await getJson(url);
  if (result.status === 404 || result.status === 401 || result.status === 403) {
    out.replaceChildren(h('p', { class: 'unavailable', 'data-unavailable': 'true' },
      result.status === 404 ? 'Not available in this deployment yet.' : `Not available to the console here (HTTP ${result.status}).`));
    return;
  }
  if (!result.ok) {
    out.replaceChildren(h('p', { class: 'error' }, problemText(result)));
    return;
  }
  const rows = pick(result.body);
  out.replaceChildren(rows.length ? genericTable(rows, caption) : h('p', { class: 'unavailable' }, 'Nothing yet.'));
}

const loaders = {
  trust: () => loadTrust(true),
  approvals: () => {
    document.getElementById('approvals-who').textContent = session.signedIn
      ? `You answer as ${session.approver}. Answers go to the waiting workflow, which records them as evidence.`
      : 'You are not signed in, so you can see but not answer.';
    return loadApprovals(true);
  },
  decisions: () => loadDecisions(true),
  evidence: () => {},
  metrics: () => loadOptional('/api/metrics/weekly', 'metrics-body', 'Weekly metrics per week, lane, agent and handler', b => b.weeks || []),
  ranking: () => loadOptional('/api/lanes/ranking', 'ranking-body', 'Lanes by readiness',
    b => (Array.isArray(b) ? b : b.items || b.lanes || b.ranking || [])),
};

// ---- start --------------------------------------------------------------------------------------------------------

await loadSession();
const [first, arg] = location.hash.slice(1).split('/');
show(first || 'trust');
if (first === 'evidence' && arg) openRecord(decodeURIComponent(arg));
document.body.dataset.ready = 'true';
