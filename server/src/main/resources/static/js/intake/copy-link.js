// The copy button beside a status link: shown only where scripts run (the link itself always is).
(function () {
  'use strict';
  function copied(status, ok) {
    status.textContent = ok ? 'Copied. Paste it somewhere only you can open.' : 'Select the link above and copy it.';
  }
  document.addEventListener('DOMContentLoaded', function () {
    var button = document.getElementById('copy-link');
    if (!button) {
      return;
    }
    button.parentElement.hidden = false;
    button.addEventListener('click', function () {
      var status = document.getElementById('copy-status');
      var link = button.getAttribute('data-link');
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(link).then(function () { copied(status, true); }, function () {
          copied(status, false);
        });
      } else {
        copied(status, false);
      }
    });
  });
})();
