/*
 * The helpdesk queue (/helpdesk): keeps the list fresh and works from the keyboard.
 * - Every 10 s it asks the server for the live part (GET /helpdesk/queue, with the last ETag so an
 *   unchanged queue costs a 304), swaps it in keeping the focus and the ticked reports, and announces
 *   newly arrived reports in the polite live region.
 * - Keys (not while typing in a field): j/k next/previous report, Enter or o open it, t take it
 *   (assign to me: submits the page's "take" form), x tick it, / go to the filter.
 * Without this script the page still works: links, forms and a manual reload.
 */
(function () {
  'use strict';

  var POLL_MS = 10000;
  var etag = null;
  var newest = 0;

  function live() { return document.getElementById('live'); }
  function rows() { return Array.prototype.slice.call(document.querySelectorAll('#rows tr[data-id]')); }

  function currentRow() {
    var el = document.activeElement;
    return el && el.closest ? el.closest('#rows tr[data-id]') : null;
  }

  function newestReceived(list) {
    return list.reduce(function (max, tr) { return Math.max(max, Number(tr.dataset.received) || 0); }, 0);
  }

  function focusRow(tr) {
    if (!tr) { return; }
    rows().forEach(function (r) { r.setAttribute('tabindex', '-1'); });
    tr.setAttribute('tabindex', '0');
    tr.focus();
  }

  function move(step) {
    var all = rows();
    if (all.length === 0) { return; }
    var i = all.indexOf(currentRow());
    var next = i < 0 ? (step > 0 ? 0 : all.length - 1) : Math.min(all.length - 1, Math.max(0, i + step));
    focusRow(all[next]);
  }

  function typing(el) {
    if (!el) { return false; }
    var tag = el.tagName;
    if (tag === 'INPUT') {
      // A ticked checkbox or a button takes no typing: the shortcuts keep working from there.
      return ['checkbox', 'radio', 'button', 'submit', 'reset'].indexOf(el.type) < 0;
    }
    return tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable;
  }

  function syncSelected() {
    rows().forEach(function (tr) {
      var box = tr.querySelector('input[type=checkbox]');
      tr.classList.toggle('selected', !!(box && box.checked));
    });
  }

  document.addEventListener('keydown', function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey || typing(e.target)) { return; }
    var tr = currentRow();
    switch (e.key) {
      case 'j': move(1); break;
      case 'k': move(-1); break;
      case '/': {
        var filter = document.querySelector('#filter select, #filter input');
        if (filter) { filter.focus(); }
        break;
      }
      case 'o':
      case 'Enter': {
        // Enter on a link or button does what it does anyway; on a row it opens the report.
        if (!tr || (e.key === 'Enter' && e.target !== tr)) { return; }
        var open = tr.querySelector('a.open');
        if (open) { window.location.href = open.href; }
        break;
      }
      case 't': {
        var take = tr && tr.querySelector('button.take');
        if (take) { take.click(); }
        break;
      }
      case 'x': {
        var box = tr && tr.querySelector('input[type=checkbox]');
        if (box) { box.checked = !box.checked; syncSelected(); }
        break;
      }
      default: return;
    }
    e.preventDefault();
  });

  document.addEventListener('change', function (e) {
    if (e.target && e.target.matches && e.target.matches('#rows input[type=checkbox]')) { syncSelected(); }
  });

  function announce(fresh) {
    var region = document.getElementById('announce');
    if (!region || fresh.length === 0) { return; }
    var refs = fresh.map(function (tr) { return tr.dataset.reference; }).join(', ');
    region.textContent = (fresh.length === 1 ? 'Ny felanmälan: ' : fresh.length + ' nya felanmälningar: ') + refs;
  }

  function swap(html) {
    var doc = new DOMParser().parseFromString(html, 'text/html');
    var incoming = doc.getElementById('live');
    var here = live();
    if (!incoming || !here) { return; }
    // What the operator is doing must survive the swap: the focused element and the ticked reports.
    var focused = document.activeElement;
    var focusKey = focused && here.contains(focused) && focused.dataset ? focused.dataset.key : null;
    var ticked = {};
    here.querySelectorAll('#rows input[type=checkbox]:checked').forEach(function (box) { ticked[box.value] = true; });
    var adopted = document.importNode(incoming, true);
    here.replaceWith(adopted);
    adopted.querySelectorAll('#rows input[type=checkbox]').forEach(function (box) {
      if (ticked[box.value]) { box.checked = true; }
    });
    syncSelected();
    if (focusKey) {
      var again = adopted.querySelector('[data-key="' + focusKey + '"]');
      if (again) {
        if (again.tagName === 'TR') { focusRow(again); } else { again.focus(); }
      }
    } else {
      var first = rows()[0];
      if (first) { first.setAttribute('tabindex', '0'); }
    }
    var all = rows();
    var fresh = all.filter(function (tr) { return (Number(tr.dataset.received) || 0) > newest; });
    newest = Math.max(newest, newestReceived(all));
    announce(fresh);
  }

  function poll() {
    var here = live();
    if (!here || document.hidden) { return; }
    var headers = { 'Accept': 'text/html' };
    if (etag) { headers['If-None-Match'] = etag; }
    // A signed-out session is redirected to the sign-in page: no swap, the next poll tries again.
    fetch(here.dataset.fragment, { headers: headers, cache: 'no-store', credentials: 'same-origin', redirect: 'error' })
      .then(function (response) {
        if (response.status === 304 || !response.ok) { return null; }
        etag = response.headers.get('ETag');
        return response.text();
      })
      .then(function (html) { if (html) { swap(html); } })
      .catch(function () { /* offline or signed out: the next poll tries again */ });
  }

  newest = newestReceived(rows());
  var initial = rows()[0];
  if (initial) { initial.setAttribute('tabindex', '0'); }
  syncSelected();
  window.setInterval(poll, POLL_MS);
  document.addEventListener('visibilitychange', function () { if (!document.hidden) { poll(); } });
})();
