// Quick exit: leaves for a neutral site and replaces this page in the history, so "back" does not return here.
(function () {
  'use strict';
  function leave(event) {
    if (event) {
      event.preventDefault();
    }
    window.location.replace('https://www.bbc.co.uk/weather');
  }
  document.addEventListener('DOMContentLoaded', function () {
    var exit = document.getElementById('quick-exit');
    if (exit) {
      exit.addEventListener('click', leave);
    }
    var summary = document.getElementById('error-summary');
    if (summary) {
      summary.focus();
    }
  });
})();
