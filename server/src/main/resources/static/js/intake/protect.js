/*
 * The "protect my images" page: each chosen file is decoded and hashed here (PDQ with the 512 x 512
 * pre-step, MD5 and SHA-256 of the file's bytes); only the hashes are sent. The file's bytes are
 * never put into a request.
 */
(function () {
  'use strict';

  var hashes = [];

  function hex(buffer) {
    return Array.prototype.map.call(new Uint8Array(buffer), function (b) {
      return ('0' + b.toString(16)).slice(-2);
    }).join('');
  }

  async function decode(file) {
    var options = { colorSpaceConversion: 'none', premultiplyAlpha: 'none', imageOrientation: 'none' };
    var bitmap;
    try {
      bitmap = await createImageBitmap(file, options);
    } catch (e) {
      options.imageOrientation = 'from-image';
      bitmap = await createImageBitmap(file, options);
    }
    var canvas = document.createElement('canvas');
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    var context = canvas.getContext('2d', { willReadFrequently: true });
    context.drawImage(bitmap, 0, 0);
    bitmap.close();
    return context.getImageData(0, 0, canvas.width, canvas.height);
  }

  async function hashFile(file) {
    var bytes = await file.arrayBuffer();
    var sha256 = hex(await crypto.subtle.digest('SHA-256', bytes));
    var md5 = RedressMd5.md5(bytes);
    var pixels = await decode(file);
    var pdq = RedressPdq.hashImageData(pixels.data, pixels.width, pixels.height);
    return { name: file.name, pdq: pdq.pdq, quality: pdq.quality, md5: md5, sha256: sha256 };
  }

  function row(result, index) {
    var tr = document.createElement('tr');
    tr.id = 'hash-' + index;
    tr.dataset.name = result.name;
    tr.dataset.pdq = result.pdq;
    tr.dataset.quality = String(result.quality);
    [result.name, result.pdq, String(result.quality)].forEach(function (text, i) {
      var cell = document.createElement(i === 0 ? 'th' : 'td');
      if (i === 0) {
        cell.scope = 'row';
      }
      cell.textContent = text;
      tr.appendChild(cell);
    });
    return tr;
  }

  async function onChoose(event) {
    var files = Array.prototype.slice.call(event.target.files);
    var progress = document.getElementById('hash-progress');
    var body = document.querySelector('#hash-results tbody');
    body.textContent = '';
    hashes = [];
    document.getElementById('send-hashes').disabled = true;
    for (var i = 0; i < files.length; i++) {
      progress.textContent = 'Making fingerprint ' + (i + 1) + ' of ' + files.length + '…';
      try {
        var result = await hashFile(files[i]);
        hashes.push(result);
        body.appendChild(row(result, hashes.length - 1));
      } catch (e) {
        var tr = document.createElement('tr');
        tr.className = 'error';
        tr.innerHTML = '<th scope="row"></th><td colspan="2">This file could not be read as an image.</td>';
        tr.firstChild.textContent = files[i].name;
        body.appendChild(tr);
      }
    }
    progress.textContent = hashes.length + ' of ' + files.length + ' images ready. Nothing has been sent yet.';
    progress.dataset.done = 'true';
    document.getElementById('send-hashes').disabled = hashes.length === 0;
  }

  async function onSubmit(event) {
    event.preventDefault();
    var error = document.getElementById('declarations-error');
    var subject = document.getElementById('subjectOrAuthorised').checked;
    var goodFaith = document.getElementById('goodFaithAndTrue').checked;
    if (!subject || !goodFaith) {
      error.textContent = 'Tick both boxes to confirm.';
      error.hidden = false;
      document.getElementById(subject ? 'goodFaithAndTrue' : 'subjectOrAuthorised').focus();
      return;
    }
    error.hidden = true;
    var email = document.getElementById('email').value.trim();
    var body = {
      hashes: hashes.map(function (h) { return { pdq: h.pdq, quality: h.quality, md5: h.md5, sha256: h.sha256 }; }),
      declarations: { subjectOrAuthorised: true, goodFaithAndTrue: true }
    };
    if (email) {
      body.contact = { email: email };
    }
    var failure = document.getElementById('protect-error');
    try {
      var response = await fetch('/api/v1/hash-submissions', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
        body: JSON.stringify(body)
      });
      if (!response.ok) {
        throw new Error('status ' + response.status);
      }
      var receipt = await response.json();
      document.getElementById('case-ref').textContent = receipt.caseRef;
      var link = document.getElementById('status-link');
      link.href = '/status/' + encodeURIComponent(receipt.caseRef) + '?t=' + encodeURIComponent(receipt.statusToken);
      link.textContent = window.location.origin + link.getAttribute('href');
      document.getElementById('protect-form').hidden = true;
      var done = document.getElementById('protect-receipt');
      done.hidden = false;
      done.focus();
    } catch (e) {
      failure.textContent = 'Sending failed. Your images were not sent. Please try again in a moment.';
      failure.hidden = false;
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.getElementById('images').addEventListener('change', onChoose);
    document.getElementById('protect-form').addEventListener('submit', onSubmit);
  });
})();
