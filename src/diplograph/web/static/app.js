/* diplograph web view: timeline, link chart and evidence.
   Served (window.DIPLOGRAPH.mode == "server"): asks /api for what is in view.
   Static report ("static"): filters the data embedded in data.js the same way. */
(function () {
  'use strict';
  var CONF = window.DIPLOGRAPH || { mode: 'server' };
  var STATIC = CONF.mode === 'static';
  var DATA = CONF.data || null;
  var PRINCIPAL = { host: 1, guest: 1, attendee: 1, signatory: 1, agent: 1 };
  var MAX_LANES = 8;
  var LANE_CAP = CONF.laneCap || 40;  // items a lane shows one by one in view; beyond, counts per month or year
  var DAY = 86400000;
  var facets = null, actorsById = {}, timeline = null, items = null, groups = null, cy = null;
  var fetched = null, view = null, seq = 0, ownHash = null, timer = null, chartTimer = null;
  var state = readHash();

  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, children) {
    var n = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') n.textContent = attrs[k]; else if (k === 'cls') n.className = attrs[k];
      else if (k === 'onclick') n.addEventListener('click', attrs[k]); else n.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) n.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return n;
  }
  function list(v) { return v ? v.split(',').filter(Boolean) : []; }

  // -- state in the URL hash -------------------------------------------------------------
  function readHash() {
    var p = new URLSearchParams(location.hash.slice(1));
    return { from: p.get('from') || '', to: p.get('to') || '', actor: list(p.get('actor')),
      type: list(p.get('type')), source: list(p.get('source')), q: p.get('q') || '', sel: p.get('sel') || '' };
  }
  function writeHash() {
    var p = new URLSearchParams();
    ['from', 'to', 'q', 'sel'].forEach(function (k) { if (state[k]) p.set(k, state[k]); });
    ['actor', 'type', 'source'].forEach(function (k) { if (state[k].length) p.set(k, state[k].join(',')); });
    ownHash = p.toString();
    location.replace(location.href.split('#')[0] + '#' + ownHash);
  }
  window.addEventListener('hashchange', function () {
    if (location.hash.slice(1) === ownHash) return;
    state = readHash(); showFilters(); refresh(true); if (state.sel) select(state.sel, false);
  });

  // -- data: the server's API, or the embedded data filtered alike ------------------------
  function api(path) {
    return fetch(path).then(function (r) {
      return r.json().then(function (j) { if (!r.ok) throw new Error(j.error || r.statusText); return j; });
    });
  }
  function rolledUp(ids) {
    var set = {};
    ids.forEach(function (a) { set[a] = 1; });
    Object.keys(actorsById).forEach(function (a) { if (set[actorsById[a].country]) set[a] = 1; });
    return set;
  }
  function fits(earliest, latest, from, to) {
    return !(from && latest && latest < from) && !(to && earliest && earliest > to);
  }
  function matches(row, needle, sources) {
    var cites = row.citations || [];
    if (sources.length && !cites.some(function (c) { return sources.indexOf(c.source) >= 0; })) return false;
    if (!needle) return true;
    var hay = [row.label, row.place_name, row.outcome, row.text, row.speaker_name];
    (row.participants || []).forEach(function (p) { hay.push(p.name); });
    cites.forEach(function (c) { hay.push(c.quote, c.title); });
    return hay.some(function (h) { return typeof h === 'string' && h.toLowerCase().indexOf(needle) >= 0; });
  }
  function localView(from, to) {
    var who = state.actor.length ? rolledUp(state.actor) : null;
    var needle = state.q.trim().toLowerCase();
    var evs = DATA.events.filter(function (e) {
      return fits(e.time_earliest, e.time_latest, from, to) &&
        (!state.type.length || state.type.indexOf(e.type) >= 0) &&
        (!who || e.participants.some(function (p) { return who[p.actor]; })) && matches(e, needle, state.source);
    });
    var sts = (state.type.length && !who) ? [] : DATA.statements.filter(function (s) {
      return fits(s.date_earliest, s.date_latest, from, to) && (!who || who[s.speaker]) && matches(s, needle, state.source);
    });
    return Promise.resolve({ mode: 'items', from: from || null, to: to || null, events: evs, statements: sts,
      total: { events: evs.length, statements: sts.length } });
  }
  function queryWindow() {
    var from = state.from, to = state.to;
    if (!STATIC && timeline && (!from || !to)) {
      var w = timeline.getWindow(), span = w.end - w.start;
      var a = new Date(w.start.getTime() - span / 2), b = new Date(w.end.getTime() + span / 2);
      if (!from || a.toISOString().slice(0, 10) > from) from = a.toISOString().slice(0, 10);
      if (!to || b.toISOString().slice(0, 10) < to) to = b.toISOString().slice(0, 10);
    }
    return [from, to];
  }
  function fetchView() {
    var w = queryWindow();
    if (STATIC) return localView(w[0], w[1]);
    var p = new URLSearchParams();
    if (w[0]) p.set('from', w[0]);
    if (w[1]) p.set('to', w[1]);
    ['actor', 'type', 'source'].forEach(function (k) { if (state[k].length) p.set(k, state[k].join(',')); });
    if (state.q) p.set('q', state.q);
    p.set('citations', '0');  // the timeline needs none; the detail brings them
    return api('api/events?' + p.toString());
  }

  // -- the timeline --------------------------------------------------------------------------
  function nextDay(d) { return new Date(Date.parse(d) + DAY).toISOString().slice(0, 10); }
  function shape(edtf, earliest, latest, ext) {
    var start = earliest || ext[0], end = latest || ext[1];
    if (/^\d{4}-\d{2}-\d{2}$/.test(edtf)) return { type: 'box', start: start, cls: 'day' };
    if (/^\d{4}-\d{2}-\d{2}\/\d{4}-\d{2}-\d{2}$/.test(edtf)) return { type: 'range', start: start, end: nextDay(end), cls: 'span' };
    return { type: 'range', start: start, end: nextDay(end), cls: 'band' };
  }
  function precisionText(edtf) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(edtf)) return 'day';
    if (/^\d{4}-\d{2}$/.test(edtf)) return 'known only to the month';
    if (/^\d{4}$/.test(edtf)) return 'known only to the year';
    if (edtf.indexOf('/') >= 0) return 'span';
    return 'uncertain or approximate';
  }
  function lanesFor(v) {
    var count = {};
    v.events.forEach(function (e) {
      e.participants.forEach(function (p) { if (PRINCIPAL[p.role]) count[p.actor] = (count[p.actor] || 0) + 1; });
    });
    v.statements.forEach(function (s) { count[s.speaker] = (count[s.speaker] || 0) + 0.5; });
    var chosen = state.actor.filter(function (a) { return count[a]; });
    Object.keys(count).sort(function (a, b) { return count[b] - count[a] || (a < b ? -1 : 1); })
      .forEach(function (a) { if (chosen.length < MAX_LANES && chosen.indexOf(a) < 0) chosen.push(a); });
    return chosen;
  }
  function nameOf(id) { return actorsById[id] ? actorsById[id].name : id; }
  function render(v, fresh) {  // fresh: new data (else the same view at another zoom)
    view = v;
    var ext = [v.from || (facets.extent || [])[0], v.to || (facets.extent || [])[1]];
    var out = [], lanes = [], used = {};
    if (v.mode === 'buckets') {
      lanes.push({ id: 'counts', content: 'Events and statements (counts)', order: 0 });
      v.buckets.forEach(function (b, i) {
        out.push({ id: 'b:' + i, group: 'counts', type: 'range', start: b.start, end: b.end, content: String(b.count),
          className: 'bucket', title: b.count + ' from ' + b.start + ' to ' + b.end });
      });
      status(v.total.events + ' events and ' + v.total.statements + ' statements: ' + v.note);
    } else {
      var chosen = lanesFor(v);
      chosen.forEach(function (a, i) { lanes.push({ id: a, content: nameOf(a), order: i }); });
      var put = function (base, lane) {
        used[lane] = 1; var it = Object.assign({}, base, { id: base.id + '@' + lane, group: lane });
        it.className += ' lane-' + lane; out.push(it);
      };
      v.events.forEach(function (e) {
        var s = shape(e.time, e.time_earliest, e.time_latest, ext);
        var base = { id: 'event:' + e.id, type: s.type, start: s.start, end: s.end, content: e.label,
          className: 'event ' + s.cls + ' type-' + e.type, title: e.label + ' (' + e.time + ', ' + precisionText(e.time) + ')' };
        var on = e.participants.filter(function (p) { return PRINCIPAL[p.role] && chosen.indexOf(p.actor) >= 0; });
        if (on.length) on.forEach(function (p) { if (!used[p.actor + '|' + e.id]) { used[p.actor + '|' + e.id] = 1; put(base, p.actor); } });
        else put(base, 'others');
      });
      v.statements.forEach(function (st) {
        var s = shape(st.date, st.date_earliest, st.date_latest, ext);
        var short = st.text.length > 48 ? st.text.slice(0, 46) + '…' : st.text;
        put({ id: 'statement:' + st.id, type: s.type === 'box' ? 'point' : 'range', start: s.start, end: s.end,
          content: '“' + short + '”', className: 'statement ' + s.cls,
          title: st.speaker_name + ', ' + st.date + ': “' + st.text + '”' }, chosen.indexOf(st.speaker) >= 0 ? st.speaker : 'others');
      });
      if (used.others) lanes.push({ id: 'others', content: 'Others', order: 99 });
      var counted = capLanes(out);
      out = counted.items;
      status(v.events.length + ' events, ' + v.statements.length + ' statements' + (counted.lanes.length
        ? ' (counted per ' + counted.per + ' on ' + counted.lanes.map(function (l) { return l === 'others' ? 'Others' : nameOf(l); }).join(', ') + ': zoom in or filter)' : ''));
    }
    swap(lanes, out);
    document.body.dataset.drawn = String(Number(document.body.dataset.drawn || 0) + 1);  // views drawn
    if (state.sel) timeline.setSelection(out.filter(function (i) { return i.id.split('@')[0] === state.sel; }).map(function (i) { return i.id; }));
    if (!fresh) return;
    clearTimeout(chartTimer);
    if (!state.sel) chartTimer = setTimeout(function () { requestAnimationFrame(chartOfView); }, 0);  // after the timeline's frame
  }
  // A lane with more than LANE_CAP items in view shows how many it holds per day, month or year
  // (as the whole view does when zoomed out), and a click on a count zooms in on it: hundreds of
  // items on one lane are unreadable, and each costs the timeline a measure of its size.
  function within(it, a, b) {
    var s = Date.parse(it.start), e = it.end ? Date.parse(it.end) : s;
    return s <= b && e >= a;
  }
  function capLanes(out) {
    var w = timeline.getWindow(), a = w.start.getTime(), b = w.end.getTime();
    var none = { items: out, lanes: [], per: '' };
    var per = b - a > 4 * 366 * DAY ? 'year' : b - a > 62 * DAY ? 'month' : 'day', byLane = {}, order = [];
    out.forEach(function (it) {
      if (!byLane[it.group]) { byLane[it.group] = []; order.push(it.group); }
      byLane[it.group].push(it);
    });
    var over = order.filter(function (lane) { return byLane[lane].filter(function (it) { return within(it, a, b); }).length > LANE_CAP; });
    if (!over.length) return none;
    var kept = out.filter(function (it) { return over.indexOf(it.group) < 0; });
    over.forEach(function (lane) { kept = kept.concat(laneCounts(lane, byLane[lane], per)); });
    return { items: kept, lanes: over, per: per };
  }
  function laneCounts(lane, its, per) {
    var n = {}, out = [], size = { year: 4, month: 7, day: 10 }[per];
    its.forEach(function (it) { var k = String(it.start).slice(0, size); n[k] = (n[k] || 0) + 1; });
    Object.keys(n).sort().forEach(function (k) {
      var y = Number(k.slice(0, 4)), m = per === 'year' ? 0 : Number(k.slice(5, 7)) - 1, d = per === 'day' ? Number(k.slice(8, 10)) : 1;
      var start = new Date(Date.UTC(y, m, d));
      var end = new Date(Date.UTC(y + (per === 'year' ? 1 : 0), m + (per === 'month' ? 1 : 0), d + (per === 'day' ? 1 : 0)));
      var name = lane === 'others' ? 'others' : nameOf(lane);
      out.push({ id: 'b:' + lane + ':' + k, group: lane, type: 'range', start: start.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10),
        content: String(n[k]), className: 'bucket lane-' + lane, title: n[k] + ' events and statements of ' + name + ' in ' + k + ': zoom in to see them' });
    });
    return out;
  }
  // The timeline's data sets are brought to the new view in place: only the items that changed
  // are removed, changed or added, so a view that keeps most of its items redraws little.
  function same(a, b) {
    var ka = Object.keys(a), kb = Object.keys(b);
    return ka.length === kb.length && kb.every(function (k) { return a[k] === b[k]; });
  }
  function sync(set, rows) {
    var old = set.get({ returnType: 'Object' }), keep = {}, add = [], change = [];
    rows.forEach(function (r) {
      keep[r.id] = 1;
      if (!old[r.id]) add.push(r); else if (!same(old[r.id], r)) change.push(r);
    });
    set.remove(Object.keys(old).filter(function (id) { return !keep[id]; }));
    if (change.length) set.update(change);
    return add;
  }
  // vis-timeline lays out each item it is given while the item is in view, one at a time (a
  // forced layout per item); items that arrive out of view are laid out together at its next
  // redraw. So many new items go in while the window looks elsewhere, and the window comes back.
  function swap(lanes, out) {
    var newLanes = sync(groups, lanes);
    if (newLanes.length) groups.add(newLanes);
    var add = sync(items, out);
    if (add.length < 100 || !document.body.dataset.drawn) { items.add(add); return; }  // few, or the first view
    var w = timeline.getWindow(), away = new Date(Date.UTC(9000, 0, 1));
    timeline.setWindow(away, new Date(away.getTime() + 7 * DAY), { animation: false });
    items.add(add);
    timeline.setWindow(w.start, w.end, { animation: false });
    timeline.redraw();
  }
  function status(text, error) { var s = $('status'); s.textContent = text; s.className = error ? 'error' : ''; }
  // how long the last view took, in ms: its data (request or filter), drawing the timeline, the chart
  var timings = {}, t0 = 0;
  function mark(what, since) { var now = performance.now(); timings[what] = Math.round(now - since); return now; }
  function refresh(moveWindow) {
    var mine = ++seq, started = performance.now();
    if (moveWindow && state.from && state.to) timeline.setWindow(state.from, nextDay(state.to), { animation: false });
    fetched = queryWindow();
    return fetchView().then(function (v) {
      if (mine !== seq) return;
      timings = {}; t0 = mark('data', started); render(v, true); t0 = mark('timeline', t0);
    }).catch(function (e) { if (mine === seq) status(e.message, true); });
  }

  // -- the link chart -------------------------------------------------------------------------
  var CHART_EVENTS = 12;  // events the chart of a view shows (a selection shows all of its own)
  function drawChart(nodes, edges, centre) {
    var els = Object.keys(nodes).map(function (k) { return { data: nodes[k] }; })
      .concat(edges.map(function (e, i) { return { data: Object.assign({ id: 'edge' + i }, e), classes: centre ? '' : 'overview' }; }));
    cy.batch(function () { cy.elements().remove(); cy.add(els); });
    if (centre) {  // the selection in the middle, its statements, then the people and events around
      var ring = { statement: 2, event: 1, actor: 0 };
      cy.layout({ name: 'concentric', animate: false, minNodeSpacing: 45, padding: 30,
        concentric: function (n) { return n.id() === centre ? 3 : ring[n.data('kind')]; }, levelWidth: function () { return 1; } }).run();
      return;
    }
    // the actors on the inner ring (the busiest first), the events around them: one pass, whatever
    // the size (a force-directed layout took longer than drawing the timeline)
    cy.layout({ name: 'concentric', animate: false, minNodeSpacing: 50, padding: 20,
      concentric: function (n) { return n.data('kind') === 'actor' ? 2 : 1; }, levelWidth: function () { return 1; },
      sort: function (a, b) { return b.degree() - a.degree(); } }).run();
  }
  function actorNode(nodes, id, name) { nodes['actor:' + id] = { id: 'actor:' + id, label: name || nameOf(id), kind: 'actor' }; }
  function chartOfView() {
    var since = performance.now();
    try { chartOfViewNow(); } finally { mark('chart', since); }
  }
  function chartOfViewNow() {
    if (!cy || !view || view.mode !== 'items') { if (cy) cy.elements().remove(); return; }
    var nodes = {}, edges = [], w = timeline.getWindow(), a = w.start.toISOString().slice(0, 10), b = w.end.toISOString().slice(0, 10);
    var seen = view.events.filter(function (e) { return fits(e.time_earliest, e.time_latest, a, b); });  // those in view first
    (seen.length ? seen : view.events).slice(0, CHART_EVENTS).forEach(function (e) {
      nodes['event:' + e.id] = { id: 'event:' + e.id, label: e.label, kind: 'event' };
      e.participants.forEach(function (p) {
        if (!PRINCIPAL[p.role]) return;
        actorNode(nodes, p.actor, p.name); edges.push({ source: 'actor:' + p.actor, target: 'event:' + e.id, label: p.role });
      });
    });
    drawChart(nodes, edges);
  }
  function chartOfDetail(d) {
    var nodes = {}, edges = [];
    var addEvent = function (e) {
      nodes['event:' + e.id] = { id: 'event:' + e.id, label: e.label, kind: 'event' };
      e.participants.forEach(function (p) {
        actorNode(nodes, p.actor, p.name); edges.push({ source: 'actor:' + p.actor, target: 'event:' + e.id, label: p.role });
      });
    };
    var addStatement = function (s) {
      nodes['statement:' + s.id] = { id: 'statement:' + s.id, label: '“' + s.text.slice(0, 30) + '…”', kind: 'statement' };
      actorNode(nodes, s.speaker, s.speaker_name);
      edges.push({ source: 'actor:' + s.speaker, target: 'statement:' + s.id, label: 'said' });
      s.about_events.forEach(function (ev) { if (nodes['event:' + ev]) edges.push({ source: 'statement:' + s.id, target: 'event:' + ev, label: 'about' }); });
    };
    if (d.kind === 'event') { addEvent(d.event); d.statements.forEach(addStatement); }
    else { d.events.forEach(addEvent); addStatement(d.statement); }
    drawChart(nodes, edges, d.kind === 'event' ? 'event:' + d.event.id : 'statement:' + d.statement.id);
  }

  // -- evidence in context ------------------------------------------------------------------
  function sourceText(ev) {
    if (!ev.text || !ev.mark) return null;
    var a = ev.mark[0], b = ev.mark[1], from = Math.max(0, a - 400), to = Math.min(ev.text.length, b + 400);
    return el('div', { cls: 'source-text' }, [(from > 0 ? '…' : '') + ev.text.slice(from, a),
      el('mark', { text: ev.text.slice(a, b) }), ev.text.slice(b, to) + (to < ev.text.length ? '…' : '')]);
  }
  function evidenceList(evs) {
    return el('div', {}, evs.map(function (ev) {
      var title = ev.url ? el('a', { href: ev.url, text: ev.title || ev.source, target: '_blank', rel: 'noopener' }) : el('strong', { text: ev.title || ev.source });
      return el('div', { cls: 'evidence' }, [
        title, ev.publisher ? ' — ' + ev.publisher : '', ' ',
        el('span', { cls: 'grade', text: ev.grade ? 'Admiralty grade ' + ev.grade : 'not graded' }),
        ev.quote ? el('div', {}, [el('q', { text: ev.quote })]) : null,
        sourceText(ev) || (ev.quote && !ev.text ? el('div', { cls: 'meta', text: 'source text not at hand (serve with --texts)' }) : null),
        ev.note ? el('div', { cls: 'meta', text: ev.note }) : null]);
    }));
  }
  function gradeTag(g) { return el('span', { cls: 'grade', text: g ? 'Admiralty grade ' + g : 'not graded' }); }
  function reportsBlock(box, r) {  // the sources' own accounts, and where they disagree with the graph
    var against = {};
    if (r.conflicts.length) {
      box.appendChild(el('h3', { text: 'Conflicts' }));
      box.appendChild(el('div', { cls: 'conflicts' }, r.conflicts.map(function (c) {
        return el('div', { cls: 'conflict' }, [
          el('div', {}, [el('strong', { text: c.aspect }), ' — graph: ' + (c.graph || 'does not list them')]),
          el('ul', {}, c.versions.map(function (v) {
            against[v.report] = 1;
            return el('li', {}, [(v.title || v.source) + ': ', el('strong', { text: v.value }), ' ', gradeTag(v.grade),
              el('span', { cls: 'meta', text: ' (report ' + v.report + ')' })]);
          }))]);
      })));
    }
    box.appendChild(el('h3', { text: 'Reports (' + r.total + ')' }));
    if (r.total > r.reports.length) box.appendChild(el('p', { cls: 'hint', text: 'the first ' + r.reports.length + ' of ' + r.total }));
    box.appendChild(el('div', { cls: 'reports' }, r.reports.map(function (x) {
      var code = [x.type ? x.type.replace(/_/g, ' ') : null, x.cameo ? 'CAMEO ' + x.cameo : null, x.plover ? 'PLOVER ' + x.plover : null]
        .filter(Boolean).join(' · ');
      return el('div', { cls: 'report' + (against[x.id] ? ' disagrees' : ''), 'data-report': x.id }, [
        el('strong', { text: x.title || x.source }), ' ', gradeTag(x.grade),
        el('div', { cls: 'meta' }, [el('span', { cls: 'report-date', text: x.date }), ' (' + x.precision + ')' + (code ? ' · ' + code : '') +
          (x.place ? ' · ' + x.place : '') + (x.file ? ' · ' + x.file + (x.row ? ', row ' + x.row : '') : '')]),
        x.text ? el('div', {}, [el('q', { text: x.text })]) : null,
        x.evidence.some(function (c) { return c.note; }) ? el('div', { cls: 'meta', text: 'cites ' + x.evidence.map(function (c) { return c.note; }).filter(Boolean).join('; ') }) : null]);
    })));
  }
  function link(kind, id, label) {
    return el('button', { cls: 'link', type: 'button', text: label, onclick: function () { select(kind + ':' + id, true); } });
  }
  function statementBlock(s) {
    return el('div', { cls: 'statement' }, [el('blockquote', { text: s.text }),
      el('div', { cls: 'meta' }, ['— ' + s.speaker_name + ', ' + s.date + ' (' + s.mode.replace(/_/g, ' ') + ') ', link('statement', s.id, 'details')]),
      s.evidence ? evidenceList(s.evidence) : null]);
  }
  function showDetail(d) {
    var box = $('detail'); box.textContent = '';
    if (d.kind === 'event') {
      var e = d.event;
      box.appendChild(el('h2', { text: e.label }));
      box.appendChild(el('div', { cls: 'meta', text: e.type.replace(/_/g, ' ') + ' · ' + e.time + ' (' + precisionText(e.time) + ')' + (e.place_name ? ' · ' + e.place_name : '') }));
      if (e.outcome) box.appendChild(el('p', { text: e.outcome }));
      box.appendChild(el('h3', { text: 'Participants' }));
      box.appendChild(el('ul', { cls: 'participants' }, e.participants.map(function (p) { return el('li', { text: p.name + ' — ' + p.role }); })));
      box.appendChild(el('h3', { text: 'Statements about it' }));
      box.appendChild(d.statements.length ? el('div', { cls: 'statements' }, d.statements.map(statementBlock)) : el('p', { cls: 'hint', text: 'none' }));
    } else {
      var s = d.statement;
      box.appendChild(el('h2', { text: s.speaker_name + ', ' + s.date }));
      box.appendChild(el('blockquote', { text: s.text }));
      box.appendChild(el('div', { cls: 'meta', text: s.mode.replace(/_/g, ' ') + (s.channel_name ? ' · via ' + s.channel_name : '') }));
      box.appendChild(el('h3', { text: 'About' }));
      box.appendChild(el('ul', {}, d.events.map(function (ev) { return el('li', {}, [link('event', ev.id, ev.label), ' (' + ev.time + ')']); })));
    }
    box.appendChild(el('h3', { text: 'Sources' }));
    box.appendChild(evidenceList(d.evidence));
    if (d.reports && d.reports.total) reportsBlock(box, d.reports);
    Array.prototype.forEach.call(box.querySelectorAll('.source-text'), function (t) {  // the quote in view
      var m = t.querySelector('mark'); t.scrollTop = Math.max(0, m.offsetTop - t.offsetTop - 30);
    });
    chartOfDetail(d);
  }
  function select(sel, remember) {
    var parts = sel.split(':'), kind = parts[0], id = parts.slice(1).join(':');
    if (kind !== 'event' && kind !== 'statement') return;
    state.sel = sel; if (remember) writeHash();
    var got = STATIC ? (DATA.details[sel] ? Promise.resolve(DATA.details[sel]) : Promise.reject(new Error('no ' + kind + ' ' + id)))
      : api('api/' + kind + '/' + encodeURIComponent(id));
    if (!STATIC && kind === 'event') {  // the sources' own reports come beside the detail
      got = Promise.all([got, api('api/event/' + encodeURIComponent(id) + '/reports')])
        .then(function (both) { return Object.assign({}, both[0], { reports: both[1] }); });
    }
    got.then(function (d) { if (state.sel === sel) showDetail(d); }).catch(function (e) { status(e.message, true); });
  }

  // -- filters --------------------------------------------------------------------------------
  function options(select, rows) {
    rows.forEach(function (r) { select.appendChild(el('option', { value: r[0], text: r[1] })); });
  }
  function showFilters() {
    ['actor', 'type', 'source'].forEach(function (k) {
      Array.prototype.forEach.call($(k).options, function (o) { o.selected = state[k].indexOf(o.value) >= 0; });
    });
    $('from').value = state.from; $('to').value = state.to; $('q').value = state.q;
  }
  function onFilter() {
    ['actor', 'type', 'source'].forEach(function (k) {
      state[k] = Array.prototype.filter.call($(k).options, function (o) { return o.selected; }).map(function (o) { return o.value; });
    });
    state.from = $('from').value; state.to = $('to').value; state.q = $('q').value;
    writeHash(); refresh(true);
  }

  function start(f) {
    facets = f;
    f.actors.forEach(function (a) { actorsById[a.id] = a; });
    $('title').textContent = CONF.title || 'diplograph';
    options($('actor'), f.actors.map(function (a) { return [a.id, a.name]; }));
    options($('type'), f.types.map(function (t) { return [t, t.replace(/_/g, ' ')]; }));
    options($('source'), f.sources.map(function (s) { return [s.id, (s.title || s.id) + (s.grade ? ' [' + s.grade + ']' : '')]; }));
    showFilters();
    ['actor', 'type', 'source', 'from', 'to'].forEach(function (k) { $(k).addEventListener('change', onFilter); });
    $('q').addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(onFilter, 150); });  // a pause in typing
    $('q').addEventListener('change', function () { clearTimeout(timer); onFilter(); });  // Enter: at once
    // Enter must never submit the form: a submission reloads the page and loses the view
    $('filters').addEventListener('submit', function (e) { e.preventDefault(); });
    $('reset').addEventListener('click', function () { state = { from: '', to: '', actor: [], type: [], source: [], q: '', sel: '' }; showFilters(); writeHash(); refresh(false); });
    var ext = f.focus || f.extent || ['2000-01-01', '2030-01-01'];
    var span = Date.parse(ext[1]) - Date.parse(ext[0]) + 30 * DAY;
    items = new vis.DataSet(); groups = new vis.DataSet();
    timeline = new vis.Timeline($('timeline'), items, groups, {
      start: state.from || new Date(Date.parse(ext[0]) - span * 0.08),
      end: state.to ? nextDay(state.to) : new Date(Date.parse(ext[1]) + span * 0.1),
      groupOrder: 'order', stack: true, orientation: 'top', maxHeight: 640, zoomMin: DAY,
      margin: { item: { horizontal: 2, vertical: 4 } }, tooltip: { followMouse: true }
    });
    timeline.on('select', function (p) {
      if (!p.items.length) return;
      if (p.items[0].indexOf('b:') !== 0) { select(p.items[0].split('@')[0], true); return; }
      var b = items.get(p.items[0]);  // a count: zoom in on its month or year
      timeline.setSelection([]); timeline.setWindow(b.start, b.end, { animation: false }); moved();
    });
    function moved() {
      if (!view) return;
      var w = timeline.getWindow(), a = w.start.toISOString().slice(0, 10), b = w.end.toISOString().slice(0, 10);
      var outside = (fetched[0] && a < fetched[0]) || (fetched[1] && b > fetched[1]);
      if (!STATIC && (outside || view.mode === 'buckets')) refresh(false);
      else if (view.mode === 'items') render(view, false);  // the lanes counted or not at this zoom
    }
    timeline.on('rangechanged', function (p) { if (p.byUser) moved(); });
    cy = cytoscape({ container: $('chart'), style: [
      { selector: 'node', style: { label: 'data(label)', 'font-size': 9, 'text-wrap': 'wrap', 'text-max-width': 120, 'text-valign': 'bottom', 'text-margin-y': 2, width: 16, height: 16,
        'text-background-color': '#fff', 'text-background-opacity': 0.85, 'text-background-padding': 1 } },
      { selector: 'node[kind="actor"]', style: { 'background-color': '#1f5fa8', shape: 'ellipse' } },
      { selector: 'node[kind="event"]', style: { 'background-color': '#e08a00', shape: 'round-rectangle', width: 22 } },
      { selector: 'node[kind="statement"]', style: { 'background-color': '#2e7d32', shape: 'diamond' } },
      { selector: 'edge', style: { width: 1, 'line-color': '#aaa', label: 'data(label)', 'font-size': 7, color: '#777', 'curve-style': 'bezier',
        'text-background-color': '#fff', 'text-background-opacity': 0.85 } },
      // the chart of a view: roles are in the detail; straight unlabelled lines cost little to draw
      { selector: 'edge.overview', style: { label: '', 'curve-style': 'haystack', 'haystack-radius': 0 } }] });
    window.diplograph = { timeline: timeline, chart: cy, timings: function () { return timings; } };  // for the console, tests, benchmark
    cy.on('tap', 'node', function (ev) { var id = ev.target.id(); if (id.indexOf('actor:') !== 0) select(id, true); });
    refresh(false).then(function () { if (state.sel) select(state.sel, false); });
  }

  var got = STATIC ? Promise.resolve(DATA.facets) : api('api/facets');
  got.then(start).catch(function (e) { status(e.message, true); });
})();
