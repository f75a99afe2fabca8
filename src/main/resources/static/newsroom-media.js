// Media library: asks before an image is deleted. Without JavaScript the button deletes at once.
(function () {
  'use strict';
  document.querySelectorAll('form.nr-media-delete').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (!window.confirm('Delete this image and all its sizes? This cannot be undone.')) {
        event.preventDefault();
      }
    });
  });
}());
