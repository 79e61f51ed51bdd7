// Sends the CSRF token with every htmx request and wires the org-tree picker. No inline handlers anywhere:
// the Content-Security-Policy allows only scripts from this site, so pages mark elements with data-* instead.
document.addEventListener('htmx:configRequest', function (e) {
  var meta = document.querySelector('meta[name="_csrf"]');
  if (meta && meta.content) { e.detail.headers['X-CSRF-TOKEN'] = meta.content; }
});
var ddPickerTarget = null;
document.addEventListener('click', function (e) {
  var opener = e.target.closest('[data-picker-target]');
  if (opener) { ddPickerTarget = opener.getAttribute('data-picker-target'); }
  var pick = e.target.closest('[data-pick-code]');
  if (pick && ddPickerTarget) {
    e.preventDefault();
    var input = document.getElementById(ddPickerTarget);
    input.value = pick.getAttribute('data-pick-code');
    input.dispatchEvent(new Event('change', { bubbles: true }));
    var modal = bootstrap.Modal.getInstance(document.getElementById('dd-picker-modal'));
    if (modal) { modal.hide(); }
  }
});
// A "select all" checkbox: data-check-all names the checkboxes it ticks or unticks.
document.addEventListener('change', function (e) {
  var all = e.target.closest('[data-check-all]');
  if (!all) { return; }
  document.querySelectorAll('input[type="checkbox"][name="' + all.getAttribute('data-check-all') + '"]')
    .forEach(function (box) { box.checked = all.checked; });
});
// A form with data-resets="field": changing any other field empties that one (a project chosen for another unit
// or year would no longer match).
document.addEventListener('change', function (e) {
  var form = e.target.form;
  var name = form && form.getAttribute('data-resets');
  if (!name || e.target.name === name || !form.elements[name]) { return; }
  form.elements[name].value = '';
});
// data-confirm on a form or a submit button: ask before posting (the text comes from the page).
document.addEventListener('submit', function (e) {
  var button = e.submitter && e.submitter.closest('[data-confirm]');
  var ask = button || e.target.closest('form[data-confirm]');
  if (ask && !window.confirm(ask.getAttribute('data-confirm'))) { e.preventDefault(); }
});
// data-caret on an org-tree toggle: the arrow turns when its children open or close.
document.addEventListener('click', function (e) {
  var caret = e.target.closest('[data-caret]');
  if (caret) { caret.textContent = caret.textContent === '▸' ? '▾' : '▸'; }
});
// data-print on a button: print the page; the print style sheet leaves out the menus, buttons and forms.
document.addEventListener('click', function (e) {
  if (e.target.closest('[data-print]')) { e.preventDefault(); window.print(); }
});
// A table wider than the screen scrolls sideways: let keyboard users reach it (tab stop), only when it does scroll.
function ddScrollableTables(root) {
  root.querySelectorAll('.table-responsive, .dd-phone-scroll').forEach(function (box) {
    if (box.scrollWidth > box.clientWidth && !box.hasAttribute('tabindex')) { box.setAttribute('tabindex', '0'); }
  });
}
document.addEventListener('DOMContentLoaded', function () { ddScrollableTables(document); });
document.addEventListener('htmx:load', function (e) { ddScrollableTables(e.target); });
