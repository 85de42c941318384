// Copy buttons for secrets shown once (a new API key, a one-time password). The buttons stay
// hidden where the browser offers no clipboard (plain http other than localhost), so none fails.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    if (!navigator.clipboard) {
      return;
    }
    document.querySelectorAll('button.copy').forEach(function (button) {
      var source = document.getElementById(button.getAttribute('data-copy'));
      if (!source) {
        return;
      }
      var label = button.textContent;
      button.hidden = false;
      button.addEventListener('click', function () {
        navigator.clipboard.writeText(source.textContent.trim()).then(function () {
          button.textContent = 'Copied';
          setTimeout(function () { button.textContent = label; }, 2000);
        }, function () {
          button.textContent = 'Select the text and copy it';
        });
      });
    });
  });
})();
