// Tree editor of an evaluation scheme. Holds the scheme as JSON (the API shape), renders the indicator tree,
// a form for the selected indicator, grades and vetoes; checks points live in the browser (children add up to
// their parent, bonus indicators on top) and asks the server for the full check while the user types.
// All text comes from the page (the JSON block #dd-scheme: scheme, URLs, i18n), never from this file.
(function () {
  'use strict';
  var cfg = JSON.parse(document.getElementById('dd-scheme').textContent);
  var t = cfg.i18n;
  var scheme = normalise(cfg.scheme || {});
  var selected = null;      // the selected indicator object
  var errors = [];          // [{field, message}] from the last server check or save
  var warnings = [];
  var nextId = 1;
  var checkTimer = null;

  function $(id) { return document.getElementById(id); }
  function fmt(pattern) {
    var args = Array.prototype.slice.call(arguments, 1);
    return String(pattern).replace(/\{(\d+)\}/g, function (m, i) { return args[i] === undefined ? m : args[i]; });
  }
  function num(v) {
    if (v === '' || v === null || v === undefined) { return null; }
    var n = Number(v);
    return isNaN(n) ? null : n;
  }
  function show(el, on) { el.classList.toggle('d-none', !on); }
  function round(n) { return Math.round(n * 10000) / 10000; }

  function normalise(s) {
    s.grades = s.grades || [];
    s.indicators = s.indicators || [];
    s.vetoes = s.vetoes || [];
    walk(s.indicators, function (n) { n._id = nextId++; n.children = n.children || []; });
    return s;
  }
  function walk(list, fn, parent) {
    list.forEach(function (n) { fn(n, parent); walk(n.children || [], fn, n); });
  }

  // ---- tree helpers ------------------------------------------------------------------------------------

  /** [list containing node, index, parent node or null] */
  function locate(node) {
    var found = null;
    (function search(list, parent) {
      for (var i = 0; i < list.length && !found; i++) {
        if (list[i] === node) { found = [list, i, parent]; return; }
        search(list[i].children, list[i]);
      }
    })(scheme.indicators, null);
    return found;
  }
  function inBonus(node) {
    var loc = locate(node);
    while (loc && loc[2]) {
      if (loc[2].bonus) { return true; }
      loc = locate(loc[2]);
    }
    return false;
  }
  function isLeaf(n) { return !n.children || n.children.length === 0; }
  function countingPoints(list, countBonus) {
    return round(list.reduce(function (s, c) { return s + ((countBonus || !c.bonus) ? (num(c.points) || 0) : 0); }, 0));
  }
  function pathOf(node) {
    var parts = [];
    var loc = locate(node);
    while (loc) {
      parts.unshift(loc[2] ? 'children[' + loc[1] + ']' : 'indicators[' + loc[1] + ']');
      loc = loc[2] ? locate(loc[2]) : null;
    }
    return parts.join('.');
  }
  function newNode(code) {
    return { _id: nextId++, code: code, name: '', points: 0, rule: { type: 'MANUAL' }, children: [] };
  }
  function suggestCode(parent, list) {
    var base = parent ? parent.code || '' : '';
    if (!parent) { return String.fromCharCode(65 + Math.min(list.length, 25)); }
    var n = list.length + 1;
    var codes = {};
    walk(scheme.indicators, function (x) { codes[x.code] = true; });
    while (codes[base + n]) { n++; }
    return base + n;
  }

  // ---- rendering ---------------------------------------------------------------------------------------

  function renderAll() {
    renderHead();
    renderTree();
    renderNode();
    renderGrades();
    renderVetoes();
    renderProblems();
  }

  function renderHead() {
    $('scheme-code').value = scheme.code || '';
    $('scheme-title').value = scheme.name || '';
    $('scheme-max').value = scheme.maxScore === null || scheme.maxScore === undefined ? '' : scheme.maxScore;
    decorateHead();
  }

  function decorateHead() {
    renderTopSum();
    document.querySelectorAll('[data-error]').forEach(function (el) {
      el.textContent = messagesFor(el.getAttribute('data-error'), true).join(t.sep);
    });
    [['code', 'scheme-code'], ['name', 'scheme-title'], ['maxScore', 'scheme-max']].forEach(function (f) {
      $(f[1]).classList.toggle('is-invalid', errors.some(function (e) { return e.field === f[0]; }));
    });
  }

  function renderTopSum() {
    var sum = countingPoints(scheme.indicators, false);
    var max = num(scheme.maxScore);
    var ok = max !== null && Math.abs(sum - max) < 1e-6;
    var el = $('scheme-sum');
    el.textContent = ok ? fmt(t.topOk, sum) : fmt(t.topBad, sum, max === null ? '?' : max);
    el.className = 'small mt-1 ' + (ok ? 'text-success' : 'text-danger fw-semibold');
  }

  function renderTree() {
    var root = $('tree');
    root.innerHTML = '';
    root.appendChild(renderLevel(scheme.indicators, false));
    updateToolbar();
  }

  function renderLevel(list, bonusBranch) {
    var ul = document.createElement('ul');
    list.forEach(function (n) {
      var li = document.createElement('li');
      var row = document.createElement('button');
      row.type = 'button';
      row.className = 'dd-node' + (n === selected ? ' active' : '');
      row.setAttribute('data-code', n.code || '');
      row.addEventListener('click', function () { select(n); });
      var code = document.createElement('span');
      code.className = 'dd-node-code';
      code.textContent = n.code || '?';
      var name = document.createElement('span');
      name.className = 'dd-node-name';
      name.textContent = n.name || t.unnamed;
      var pts = document.createElement('span');
      pts.className = 'dd-node-points';
      pts.textContent = n.points === null || n.points === undefined || n.points === '' ? '?' : n.points;
      row.appendChild(code);
      row.appendChild(name);
      if (n.bonus) {
        var b = document.createElement('span');
        b.className = 'badge text-bg-warning ms-1';
        b.textContent = t.bonus;
        row.appendChild(b);
      }
      if (!isLeaf(n)) {
        var sum = countingPoints(n.children, bonusBranch || n.bonus);
        var ok = Math.abs(sum - (num(n.points) || 0)) < 1e-6;
        var s = document.createElement('span');
        s.className = 'badge ms-1 dd-sum ' + (ok ? 'text-bg-success' : 'text-bg-danger');
        s.textContent = ok ? fmt(t.sumOk, sum) : fmt(t.sumBad, sum, n.points);
        row.appendChild(s);
      }
      if (hasErrorsUnder(n)) {
        var e = document.createElement('span');
        e.className = 'badge text-bg-danger ms-1 dd-node-error';
        e.textContent = '!';
        row.appendChild(e);
      }
      row.appendChild(pts);
      li.appendChild(row);
      if (!isLeaf(n)) { li.appendChild(renderLevel(n.children, bonusBranch || n.bonus)); }
      ul.appendChild(li);
    });
    return ul;
  }

  function hasErrorsUnder(n) {
    var p = pathOf(n);
    return errors.some(function (e) { return e.field === p || e.field.indexOf(p + '.') === 0; });
  }

  function messagesFor(field, exact) {
    return errors.concat(warnings).filter(function (e) { return exact ? e.field === field : e.field.indexOf(field) === 0; })
      .map(function (e) { return e.message; });
  }

  function renderNode() {
    show($('node-empty'), !selected);
    show($('node-form'), !!selected);
    if (!selected) { return; }
    var n = selected;
    var leaf = isLeaf(n);
    $('node-code').value = n.code || '';
    $('node-name').value = n.name || '';
    $('node-points').value = n.points === null || n.points === undefined ? '' : n.points;
    $('node-bonus').checked = !!n.bonus;
    show($('rule-section'), leaf);
    show($('node-parent-note'), !leaf);
    if (leaf) {
      var r = n.rule = n.rule || { type: 'MANUAL' };
      $('rule-type').value = r.type || 'MANUAL';
      $('rule-item').value = r.item || '';
      if ($('rule-item').value !== (r.item || '')) {
        var o = document.createElement('option');
        o.value = r.item;
        o.textContent = r.item;
        $('rule-item').appendChild(o);
        $('rule-item').value = r.item;
      }
      $('rule-op').value = r.op || '>=';
      var std = r.standard;
      var stages = std !== null && typeof std === 'object';
      $('std-mode').value = stages ? 'stages' : 'uniform';
      $('std-all').value = stages || std === null || std === undefined ? '' : std;
      $('std-primary').value = stages && std.primary !== undefined && std.primary !== null ? std.primary : '';
      $('std-junior').value = stages && std.junior !== undefined && std.junior !== null ? std.junior : '';
      $('std-senior').value = stages && std.senior !== undefined && std.senior !== null ? std.senior : '';
      $('rule-perpupil').checked = !!r.perPupil;
      $('rule-per').value = r.perOccurrence === null || r.perOccurrence === undefined ? '' : r.perOccurrence;
      ruleFields();
    }
    decorateNode();
  }

  function decorateNode() {
    if (!selected) { return; }
    var n = selected;
    var leaf = isLeaf(n);
    var sumEl = $('node-sum');
    if (!leaf) {
      var sum = countingPoints(n.children, n.bonus || inBonus(n));
      var ok = Math.abs(sum - (num(n.points) || 0)) < 1e-6;
      sumEl.textContent = ok ? fmt(t.sumOk, sum) : fmt(t.sumBad, sum, n.points);
      sumEl.className = 'small ' + (ok ? 'text-success' : 'text-danger fw-semibold');
    } else {
      sumEl.textContent = '';
    }
    var p = pathOf(n);
    document.querySelectorAll('[data-node-error]').forEach(function (el) {
      el.textContent = messagesFor(p + '.' + el.getAttribute('data-node-error'), true).join(t.sep);
    });
    var inputs = { code: 'node-code', name: 'node-name', points: 'node-points', 'rule.type': 'rule-type',
      'rule.item': 'rule-item', 'rule.op': 'rule-op', 'rule.standard': 'std-all', 'rule.perOccurrence': 'rule-per' };
    Object.keys(inputs).forEach(function (k) {
      $(inputs[k]).classList.toggle('is-invalid', errors.some(function (e) { return e.field === p + '.' + k; }));
    });
  }

  function ruleFields() {
    var type = $('rule-type').value;
    var bonus = selected && (selected.bonus || inBonus(selected));
    $('rule-help').textContent = t.help[type] + (bonus && type !== 'BONUS' ? ' ' + t.bonusRule : '');
    document.querySelectorAll('#rule-section [data-for]').forEach(function (el) {
      var f = el.getAttribute('data-for');
      var on = f === 'item' ? type !== 'MANUAL'
        : f === 'op' ? type === 'THRESHOLD'
        : f === 'standard' ? type === 'THRESHOLD' || type === 'LINEAR'
        : type === 'DEDUCTION' || type === 'BONUS';
      show(el, on);
    });
    var stages = $('std-mode').value === 'stages';
    show($('std-uniform'), !stages);
    show($('std-stages'), stages);
  }

  function renderGrades() {
    var body = $('grades-body');
    body.innerHTML = '';
    scheme.grades.forEach(function (g, i) {
      var tr = document.createElement('tr');
      tr.appendChild(cell(labelled(input('text', g.name, function (v) { g.name = v; renderVetoCaps(); }, 'grades[' + i + '].name', 'grade-name-' + i), 'grade-col-name')));
      tr.appendChild(cell(labelled(input('number', g.min, function (v) { g.min = num(v); }, 'grades[' + i + '].min', 'grade-min-' + i), 'grade-col-min')));
      var cb = document.createElement('input');
      cb.type = 'checkbox';
      cb.className = 'form-check-input';
      cb.checked = !!g.minExclusive;
      labelled(cb, 'grade-col-exclusive');
      cb.addEventListener('change', function () { g.minExclusive = cb.checked ? true : undefined; changed(); });
      tr.appendChild(cell(cb));
      tr.appendChild(cell(removeButton(function () { scheme.grades.splice(i, 1); renderGrades(); renderVetoes(); changed(); })));
      body.appendChild(tr);
    });
    decorateTables();
  }

  /** Error marks in the grade and veto tables, without touching what the user is typing. */
  function decorateTables() {
    document.querySelectorAll('[data-field]').forEach(function (el) {
      var f = el.getAttribute('data-field');
      el.classList.toggle('is-invalid', errors.some(function (e) { return e.field === f; }));
      el.title = messagesFor(f, true).join(t.sep);
    });
    document.querySelectorAll('[data-field-prefix]').forEach(function (el) {
      el.textContent = messagesFor(el.getAttribute('data-field-prefix'), false).join(t.sep);
    });
  }

  function renderVetoes() {
    var body = $('vetoes-body');
    body.innerHTML = '';
    scheme.vetoes.forEach(function (v, i) {
      v.when = v.when || { item: '', op: '>', value: null };
      var p = 'vetoes[' + i + ']';
      var tr = document.createElement('tr');
      tr.appendChild(cell(labelled(input('text', v.code, function (x) { v.code = x; }, p + '.code', 'veto-code-' + i), 'veto-col-code'), 'dd-w-code'));
      tr.appendChild(cell(labelled(input('text', v.name, function (x) { v.name = x; }, p + '.name', 'veto-name-' + i), 'veto-col-name')));
      var when = document.createElement('div');
      when.className = 'input-group input-group-sm';
      var item = $('rule-item').cloneNode(true);
      item.id = 'veto-item-' + i;
      item.className = 'form-select form-select-sm';
      item.value = v.when.item || '';
      item.addEventListener('change', function () { v.when.item = item.value; changed(); });
      var op = $('rule-op').cloneNode(true);
      op.id = 'veto-op-' + i;
      op.className = 'form-select form-select-sm dd-w-op';
      op.value = v.when.op || '>';
      op.addEventListener('change', function () { v.when.op = op.value; changed(); });
      var val = input('number', v.when.value, function (x) { v.when.value = num(x); }, p + '.when.value', 'veto-value-' + i);
      val.classList.add('dd-w-num');
      when.appendChild(labelled(item, 'veto-col-when'));
      when.appendChild(labelled(op, 'veto-col-when'));
      when.appendChild(labelled(val, 'veto-col-when'));
      var whenCell = cell(when);
      whenCell.appendChild(errorDiv(p + '.when'));
      tr.appendChild(whenCell);
      var cap = document.createElement('select');
      cap.className = 'form-select form-select-sm dd-veto-cap';
      cap.id = 'veto-cap-' + i;
      labelled(cap, 'veto-col-cap');
      cap.setAttribute('data-index', i);
      fillCaps(cap, v.capAt);
      cap.addEventListener('change', function () { v.capAt = cap.value; changed(); });
      var capCell = cell(cap);
      capCell.appendChild(errorDiv(p + '.capAt'));
      tr.appendChild(capCell);
      tr.appendChild(cell(removeButton(function () { scheme.vetoes.splice(i, 1); renderVetoes(); changed(); })));
      body.appendChild(tr);
    });
    decorateTables();
  }

  function fillCaps(select, value) {
    select.innerHTML = '';
    var empty = document.createElement('option');
    empty.value = '';
    empty.textContent = t.choose;
    select.appendChild(empty);
    scheme.grades.forEach(function (g) {
      if (!g.name) { return; }
      var o = document.createElement('option');
      o.value = g.name;
      o.textContent = g.name;
      select.appendChild(o);
    });
    select.value = value || '';
  }

  function renderVetoCaps() {
    document.querySelectorAll('.dd-veto-cap').forEach(function (sel) {
      var v = scheme.vetoes[Number(sel.getAttribute('data-index'))];
      fillCaps(sel, v && v.capAt);
    });
  }

  function cell(child, cls) {
    var td = document.createElement('td');
    if (cls) { td.className = cls; }
    td.appendChild(child);
    return td;
  }
  /** Names a table's input by its column header, for screen readers. */
  function labelled(el, headerId) {
    el.setAttribute('aria-labelledby', headerId);
    return el;
  }
  function input(type, value, onInput, field, id) {
    var el = document.createElement('input');
    el.type = type;
    el.id = id;
    if (type === 'number') { el.step = 'any'; }
    el.className = 'form-control form-control-sm';
    el.value = value === null || value === undefined ? '' : value;
    el.setAttribute('data-field', field);
    el.addEventListener('input', function () { onInput(el.value); changed(); });
    return el;
  }
  function errorDiv(field) {
    var d = document.createElement('div');
    d.className = 'invalid-feedback d-block';
    d.setAttribute('data-field-prefix', field);
    return d;
  }
  function removeButton(onClick) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'btn btn-sm btn-outline-danger text-nowrap';
    b.textContent = t.remove;
    b.addEventListener('click', onClick);
    return b;
  }

  function renderProblems() {
    var list = $('problem-list');
    list.innerHTML = '';
    var all = errors.concat(warnings.map(function (w) { return { field: w.field, message: t.warning + w.message, warn: true }; }));
    show($('problems'), all.length > 0);
    all.forEach(function (e) {
      var li = document.createElement('li');
      li.className = e.warn ? 'text-warning-emphasis' : 'text-danger';
      var node = nodeForPath(e.field);
      var label = node ? (node.code + ' ' + (node.name || '')) : e.field;
      if (node) {
        var a = document.createElement('a');
        a.href = '#';
        a.textContent = label;
        a.addEventListener('click', function (ev) { ev.preventDefault(); select(node); });
        li.appendChild(a);
        li.appendChild(document.createTextNode(t.colon + e.message));
      } else {
        li.textContent = (e.field ? e.field + t.colon : '') + e.message;
      }
      list.appendChild(li);
    });
  }

  function nodeForPath(field) {
    var found = null;
    walk(scheme.indicators, function (n) {
      var p = pathOf(n);
      if ((field === p || field.indexOf(p + '.') === 0) && field.indexOf('.children[', p.length) < 0) { found = n; }
    });
    return found;
  }

  function updateToolbar() {
    var none = !selected;
    ['add-child', 'add-sibling', 'move-up', 'move-down', 'outdent', 'indent', 'delete-node'].forEach(function (id) {
      $(id).disabled = none;
    });
    if (!none) {
      var loc = locate(selected);
      $('move-up').disabled = loc[1] === 0;
      $('move-down').disabled = loc[1] === loc[0].length - 1;
      $('indent').disabled = loc[1] === 0;
      $('outdent').disabled = !loc[2];
    }
  }

  function select(n) {
    selected = n;
    renderTree();
    renderNode();
    var f = $('node-code');
    if (f && !n.code) { f.focus(); } else if (!n.name) { $('node-name').focus(); }
  }

  // ---- editing -----------------------------------------------------------------------------------------

  function changed() {
    renderTopSum();
    clearTimeout(checkTimer);
    checkTimer = setTimeout(check, 700);
  }

  function structureChanged() {
    renderTree();
    renderNode();
    changed();
  }

  function bind(id, event, fn) { $(id).addEventListener(event, fn); }

  bind('scheme-code', 'input', function (e) { scheme.code = e.target.value; changed(); });
  bind('scheme-title', 'input', function (e) { scheme.name = e.target.value; changed(); });
  bind('scheme-max', 'input', function (e) { scheme.maxScore = num(e.target.value); changed(); });

  bind('node-code', 'input', function (e) { selected.code = e.target.value; renderTree(); changed(); });
  bind('node-name', 'input', function (e) { selected.name = e.target.value; renderTree(); changed(); });
  bind('node-points', 'input', function (e) { selected.points = num(e.target.value); renderTree(); decorateNode(); changed(); });
  bind('node-bonus', 'change', function (e) {
    selected.bonus = e.target.checked ? true : undefined;
    if (e.target.checked && isLeaf(selected) && selected.rule && selected.rule.type !== 'BONUS') {
      selected.rule.type = 'BONUS';
    }
    structureChanged();
  });
  bind('rule-type', 'change', function (e) {
    selected.rule.type = e.target.value;
    if (selected.rule.type === 'THRESHOLD' && !selected.rule.op) { selected.rule.op = $('rule-op').value; }
    ruleFields();
    changed();
  });
  bind('rule-item', 'change', function (e) { selected.rule.item = e.target.value || undefined; changed(); });
  bind('rule-op', 'change', function (e) { selected.rule.op = e.target.value; changed(); });
  bind('std-mode', 'change', function () { ruleFields(); readStandard(); changed(); });
  ['std-all', 'std-primary', 'std-junior', 'std-senior'].forEach(function (id) {
    bind(id, 'input', function () { readStandard(); changed(); });
  });
  bind('rule-perpupil', 'change', function (e) { selected.rule.perPupil = e.target.checked ? true : undefined; changed(); });
  bind('rule-per', 'input', function (e) { selected.rule.perOccurrence = num(e.target.value); changed(); });

  function readStandard() {
    var r = selected.rule;
    if ($('std-mode').value === 'stages') {
      var s = {};
      var p = num($('std-primary').value), j = num($('std-junior').value), x = num($('std-senior').value);
      if (p !== null) { s.primary = p; }
      if (j !== null) { s.junior = j; }
      if (x !== null) { s.senior = x; }
      r.standard = Object.keys(s).length ? s : undefined;
    } else {
      var v = num($('std-all').value);
      r.standard = v === null ? undefined : v;
    }
  }

  bind('add-root', 'click', function () {
    var n = newNode(suggestCode(null, scheme.indicators));
    scheme.indicators.push(n);
    select(n);
    changed();
  });
  bind('add-child', 'click', function () {
    var n = newNode(suggestCode(selected, selected.children));
    selected.children.push(n);
    select(n);
    changed();
  });
  bind('add-sibling', 'click', function () {
    var loc = locate(selected);
    var n = newNode(suggestCode(loc[2], loc[0]));
    loc[0].splice(loc[1] + 1, 0, n);
    select(n);
    changed();
  });
  bind('move-up', 'click', function () {
    var loc = locate(selected);
    if (loc[1] > 0) { loc[0].splice(loc[1] - 1, 0, loc[0].splice(loc[1], 1)[0]); }
    structureChanged();
  });
  bind('move-down', 'click', function () {
    var loc = locate(selected);
    if (loc[1] < loc[0].length - 1) { loc[0].splice(loc[1] + 1, 0, loc[0].splice(loc[1], 1)[0]); }
    structureChanged();
  });
  bind('indent', 'click', function () {
    var loc = locate(selected);
    if (loc[1] === 0) { return; }
    var prev = loc[0][loc[1] - 1];
    loc[0].splice(loc[1], 1);
    prev.children.push(selected);
    structureChanged();
  });
  bind('outdent', 'click', function () {
    var loc = locate(selected);
    if (!loc[2]) { return; }
    var parentLoc = locate(loc[2]);
    loc[0].splice(loc[1], 1);
    parentLoc[0].splice(parentLoc[1] + 1, 0, selected);
    structureChanged();
  });
  bind('delete-node', 'click', function () {
    var label = (selected.code || '') + ' ' + (selected.name || '');
    if (!window.confirm(fmt(t.confirmDelete, label))) { return; }
    var loc = locate(selected);
    loc[0].splice(loc[1], 1);
    selected = null;
    structureChanged();
  });
  bind('add-grade', 'click', function () {
    scheme.grades.push({ name: '', min: 0 });
    renderGrades();
    renderVetoCaps();
    changed();
  });
  bind('add-veto', 'click', function () {
    scheme.vetoes.push({ code: 'V' + (scheme.vetoes.length + 1), name: '', when: { item: '', op: '>', value: null }, capAt: '' });
    renderVetoes();
    changed();
  });

  // ---- server ------------------------------------------------------------------------------------------

  function payload() {
    function clean(list) {
      return list.map(function (n) {
        var leaf = isLeaf(n);
        var o = { code: n.code, name: n.name, points: num(n.points) };
        if (n.bonus) { o.bonus = true; }
        if (leaf) { o.rule = n.rule; } else { o.children = clean(n.children); }
        return o;
      });
    }
    return JSON.stringify({
      code: scheme.code, name: scheme.name, maxScore: num(scheme.maxScore), grades: scheme.grades,
      indicators: clean(scheme.indicators), vetoes: scheme.vetoes
    });
  }

  function post(url, onDone) {
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    var meta = document.querySelector('meta[name="_csrf"]');
    if (meta && meta.content) { headers['X-CSRF-TOKEN'] = meta.content; }
    fetch(url, { method: 'POST', headers: headers, body: payload(), credentials: 'same-origin' })
      .then(function (res) {
        return res.json().catch(function () { return {}; }).then(function (body) { onDone(res.status, body); });
      })
      .catch(function () { onDone(0, {}); });
  }

  function check() {
    clearTimeout(checkTimer);
    var status = $('check-status');
    status.textContent = t.checking;
    status.className = 'small ms-2 text-muted';
    post(cfg.checkUrl, function (code, body) {
      if (code !== 200) { status.textContent = t.saveFailed; status.className = 'small ms-2 text-danger'; return; }
      errors = body.errors || [];
      warnings = body.warnings || [];
      status.textContent = errors.length ? fmt(t.checkBad, errors.length) : t.checkOk;
      status.className = 'small ms-2 ' + (errors.length ? 'text-danger' : 'text-success');
      status.id = 'check-status';
      refreshErrors();
    });
  }

  function refreshErrors() {
    decorateHead();
    renderTree();
    decorateNode();
    decorateTables();
    renderProblems();
  }

  bind('scheme-check', 'click', check);
  bind('scheme-save', 'click', function () {
    clearTimeout(checkTimer);
    $('scheme-save').disabled = true;
    post(cfg.saveUrl, function (code, body) {
      $('scheme-save').disabled = false;
      if (code === 200 && body.url) {
        window.location.href = body.url;
        return;
      }
      errors = body.errors || [];
      var alert = $('editor-alert');
      alert.textContent = t.saveFailed;
      show(alert, true);
      $('check-status').textContent = errors.length ? fmt(t.checkBad, errors.length) : '';
      $('check-status').className = 'small ms-2 text-danger';
      refreshErrors();
    });
  });

  renderAll();
  if (!cfg.creating) { check(); }
})();
