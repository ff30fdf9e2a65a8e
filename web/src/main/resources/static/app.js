// The public board, kept live from /live (Server-Sent Events). The browser's EventSource resends
// the last event id when it reconnects, so the server sends only what was missed.
(function () {
  'use strict';

  const state = {
    round: new Map(),
    problem: new Map(),
    'problem-stats': new Map(),
    leaderboard: new Map(),
    award: new Map(),
    fund: new Map(),
  };
  let selectedRound = '';
  let renderQueued = false;
  let lastFinalsSummary = '';

  const money = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
  const pounds = (pence) => money.format(pence / 100);
  const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  const date = (iso) => (iso ? day.format(new Date(iso)) : '—');
  const byId = (id) => document.getElementById(id);

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (name === 'class') node.className = value;
      else if (name === 'text') node.textContent = value;
      else node.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children) {
      if (child !== null && child !== undefined) {
        node.append(child instanceof Node ? child : document.createTextNode(String(child)));
      }
    }
    return node;
  }

  function ordinal(n) {
    const suffix = ['th', 'st', 'nd', 'rd'];
    const v = n % 100;
    return n + (suffix[(v - 20) % 10] || suffix[v] || suffix[0]);
  }

  function humanStatus(status) {
    return (status || '').toLowerCase().replace(/_/g, ' ');
  }

  function apply(change) {
    const items = state[change.kind];
    if (!items) return;
    if (change.view === null) items.delete(change.id);
    else items.set(change.id, change.view);
    queueRender();
  }

  function queueRender() {
    if (renderQueued) return;
    renderQueued = true;
    requestAnimationFrame(() => {
      renderQueued = false;
      render();
    });
  }

  function rounds() {
    return [...state.round.values()].sort((a, b) => (b.opensAt || '').localeCompare(a.opensAt || ''));
  }

  function render() {
    renderRounds();
    renderProblems();
    renderFinals();
    renderAwards();
  }

  function renderRounds() {
    const select = byId('round-select');
    const list = rounds();
    if (!list.some((r) => r.roundId === selectedRound)) {
      // Default to the round most recently opened.
      selectedRound = list.length ? list[0].roundId : '';
    }
    const options = list.map((r) =>
      el('option', { value: r.roundId, selected: r.roundId === selectedRound }, `${r.name} (${humanStatus(r.status)})`));
    select.replaceChildren(...(options.length ? options : [el('option', { value: '' }, 'No rounds yet')]));
    select.disabled = options.length === 0;

    const details = byId('round-details');
    const round = state.round.get(selectedRound);
    if (!round) {
      details.replaceChildren(el('p', { class: 'status-line' }, 'No round has been announced yet.'));
      return;
    }
    details.replaceChildren(
      el('p', {}, round.description || ''),
      el('dl', { class: 'facts' },
        el('dt', {}, 'Status'), el('dd', { 'data-field': 'round-status' }, humanStatus(round.status)),
        el('dt', {}, 'Opens'), el('dd', {}, date(round.opensAt)),
        el('dt', {}, 'Closes'), el('dd', {}, date(round.closesAt)),
        el('dt', {}, 'Finals'), el('dd', {}, date(round.finalsAt))));
  }

  function fillFilter(select, values, label) {
    const current = select.value;
    const options = [el('option', { value: '' }, label)];
    for (const value of values) options.push(el('option', { value, selected: value === current }, value));
    select.replaceChildren(...options);
    if (!values.includes(current)) select.value = '';
  }

  function renderProblems() {
    const problems = [...state.problem.values()].filter((p) => p.roundId === selectedRound);
    const themes = [...new Set(problems.map((p) => p.theme))].sort();
    const boroughs = [...new Set(problems.flatMap((p) => p.boroughs || []))].sort();
    const themeSelect = byId('theme-filter');
    const boroughSelect = byId('borough-filter');
    fillFilter(themeSelect, themes, 'All themes');
    fillFilter(boroughSelect, boroughs, 'All boroughs');
    const theme = themeSelect.value;
    const borough = boroughSelect.value;
    const shown = problems
      .filter((p) => !theme || p.theme === theme)
      .filter((p) => !borough || (p.boroughs || []).includes(borough))
      .sort((a, b) => a.title.localeCompare(b.title));
    byId('problem-count').textContent = problems.length
      ? `Showing ${shown.length} of ${problems.length} problems.`
      : 'No problems have been published in this round yet.';
    byId('problem-list').replaceChildren(...shown.map((p) => {
      const stats = state['problem-stats'].get(p.problemId);
      const pitches = stats ? stats.submissions : 0;
      return el('li', { class: 'card', 'data-problem-id': p.problemId },
        el('h3', {}, p.title),
        el('p', { class: 'meta' }, `${p.theme} · ${p.ownerOrganisation} · ${(p.boroughs || []).join(', ')}`),
        el('p', {}, p.summary),
        el('p', { class: 'badges' },
          el('span', { class: 'badge', 'data-field': 'pitches' }, `${pitches} ${pitches === 1 ? 'pitch' : 'pitches'}`),
          el('span', { class: 'badge', 'data-field': 'endorsements' }, `${p.endorsements} ${p.endorsements === 1 ? 'endorsement' : 'endorsements'}`),
          p.status === 'CLOSED' ? el('span', { class: 'badge muted' }, 'closed to pitches') : null));
    }));
  }

  function renderFinals() {
    const board = state.leaderboard.get(selectedRound);
    const table = byId('finals-table');
    const status = byId('finals-status');
    if (!board) {
      table.hidden = true;
      status.textContent = 'The finals board appears once the shortlist is chosen.';
      return;
    }
    table.hidden = false;
    const complete = board.entries.filter((e) => e.rank !== null && e.rank !== undefined).length;
    const concluded = board.status === 'CONCLUDED';
    status.textContent = concluded
      ? 'Judging has concluded: this is the final ranking.'
      : `Judging is live: ${complete} of ${board.entries.length} pitches fully scored.`;
    status.dataset.state = board.status;
    byId('finals-body').replaceChildren(...board.entries.map((e) => {
      const ranked = e.rank !== null && e.rank !== undefined;
      const progress = el('progress', { max: e.panelSize || 1, value: e.scoresIn, 'aria-hidden': 'true' });
      return el('tr', { 'data-pitch-id': e.pitchId, class: ranked ? 'ranked' : 'pending' },
        el('td', { 'data-field': 'place' }, ranked ? ordinal(e.rank) : '—'),
        el('th', { scope: 'row' },
          el('span', { class: 'company' }, e.companyName || 'Company to be confirmed'),
          el('span', { class: 'pitch' }, e.title || '')),
        el('td', { 'data-field': 'scores-in' },
          el('span', {}, `scores in: ${e.scoresIn} of ${e.panelSize}`), progress),
        el('td', { 'data-field': 'score' }, ranked && e.score !== null && e.score !== undefined ? e.score.toFixed(1) : '—'));
    }));
    const summary = status.textContent;
    if (summary !== lastFinalsSummary) {
      lastFinalsSummary = summary;
      byId('finals-announcer').textContent = summary;
    }
  }

  function renderAwards() {
    const fund = state.fund.get(selectedRound);
    const summary = byId('fund-summary');
    byId('fund-empty').hidden = Boolean(fund);
    summary.hidden = !fund;
    if (fund) {
      summary.replaceChildren(
        el('div', {}, el('dt', {}, 'Seed fund'), el('dd', { 'data-field': 'budget' }, pounds(fund.budgetPence))),
        el('div', {}, el('dt', {}, 'Awarded'), el('dd', { 'data-field': 'allocated' }, pounds(fund.allocatedPence))),
        el('div', {}, el('dt', {}, 'Paid so far'), el('dd', { 'data-field': 'paid' }, pounds(fund.paidPence))),
        el('div', {}, el('dt', {}, 'Remaining'), el('dd', { 'data-field': 'remaining' }, pounds(fund.remainingPence))));
    }
    const awards = [...state.award.values()]
      .filter((a) => a.roundId === selectedRound)
      .sort((a, b) => a.rank - b.rank);
    byId('award-list').replaceChildren(...awards.map((a) => {
      const problem = state.problem.get(a.problemId);
      return el('li', { class: 'card award', 'data-award-id': a.awardId },
        el('h3', {}, `${ordinal(a.rank)} place: ${a.companyName || 'Company to be confirmed'}`),
        problem ? el('p', { class: 'meta' }, `For “${problem.title}”`) : null,
        el('p', { class: 'amount', 'data-field': 'amount' }, pounds(a.amountPence)),
        el('p', {}, `${humanStatus(a.status)} · ${a.tranchesReleased} of ${a.tranches} tranches paid (${pounds(a.paidPence)})`));
    }));
  }

  function connect() {
    const connection = byId('connection');
    const source = new EventSource('/live');
    source.addEventListener('reset', () => {
      for (const items of Object.values(state)) items.clear();
      queueRender();
    });
    source.addEventListener('view', (event) => apply(JSON.parse(event.data)));
    source.addEventListener('ready', () => {
      connection.dataset.state = 'live';
      connection.textContent = 'Live: updates appear as they happen.';
    });
    source.onerror = () => {
      connection.dataset.state = 'reconnecting';
      connection.textContent = 'Connection lost, reconnecting…';
    };
  }

  document.addEventListener('DOMContentLoaded', () => {
    byId('round-select').addEventListener('change', (event) => {
      selectedRound = event.target.value;
      render();
    });
    byId('theme-filter').addEventListener('change', renderProblems);
    byId('borough-filter').addEventListener('change', renderProblems);
    render();
    connect();
  });
})();
