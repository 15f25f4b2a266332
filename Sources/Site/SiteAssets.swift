/// The site's one stylesheet and one script, written by hand: no build chain, no CDN, nothing fetched.
enum SiteAssets {
  static let stylesheet = #"""
    :root { --text: #1b1b1b; --muted: #4a4a4a; --link: #0a4b94; --line: #c8c8c8; --band: #f3f5f8;
      --flag: #fff1cc; --flag-line: #8a5a00; --focus: #b34700; }
    * { box-sizing: border-box; }
    html { font-size: 100%; }
    body { margin: 0; color: var(--text); background: #fff; line-height: 1.5;
      font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
    a { color: var(--link); }
    a:hover { text-decoration-thickness: 2px; }
    :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
    .skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem 1rem; z-index: 2; }
    .skip:focus { left: .5rem; }
    header.site { background: var(--band); border-bottom: 1px solid var(--line); padding: .5rem 1rem;
      display: flex; flex-wrap: wrap; align-items: center; gap: .25rem 2rem; }
    header.site .brand { margin: 0; font-weight: 700; }
    header.site .brand a { text-decoration: none; color: var(--text); }
    header.site ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; }
    main { display: block; max-width: 64rem; margin: 0 auto; padding: 1rem 1rem 2rem; }
    main:focus { outline: none; }
    h1 { font-size: 1.7rem; line-height: 1.25; margin: .5rem 0 1rem; overflow-wrap: anywhere; }
    h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
    h3 { font-size: 1.05rem; margin: 1.25rem 0 .4rem; }
    .lede { font-size: 1.1rem; }
    .note, .weight { color: var(--muted); }
    .code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .9em; color: var(--muted); }
    code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .9em; overflow-wrap: anywhere; }
    code.hash { font-size: .8em; }
    dl.facts { display: grid; grid-template-columns: minmax(8rem, 14rem) 1fr; gap: .3rem 1rem; margin: .5rem 0; }
    dl.facts dt { font-weight: 600; }
    dl.facts dd { margin: 0; overflow-wrap: anywhere; }
    blockquote { margin: .5rem 0; padding: .5rem 1rem; border-left: 4px solid var(--link); background: var(--band); }
    article.member { border: 1px solid var(--line); border-radius: 4px; padding: .25rem 1rem .75rem; margin: 1rem 0; }
    article.member:target { border-color: var(--focus); box-shadow: 0 0 0 2px var(--focus); }
    .flag { background: var(--flag); border-left: 4px solid var(--flag-line); padding: .1rem 1rem .5rem; }
    .flag h2 { border-bottom-color: var(--flag-line); }
    .flag-tag { background: var(--flag); border: 1px solid var(--flag-line); border-radius: 3px; padding: 0 .3rem;
      font-size: .85em; white-space: nowrap; }
    .table-wrap { overflow-x: auto; margin: .5rem 0 1rem; }
    table { border-collapse: collapse; width: 100%; font-size: .95rem; }
    caption { text-align: left; color: var(--muted); padding-bottom: .3rem; }
    th, td { border: 1px solid var(--line); padding: .3rem .5rem; vertical-align: top; text-align: left; }
    thead th { background: var(--band); }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    ul.inline { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; }
    ul.reasons, ul.codes, ul.mitigations { padding-left: 1.25rem; }
    form.search { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: .5rem 1rem;
      background: var(--band); padding: .75rem 1rem; border: 1px solid var(--line); border-radius: 4px; }
    form.search .field { margin: 0; display: flex; flex-direction: column; justify-content: flex-end; gap: .2rem; }
    form.search .wide { grid-column: 1 / -1; }
    form.search .check { flex-direction: row; align-items: center; gap: .5rem; }
    form.search label { font-weight: 600; }
    input, select { font: inherit; padding: .35rem .4rem; border: 1px solid #767676; border-radius: 3px;
      background: #fff; color: var(--text); max-width: 100%; }
    input[type=checkbox] { width: 1.2rem; height: 1.2rem; }
    ol.results { padding-left: 0; list-style: none; }
    ol.results li { border-bottom: 1px solid var(--line); padding: .5rem 0; }
    ol.results p { margin: .2rem 0 0; }
    footer.site { border-top: 1px solid var(--line); color: var(--muted); padding: .75rem 1rem; font-size: .9rem; }
    footer.site p { max-width: 64rem; margin: 0 auto; }
    @media (max-width: 40rem) {
      h1 { font-size: 1.4rem; }
      dl.facts { grid-template-columns: 1fr; }
      dl.facts dt { margin-top: .4rem; }
      main { padding: .5rem .75rem 1.5rem; }
    }
    @media print {
      header.site nav, .skip, form.search, footer.site { display: none; }
      body { font-size: 10.5pt; }
      main { max-width: none; padding: 0; }
      a { color: inherit; }
      main a[href^="http"]::after { content: " <" attr(href) ">"; font-size: .85em; }
      article.member, tr, blockquote { break-inside: avoid; }
      .table-wrap { overflow: visible; }
      .flag { border: 1px solid #000; background: none; }
    }
    """#

  /// Loads the index shards as scripts (fetch() is refused for file:// pages), then answers every change
  /// of the form at once. Each answer's time is kept in `window.evscanLastSearchMs` for the tests and the
  /// benchmark to read.
  static let searchScript = #"""
    (function () {
      'use strict';
      var meta = window.EVSCAN_META;
      var form = document.getElementById('search-form');
      var status = document.getElementById('status');
      var list = document.getElementById('results');
      var limit = 100;
      var records = [];
      var haystack = [];
      var shardsLoaded = 0;
      window.evscanReady = false;
      window.evscanLastSearchMs = -1;

      function shardPath(number) {
        var digits = String(number);
        while (digits.length < 3) { digits = '0' + digits; }
        return 'search/records-' + digits + '.js';
      }

      window.EVSCAN_RECORDS = function (shard, rows) {
        for (var i = 0; i < rows.length; i++) {
          var row = rows[i];
          records.push(row);
          haystack.push((row[0] + ' ' + row[1] + ' ' + row[2]).toLowerCase());
        }
        shardsLoaded += 1;
        if (shardsLoaded === meta.shards) {
          window.evscanReady = true;
        }
        search();
      };

      function indexOfValue(pairs, value) {
        for (var i = 0; i < pairs.length; i++) { if (pairs[i][0] === value) { return i; } }
        return -2;
      }

      function facetValueNumber(facet, code) {
        for (var i = 0; i < meta.facetValues.length; i++) {
          var entry = meta.facetValues[i];
          if (meta.facets[entry[0]][0] === facet && entry[1] === code) { return i; }
        }
        return -2;
      }

      function criteria() {
        var terms = form.q.value.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; });
        var wanted = [];
        var selects = form.querySelectorAll('select[data-facet]');
        for (var i = 0; i < selects.length; i++) {
          if (selects[i].value) { wanted.push(facetValueNumber(selects[i].getAttribute('data-facet'), selects[i].value)); }
        }
        return {
          terms: terms,
          category: form.category.value ? indexOfValue(meta.categories, form.category.value) : -1,
          framework: form.framework.value ? indexOfValue(meta.frameworks, form.framework.value) : -1,
          values: wanted,
          review: form.review.checked
        };
      }

      function matches(number, c) {
        var row = records[number];
        if (c.category !== -1 && row[4] !== c.category) { return false; }
        if (c.framework !== -1 && row[5].indexOf(c.framework) === -1) { return false; }
        if (c.review && row[7] !== 1) { return false; }
        for (var v = 0; v < c.values.length; v++) { if (row[6].indexOf(c.values[v]) === -1) { return false; } }
        var text = haystack[number];
        for (var t = 0; t < c.terms.length; t++) { if (text.indexOf(c.terms[t]) === -1) { return false; } }
        return true;
      }

      function item(row) {
        var li = document.createElement('li');
        var link = document.createElement('a');
        link.href = 'mitigations/' + row[0] + '.html';
        link.textContent = row[0] + ' ' + row[1];
        li.appendChild(link);
        if (row[3] >= 0) {
          var code = document.createElement('span');
          code.className = 'code';
          code.textContent = ' ' + meta.codes[row[3]][0] + ' ' + meta.codes[row[3]][1];
          li.appendChild(code);
        }
        if (row[7] === 1) {
          var flag = document.createElement('span');
          flag.className = 'flag-tag';
          flag.textContent = 'needs review';
          li.appendChild(document.createTextNode(' '));
          li.appendChild(flag);
        }
        var text = document.createElement('p');
        text.textContent = row[2].length > 280 ? row[2].slice(0, 277) + '…' : row[2];
        li.appendChild(text);
        return li;
      }

      function search() {
        var started = performance.now();
        var c = criteria();
        var found = 0;
        var shown = [];
        for (var i = 0; i < records.length; i++) {
          if (matches(i, c)) {
            found += 1;
            if (shown.length < limit) { shown.push(records[i]); }
          }
        }
        var fragment = document.createDocumentFragment();
        for (var s = 0; s < shown.length; s++) { fragment.appendChild(item(shown[s])); }
        list.replaceChildren(fragment);
        var elapsed = performance.now() - started;
        window.evscanLastSearchMs = elapsed;
        var text = found + (found === 1 ? ' mitigation matches' : ' mitigations match');
        if (found > limit) { text += '; the first ' + limit + ' are shown'; }
        if (shardsLoaded < meta.shards) {
          text += ' (index ' + shardsLoaded + ' of ' + meta.shards + ' parts loaded)';
        }
        status.textContent = text + '.';
        status.setAttribute('data-found', String(found));
      }

      function applyAddress() {
        var params = new URLSearchParams(window.location.search);
        params.forEach(function (value, key) {
          var field = form.elements.namedItem(key);
          if (!field) { return; }
          if (field.type === 'checkbox') { field.checked = value === '1'; } else { field.value = value; }
        });
      }

      form.addEventListener('submit', function (event) { event.preventDefault(); search(); });
      form.addEventListener('input', search);
      form.addEventListener('change', search);
      applyAddress();
      for (var n = 0; n < meta.shards; n++) {
        var script = document.createElement('script');
        script.src = shardPath(n);
        document.body.appendChild(script);
      }
    })();
    """#
}
