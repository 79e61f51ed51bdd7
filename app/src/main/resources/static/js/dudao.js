// Sends the CSRF token with every htmx request and wires the org-tree picker.
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
