// Optional help for the article editor; everything works without it.
// - Autosave: every 30 seconds, if the form changed, its fields are sent to the article's
//   autosave address (kept per person, not a revision), with the CSRF header.
// - Preview: the Preview button shows the server's rendering beside the form instead of in a
//   new tab.
// - Story references: the search below the form lists articles with buttons that insert
//   [[related: slug]] or [[read-more: slug]] at the cursor in the body.
(function () {
  'use strict';
  var form = document.getElementById('article-editor');
  if (!form || !window.fetch || !window.FormData) {
    return;
  }
  var body = document.getElementById('body');
  var csrfHeader = document.querySelector('meta[name="csrf-header"]');
  var csrfToken = document.querySelector('meta[name="csrf-token"]');

  function headers(extra) {
    var h = extra || {};
    if (csrfHeader && csrfToken && csrfToken.content) {
      h[csrfHeader.content] = csrfToken.content;
    }
    return h;
  }

  function fields() {
    var data = new URLSearchParams(new FormData(form));
    data.delete('action');
    return data;
  }

  // ---- autosave
  var autosaveUrl = form.getAttribute('data-autosave-url');
  var status = document.getElementById('autosave-status');
  if (autosaveUrl && status) {
    var last = fields().toString();
    var submitting = false;
    form.addEventListener('submit', function () {
      submitting = true;
    });
    window.setInterval(function () {
      var now = fields().toString();
      if (submitting || now === last) {
        return;
      }
      fetch(autosaveUrl, {
        method: 'POST', body: fields(), credentials: 'same-origin',
        headers: headers({'Accept': 'application/json'})
      }).then(function (response) {
        return response.json().then(function (json) {
          if (response.ok) {
            last = now;
            status.textContent = 'Draft autosaved at ' + json.saved + '. Save to keep it as a revision.';
          } else {
            status.textContent = 'Not autosaved: ' + (json.problem || 'the server refused it') + '.';
          }
        });
      }).catch(function () {
        status.textContent = 'Not autosaved: the newsroom could not be reached. Keep this page open.';
      });
    }, 30000);
  }

  // ---- preview beside the form
  var previewButton = document.getElementById('preview-button');
  var pane = document.getElementById('preview-pane');
  var content = document.getElementById('preview-content');
  if (previewButton && pane && content) {
    previewButton.addEventListener('click', function (event) {
      event.preventDefault();
      fetch(previewButton.getAttribute('formaction'), {
        method: 'POST', body: fields(), credentials: 'same-origin', headers: headers()
      }).then(function (response) {
        return response.text();
      }).then(function (html) {
        var page = new DOMParser().parseFromString(html, 'text/html');
        var article = page.getElementById('preview-article');
        if (!article) {
          return;
        }
        var heading = article.querySelector('h1');
        if (heading) {
          var replacement = document.createElement('p');
          replacement.className = 'nr-preview-headline';
          replacement.textContent = heading.textContent;
          heading.parentNode.replaceChild(replacement, heading);
        }
        content.replaceChildren(document.importNode(article, true));
        pane.hidden = false;
        pane.focus();
      });
    });
    pane.setAttribute('tabindex', '-1');
  }

  // ---- story-reference picker
  var picker = document.getElementById('reference-picker');
  var results = document.getElementById('picker-results');
  if (picker && results && body) {
    picker.removeAttribute('target');
    picker.addEventListener('submit', function (event) {
      event.preventDefault();
      var q = picker.querySelector('input[name="q"]').value;
      fetch(picker.getAttribute('action') + '?q=' + encodeURIComponent(q), {
        credentials: 'same-origin', headers: {'Accept': 'application/json'}
      }).then(function (response) {
        return response.json();
      }).then(function (found) {
        show(found, q);
      });
    });
  }

  function show(found, q) {
    results.replaceChildren();
    if (found.length === 0) {
      var none = document.createElement('p');
      none.textContent = 'No article\u2019s headline or slug contains \u201c' + q + '\u201d.';
      results.appendChild(none);
      return;
    }
    var list = document.createElement('ul');
    list.className = 'nr-picker-list';
    found.forEach(function (article) {
      var item = document.createElement('li');
      var title = document.createElement('span');
      title.textContent = article.headline + ' (' + article.status + (article.published ? ', ' + article.published : '') + ') ';
      item.appendChild(title);
      item.appendChild(button('Insert related card', '[[related: ' + article.slug + ']]', article.headline));
      item.appendChild(document.createTextNode(' '));
      item.appendChild(button('Insert READ MORE line', '[[read-more: ' + article.slug + ']]', article.headline));
      list.appendChild(item);
    });
    results.appendChild(list);
  }

  function button(label, reference, headline) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'nr-button-secondary';
    b.textContent = label;
    b.setAttribute('aria-label', label + ': ' + headline);
    b.addEventListener('click', function () {
      insert(reference);
    });
    return b;
  }

  // The reference goes on a paragraph of its own at the cursor.
  function insert(reference) {
    var text = body.value;
    var at = typeof body.selectionStart === 'number' ? body.selectionStart : text.length;
    var before = text.slice(0, at);
    var after = text.slice(at);
    var lead = before.length === 0 || /\n\n$/.test(before) ? '' : /\n$/.test(before) ? '\n' : '\n\n';
    var tail = after.length === 0 || /^\n\n/.test(after) ? '\n' : /^\n/.test(after) ? '\n' : '\n\n';
    body.value = before + lead + reference + tail + after;
    var caret = (before + lead + reference).length;
    body.focus();
    body.setSelectionRange(caret, caret);
  }
})();
