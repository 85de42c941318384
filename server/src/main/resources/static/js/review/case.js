// The case page: reveal a blurred image on a deliberate action (a click or "v"), and keyboard
// shortcuts for the common decisions. Keys are ignored while typing in a field.
(function () {
  'use strict';
  function reveal() {
    document.querySelectorAll('.media img.shielded').forEach(function (img) {
      img.src = img.getAttribute('data-full');
      img.classList.remove('shielded');
      img.alt = 'The reported image';
    });
    document.querySelectorAll('.media a.reveal').forEach(function (a) { a.hidden = true; });
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
        case 'v': reveal(); break;
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
