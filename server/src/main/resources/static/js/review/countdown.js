// Keeps every countdown on the page current: "<h>h <m>m left", or "... overdue" past the deadline.
(function () {
  'use strict';
  function render() {
    document.querySelectorAll('.countdown[data-deadline]').forEach(function (el) {
      if (el.getAttribute('data-running') !== 'true') {
        return;
      }
      var left = Number(el.getAttribute('data-deadline')) - Date.now();
      var minutes = Math.floor(Math.abs(left) / 60000);
      var text = Math.floor(minutes / 60) + 'h ' + (minutes % 60) + 'm';
      el.textContent = left < 0 ? text + ' overdue' : text + ' left';
      el.classList.toggle('breached', left < 0);
      el.classList.toggle('at-risk', left >= 0 && left <= 12 * 3600 * 1000);
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    render();
    setInterval(render, 30000);
  });
})();
