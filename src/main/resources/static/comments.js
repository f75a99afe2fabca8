// Optional: "Reply" moves the comment form under the comment instead of reloading the page.
// Without JavaScript the Reply link loads the page with the form set to reply.
// It also fills in the name, email and website a reader asked this browser to remember: the
// page is the same for every reader (it may come from a cache), so the server never does.
(function () {
  'use strict';
  var respond = document.getElementById('respond');
  var parent = document.getElementById('comment-parent');
  var title = document.getElementById('reply-title');
  if (!respond || !parent || !title) {
    return;
  }
  fillRemembered();

  // The comment_author cookie: base64url of "name\nemail\nwebsite" in UTF-8.
  function fillRemembered() {
    var value = null;
    document.cookie.split(';').forEach(function (pair) {
      var at = pair.indexOf('=');
      if (at > 0 && pair.slice(0, at).trim() === 'comment_author') {
        value = pair.slice(at + 1).trim();
      }
    });
    if (!value || !window.TextDecoder) {
      return;
    }
    var parts;
    try {
      var binary = atob(value.replace(/-/g, '+').replace(/_/g, '/'));
      var bytes = new Uint8Array(binary.length);
      for (var i = 0; i < binary.length; i++) {
        bytes[i] = binary.charCodeAt(i);
      }
      parts = new TextDecoder('utf-8', { fatal: true }).decode(bytes).split('\n');
    } catch (e) {
      return;
    }
    if (parts.length !== 3) {
      return;
    }
    var fields = ['author', 'email', 'url'];
    var filled = false;
    for (var f = 0; f < fields.length; f++) {
      var input = document.getElementById(fields[f]);
      if (input && input.value === '' && parts[f] !== '') {
        input.value = parts[f];
        filled = true;
      }
    }
    var remember = document.getElementById('remember');
    if (filled && remember) {
      remember.checked = true;
    }
  }
  var home = document.createElement('div');
  home.id = 'respond-home';
  respond.parentNode.insertBefore(home, respond);
  var leaveTitle = 'Leave a Reply';

  function setTitle(name) {
    title.textContent = name ? 'Reply to ' + name + ' ' : leaveTitle;
    if (name) {
      var small = document.createElement('small');
      var cancel = document.createElement('a');
      cancel.id = 'cancel-reply';
      cancel.href = '#respond';
      cancel.textContent = 'Cancel reply';
      cancel.addEventListener('click', function (event) {
        event.preventDefault();
        parent.value = '';
        home.parentNode.insertBefore(respond, home.nextSibling);
        setTitle(null);
        document.getElementById('comment').focus();
      });
      small.appendChild(cancel);
      title.appendChild(small);
    }
  }

  document.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('a.comment-reply-link') : null;
    if (!link) {
      return;
    }
    event.preventDefault();
    var item = document.getElementById('comment-' + link.getAttribute('data-reply-to'));
    if (!item) {
      return;
    }
    parent.value = link.getAttribute('data-reply-to');
    item.querySelector('.comment-body').insertAdjacentElement('afterend', respond);
    setTitle(link.getAttribute('data-reply-name'));
    document.getElementById('comment').focus();
  });

  var cancel = document.getElementById('cancel-reply');
  if (cancel) {
    setTitle(title.firstChild ? title.firstChild.textContent.replace(/^Reply to /, '').trim() : null);
  }
})();
