// The declare form's notice preview follows what the helpdesk types, so the "Förhandsgranska" round trip
// is only needed without JavaScript. Nothing else on the case pages depends on script.
(function () {
  'use strict';
  var form = document.getElementById('declare');
  if (!form) {
    return;
  }
  function set(name, text) {
    var el = document.querySelector('[data-preview="' + name + '"]');
    if (el) {
      el.textContent = text;
    }
  }
  function update() {
    var title = form.elements.namedItem('title').value.trim();
    set('title', title || '…');
    set('message', form.elements.namedItem('message').value);
    var impact = form.elements.namedItem('impact');
    set('impact', impact.options[impact.selectedIndex].text);
    var checked = form.querySelectorAll('input[name="systems"]:checked');
    var names = [];
    var region = '';
    checked.forEach(function (box) {
      names.push(box.getAttribute('data-name'));
      region = region || box.getAttribute('data-region');
    });
    set('systems', names.length ? names.join(', ') : 'berörda system');
    set('region', region || '…');
  }
  form.addEventListener('input', update);
  form.addEventListener('change', update);
})();
