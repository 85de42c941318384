// Shows every <time class="local-time"> in the reader's own time zone; without scripts the page
// shows UK time, with its zone named.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var format;
    try {
      format = new Intl.DateTimeFormat('en-GB', {
        day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short'
      });
    } catch (e) {
      return;
    }
    Array.prototype.forEach.call(document.querySelectorAll('time.local-time'), function (time) {
      var at = new Date(time.getAttribute('datetime'));
      if (!isNaN(at.getTime())) {
        time.textContent = format.format(at);
      }
    });
  });
})();
