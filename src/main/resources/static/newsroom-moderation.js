// Broadsheet newsroom: moderation and site management pages. Everything works without this
// file; it adds a "select all" box to the comment queue and asks before destructive actions.
(function () {
  'use strict';

  // Buttons with data-confirm ask first (delete forever, delete a section, tag or author).
  document.addEventListener('submit', function (event) {
    var button = event.submitter || event.target.querySelector('button[data-confirm]');
    var message = button && button.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });

  // The queue: one box in the header ticks or clears every comment on the page.
  var table = document.querySelector('table.nr-comments');
  if (!table) {
    return;
  }
  var boxes = table.querySelectorAll('input[type="checkbox"][name="ids"]');
  var cell = table.querySelector('thead th');
  if (!cell || boxes.length === 0) {
    return;
  }
  var all = document.createElement('input');
  all.type = 'checkbox';
  all.id = 'select-all';
  var label = document.createElement('label');
  label.htmlFor = 'select-all';
  label.className = 'visually-hidden';
  label.textContent = 'Select every comment on this page';
  cell.textContent = '';
  cell.appendChild(all);
  cell.appendChild(label);
  all.addEventListener('change', function () {
    boxes.forEach(function (box) { box.checked = all.checked; });
  });
  boxes.forEach(function (box) {
    box.addEventListener('change', function () {
      var ticked = Array.prototype.filter.call(boxes, function (b) { return b.checked; }).length;
      all.checked = ticked === boxes.length;
      all.indeterminate = ticked > 0 && ticked < boxes.length;
    });
  });
}());
