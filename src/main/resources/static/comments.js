// Optional: "Reply" moves the comment form under the comment instead of reloading the page.
// Without JavaScript the Reply link loads the page with the form set to reply.
(function () {
  'use strict';
  var respond = document.getElementById('respond');
  var parent = document.getElementById('comment-parent');
  var title = document.getElementById('reply-title');
  if (!respond || !parent || !title) {
    return;
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
