// Outreach report: chart measurements and the customer search. Runs offline; reads only this page.
(function () {
  'use strict';

  // Each chart's drawn size, measured by the browser, for tools and tests that check the charts render.
  function measure() {
    document.querySelectorAll('svg.chart-svg').forEach(function (svg) {
      var plot = svg.querySelector('g.plot') || svg;
      var box = plot.getBBox();
      svg.setAttribute('data-bbox', Math.round(box.width) + 'x' + Math.round(box.height));
      svg.setAttribute('data-bars', String(svg.querySelectorAll('g.plot rect').length));
    });
  }

  var data = null;
  function load() {
    if (data === null) {
      var el = document.getElementById('search-data');
      data = el ? JSON.parse(el.textContent) : false;
    }
    return data;
  }

  // Each profile's ids are sorted and front-coded: char 0 is '0' + the length shared with the previous id.
  function find(q) {
    var d = load();
    if (!d) return null;
    for (var p = 0; p < d.profiles.length; p++) {
      var ids = d.profiles[p].ids, prev = '';
      for (var i = 0; i < ids.length; i++) {
        var e = ids[i], id = prev.slice(0, e.charCodeAt(0) - 48) + e.slice(1);
        if (id === q) return d.profiles[p];
        if (id > q) break;
        prev = id;
      }
    }
    return null;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function list(out, title, cls, items) {
    if (!items.length) return;
    out.appendChild(el('h3', null, title));
    var ul = el('ul', cls);
    items.forEach(function (item) { ul.appendChild(item); });
    out.appendChild(ul);
  }

  function q(s) { return '\u201c' + s + '\u201d'; }

  var VERDICT = {
    CONTACTED: 'will be contacted',
    SUPPRESSED: 'will not be contacted: a rule suppressed them',
    UNDECIDED: 'will not be contacted: no rule decided anything for them',
    DROPPED: 'will not be contacted: every decision for them was dropped (see why below)'
  };

  function show(query) {
    var out = document.getElementById('result');
    out.textContent = '';
    var id = query.trim();
    if (!id) { out.removeAttribute('data-status'); return; }
    var p = find(id), d = data;
    out.setAttribute('data-loan', id);
    if (!p) {
      out.setAttribute('data-status', 'NOT_FOUND');
      out.appendChild(el('p', 'verdict notfound', 'No customer with loan id ' + q(id) + ' in this plan.'));
      return;
    }
    out.setAttribute('data-status', p.o);
    var steps = p.st.map(function (i) { return d.steps[i]; });
    var channels = steps.filter(function (s) { return s.contacts; }).map(function (s) { return s.channel; });

    // The customer's own facts first, each once.
    var row = d.cf ? d.cf[id] : null;
    if (row) {
      out.appendChild(el('h3', null, 'Customer'));
      var dl = el('dl', 'facts');
      d.fk.forEach(function (k, i) {
        if (row[i] === null || row[i] === undefined) return;
        var dt = el('dt', null, k), dd = el('dd', null, row[i]);
        dd.setAttribute('data-fact', k);
        dl.appendChild(dt);
        dl.appendChild(dd);
      });
      out.appendChild(dl);
    } else if (d.cfLimit !== undefined) {
      out.appendChild(el('p', 'note r-nofacts', 'Customer facts are left out of this page above ' +
          d.cfLimit.toLocaleString('en-US') + ' customers, to keep it small; outreach explain --customer ' + id + ' prints them. Zone: ' + d.texts[p.z] + '.'));
    }

    var head = el('p', 'verdict ' + p.o.toLowerCase());
    head.appendChild(el('strong', 'id', id));
    head.appendChild(document.createTextNode(' ' + VERDICT[p.o] + (channels.length ? ' on ' + channels.join(' and ') : '') + '.'));
    out.appendChild(head);
    if (p.pw !== undefined) {
      var gets = el('p', 'gets r-words', 'They get ' + d.texts[p.pw] + '.');
      out.appendChild(gets);
    }

    var tech = el('details', 'r-tech');
    tech.appendChild(el('summary', null, 'Technical details: requests and rules'));
    out.appendChild(tech);
    var outer = out;
    out = tech;

    list(out, 'What they get', 'r-steps', steps.map(function (s) {
      var li = el('li');
      li.setAttribute('data-step', s.id);
      var a = el('a', 'sid', s.id);
      a.href = '#step-' + s.id;
      li.appendChild(a);
      li.appendChild(document.createTextNode(' ' + s.kind + (s.channel ? ' (' + s.channel + ')' : '') +
          ', not before ' + s.notBefore + (s.notAfter ? ', until ' + s.notAfter : '') +
          ': ' + s.method + ' ' + s.path + (s.rules.length ? ', rule ' + s.rules.map(function (r) { return q(d.rules[r]); }).join(', ') : '') +
          (s.contacts ? '' : ' (contacts nobody by itself)')));
      return li;
    }));

    var why = [];
    if (p.s) why.push(el('li', 'suppressed', 'Suppressed by rule ' + q(d.rules[p.s[1]]) + ': ' + d.texts[p.s[0]]));
    (p.ov || []).forEach(function (o) {
      why.push(el('li', 'overridden', o[0] + ' decision of rule ' + q(d.rules[o[1]]) + ' lost to rule ' + q(d.rules[o[2]]) +
          ': ' + d.texts[o[3]]));
    });
    (p.w || []).forEach(function (w) {
      why.push(el('li', 'warning', d.texts[w[0]] + (w[1] >= 0 ? ' (rule ' + q(d.rules[w[1]]) + ')' : '') + ': ' + d.texts[w[2]]));
    });
    list(p.o === 'CONTACTED' ? out : outer, p.o === 'CONTACTED' ? 'What changed or lost' : 'Why not', 'r-why', why);

    if (p.f >= 0) {
      list(out, 'Rules that fired, in order', 'r-fired', d.fired[p.f].map(function (r) { return el('li', null, d.rules[r]); }));
      if (!d.fired[p.f].length) out.appendChild(el('p', 'r-fired none', 'No rule fired for this customer.'));
    } else {
      var named = {};
      steps.forEach(function (s) { s.rules.forEach(function (r) { named[r] = 1; }); });
      if (p.s) named[p.s[1]] = 1;
      (p.ov || []).forEach(function (o) { named[o[1]] = 1; named[o[2]] = 1; });
      (p.w || []).forEach(function (w) { if (w[1] >= 0) named[w[1]] = 1; });
      list(out, 'Rules that decided', 'r-named', Object.keys(named).map(function (r) { return el('li', null, d.rules[r]); }));
    }
  }

  function fromHash() {
    var m = /^#q=(.*)$/.exec(location.hash);
    if (!m) return;
    var id = decodeURIComponent(m[1]);
    document.getElementById('q').value = id;
    show(id);
  }

  document.addEventListener('DOMContentLoaded', function () {
    measure();
    var form = document.getElementById('search');
    if (form) {
      form.addEventListener('submit', function (e) {
        e.preventDefault();
        var id = document.getElementById('q').value;
        history.replaceState(null, '', '#q=' + encodeURIComponent(id.trim()));
        show(id);
      });
      window.addEventListener('hashchange', fromHash);
      fromHash();
    }
    document.body.setAttribute('data-ready', 'true');
  });
})();
