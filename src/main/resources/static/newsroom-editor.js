// Optional help for the article editor; everything works without it.
// - Autosave: every 30 seconds, if the form changed, its fields are sent to the article's
//   autosave address (kept per person, not a revision), with the CSRF header. A new article is
//   autosaved too, before its first save (one per person; "Write a new article" offers it back).
// - Preview: the Preview button shows the server's rendering beside the form instead of in a
//   new tab.
// - Story references: the search below the form lists articles with buttons that insert
//   [[related: slug]] or [[read-more: slug]] at the cursor in the body.
// - Lead image: "Choose from the library" opens the media picker in a dialog on this page
//   (the picker's JSON); "Use this image" fills the image id, the preview and any empty alt
//   text, caption and credit, without leaving the editor. Nothing is saved until Save.
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

  // ---- lead image from the library
  var choose = document.getElementById('choose-image');
  var mediaId = document.getElementById('image-media-id');
  var preview = document.getElementById('lead-image-preview');
  if (choose && mediaId && preview && typeof HTMLDialogElement === 'function') {
    var dialog = mediaDialog(choose.getAttribute('data-picker'));
    choose.removeAttribute('target');
    choose.addEventListener('click', function (event) {
      event.preventDefault();
      dialog.open();
    });
  }

  function element(name, className, text) {
    var e = document.createElement(name);
    if (className) {
      e.className = className;
    }
    if (text) {
      e.textContent = text;
    }
    return e;
  }

  function mediaDialog(url) {
    var d = element('dialog', 'nr-media-dialog');
    d.id = 'media-dialog';
    d.setAttribute('aria-labelledby', 'media-dialog-heading');
    var close = element('button', 'nr-button-secondary nr-dialog-close', 'Close');
    close.type = 'button';
    close.addEventListener('click', function () {
      d.close();
    });
    var heading = element('h2', null, 'Choose a lead image');
    heading.id = 'media-dialog-heading';
    var search = element('form', 'nr-filters');
    search.setAttribute('role', 'search');
    var field = element('p', 'nr-field');
    var label = element('label', null, 'Search file names, alt text and captions');
    label.htmlFor = 'media-dialog-q';
    var q = element('input');
    q.id = 'media-dialog-q';
    q.type = 'search';
    q.maxLength = 200;
    field.append(label, q);
    var go = element('button', null, 'Search');
    go.type = 'submit';
    var goField = element('p', 'nr-field');
    goField.appendChild(go);
    search.append(field, goField);
    var count = element('p', 'nr-muted');
    count.setAttribute('aria-live', 'polite');
    var list = element('ul', 'nr-media-picker');
    var pages = element('p', 'nr-actions');
    var newer = element('button', 'nr-button-secondary', '\u00ab Newer images');
    var older = element('button', 'nr-button-secondary', 'Older images \u00bb');
    newer.type = 'button';
    older.type = 'button';
    pages.append(newer, older);
    d.append(close, heading, search, count, list, pages);
    (form.closest('main') || document.body).appendChild(d);

    var page = 1;
    function load(n) {
      fetch(url + '?q=' + encodeURIComponent(q.value) + '&page=' + n, {
        credentials: 'same-origin', headers: {'Accept': 'application/json'}
      }).then(function (response) {
        return response.json();
      }).then(function (found) {
        page = found.page;
        count.textContent = found.count + (q.value.trim() ? ' matching \u201c' + q.value.trim() + '\u201d' : '');
        list.replaceChildren();
        found.images.forEach(function (image) {
          list.appendChild(pick(image));
        });
        newer.hidden = !found.hasNewer;
        older.hidden = !found.hasOlder;
      }).catch(function () {
        count.textContent = 'The library could not be reached. Try again, or type the image\u2019s id.';
      });
    }
    search.addEventListener('submit', function (event) {
      event.preventDefault();
      load(1);
    });
    newer.addEventListener('click', function () {
      load(page - 1);
    });
    older.addEventListener('click', function () {
      load(page + 1);
    });

    function pick(image) {
      var item = element('li');
      var thumb = element('img');
      thumb.src = image.thumbnail;
      thumb.alt = '';
      thumb.width = image.thumbnailWidth;
      thumb.height = image.thumbnailHeight;
      var text = element('div');
      text.append(element('p', null, image.filename + ' \u2013 ' + image.width + ' \u00d7 ' + image.height),
          image.alt ? element('p', null, image.alt) : element('p', 'nr-status', 'No alt text'));
      var use = element('button', 'nr-button-secondary', 'Use this image');
      use.type = 'button';
      use.setAttribute('aria-label', 'Use this image: ' + image.filename);
      use.addEventListener('click', function () {
        useImage(image);
        d.close();
        document.getElementById('image-alt').focus();
      });
      text.appendChild(use);
      item.append(thumb, text);
      return item;
    }

    return {
      open: function () {
        d.showModal();
        load(1);
      }
    };
  }

  // What the last chosen image filled in, so that choosing another replaces it (but never what was typed).
  var filled = {};

  function useImage(image) {
    mediaId.value = image.id;
    ['imagePath', 'imageWidth', 'imageHeight'].forEach(function (name) {
      var hidden = form.querySelector('input[type="hidden"][name="' + name + '"]');
      if (hidden) {
        hidden.value = '';
      }
    });
    fill('image-alt', image.alt);
    fill('image-caption', image.caption);
    fill('image-credit', image.credit);
    var thumb = element('img');
    thumb.src = image.thumbnail;
    thumb.alt = '';
    thumb.width = image.thumbnailWidth;
    thumb.height = image.thumbnailHeight;
    preview.replaceChildren(thumb, element('p', null, 'Library image ' + image.id + ': ' + image.filename + ', '
        + image.width + ' \u00d7 ' + image.height + ' pixels. Not saved yet.'));
    var remove = document.getElementById('image-remove');
    if (remove) {
      remove.checked = false;
      document.getElementById('image-remove-field').hidden = false;
    }
  }

  function fill(id, value) {
    var input = document.getElementById(id);
    if (input && (input.value.trim() === '' || input.value === filled[id])) {
      input.value = value || '';
      filled[id] = input.value;
    }
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
