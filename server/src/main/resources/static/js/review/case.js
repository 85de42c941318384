// The case page: reveal a blurred image on a deliberate action (a click or "v") and hide it again
// the same way, and keyboard shortcuts for the common decisions. Keys are ignored while typing in
// a field.
(function () {
  'use strict';
  var revealed = false;
  function reveal() {
    document.querySelectorAll('.media img.shielded').forEach(function (img) {
      img.src = img.getAttribute('data-full');
      img.classList.remove('shielded');
      img.alt = 'The reported image';
    });
    document.querySelectorAll('.media a.reveal').forEach(function (a) { a.hidden = true; });
    document.querySelectorAll('.media button.hide-image').forEach(function (b) { b.hidden = false; });
    revealed = true;
  }
  // Back to the server's blurred preview; the full image is no longer on the page.
  function hide() {
    document.querySelectorAll('.media img').forEach(function (img) {
      img.src = img.getAttribute('data-preview');
      img.classList.add('shielded');
      img.alt = 'Blurred preview of the reported image';
    });
    document.querySelectorAll('.media a.reveal').forEach(function (a) { a.hidden = false; });
    document.querySelectorAll('.media button.hide-image').forEach(function (b) { b.hidden = true; });
    revealed = false;
  }
  function choose(id, focusId) {
    var radio = document.getElementById(id);
    if (!radio) {
      return;
    }
    radio.checked = true;
    var target = document.getElementById(focusId || 'decide');
    if (target) {
      target.focus();
    }
  }
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('.media a.reveal').forEach(function (a) {
      a.addEventListener('click', function (event) {
        event.preventDefault();
        reveal();
      });
    });
    document.querySelectorAll('.media button.hide-image').forEach(function (b) {
      b.addEventListener('click', hide);
    });
    if (document.body.getAttribute('data-reveal-by-default') === 'true') {
      reveal();
    }
    document.addEventListener('keydown', function (event) {
      var tag = (event.target.tagName || '').toLowerCase();
      if (event.ctrlKey || event.metaKey || event.altKey || tag === 'input' || tag === 'textarea' || tag === 'select') {
        return;
      }
      switch (event.key) {
        case 'r': choose('outcome-remove'); break;
        case 'n': choose('outcome-no-violation', 'reasonCode'); break;
        case 'e': choose('outcome-escalate'); break;
        case 'f': choose('outcome-refer'); break;
        case 'v': if (revealed) { hide(); } else { reveal(); } break;
        case 'c':
          var claim = document.getElementById('claim-form');
          if (claim) {
            claim.submit();
          }
          break;
        default: return;
      }
      event.preventDefault();
    });
  });
})();
