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

  /**
   * The EXIF orientation (1 to 8) of a JPEG, 1 when it has none. Browsers show a phone photo
   * upright by turning its pixels as this tag says, whatever they are asked; the hash must be of
   * the pixels as stored, as every other PDQ implementation computes it.
   */
  function exifOrientation(buffer) {
    var view = new DataView(buffer);
    if (view.byteLength < 4 || view.getUint16(0) !== 0xffd8) {
      return 1;
    }
    var pos = 2;
    while (pos + 4 <= view.byteLength && view.getUint8(pos) === 0xff) {
      var marker = view.getUint8(pos + 1);
      var length = view.getUint16(pos + 2);
      if (marker === 0xda || marker === 0xd9) {
        break;
      }
      if (marker === 0xe1 && length >= 16 && pos + 2 + length <= view.byteLength
          && view.getUint32(pos + 4) === 0x45786966 && view.getUint16(pos + 8) === 0) {
        return orientationInTiff(view, pos + 10, length - 8);
      }
      pos += 2 + length;
    }
    return 1;
  }

  function orientationInTiff(view, tiff, size) {
    var little = view.getUint16(tiff) === 0x4949;
    var ifd = tiff + view.getUint32(tiff + 4, little);
    if (ifd + 2 > tiff + size) {
      return 1;
    }
    var count = view.getUint16(ifd, little);
    for (var i = 0; i < count; i++) {
      var entry = ifd + 2 + i * 12;
      if (entry + 12 > tiff + size) {
        return 1;
      }
      if (view.getUint16(entry, little) === 0x0112) {
        var value = view.getUint16(entry + 8, little);
        return value >= 1 && value <= 8 ? value : 1;
      }
    }
    return 1;
  }

  /*
   * Where stored pixel (x, y) of a w x h image appears once shown with each EXIF orientation
   * (index = orientation): mirrored, turned half way, upside down, transposed, turned clockwise,
   * across the anti-diagonal, turned anticlockwise.
   */
  var SHOWN_AT = [
    null,
    function (x, y) { return [x, y]; },
    function (x, y, w) { return [w - 1 - x, y]; },
    function (x, y, w, h) { return [w - 1 - x, h - 1 - y]; },
    function (x, y, w, h) { return [x, h - 1 - y]; },
    function (x, y) { return [y, x]; },
    function (x, y, w, h) { return [h - 1 - y, x]; },
    function (x, y, w, h) { return [h - 1 - y, w - 1 - x]; },
    function (x, y, w) { return [y, w - 1 - x]; }
  ];

  /** Turns pixels the browser showed upright back to how the file stores them. */
  function asStored(shown, orientation) {
    if (orientation === 1) {
      return shown;
    }
    var swapped = orientation >= 5;
    var width = swapped ? shown.height : shown.width;
    var height = swapped ? shown.width : shown.height;
    var rgba = new Uint8ClampedArray(width * height * 4);
    var at = SHOWN_AT[orientation];
    for (var y = 0; y < height; y++) {
      for (var x = 0; x < width; x++) {
        var p = at(x, y, width, height);
        var from = (p[1] * shown.width + p[0]) * 4;
        var to = (y * width + x) * 4;
        rgba[to] = shown.data[from];
        rgba[to + 1] = shown.data[from + 1];
        rgba[to + 2] = shown.data[from + 2];
        rgba[to + 3] = shown.data[from + 3];
      }
    }
    return { data: rgba, width: width, height: height };
  }

  async function decode(file) {
    // 'from-image' is what browsers do anyway; asking for it makes the turn known, so it can be undone.
    var options = { colorSpaceConversion: 'none', premultiplyAlpha: 'none', imageOrientation: 'from-image' };
    var bitmap = await createImageBitmap(file, options);
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
    var pixels = asStored(await decode(file), exifOrientation(bytes));
    var pdq = RedressPdq.hashImageData(pixels.data, pixels.width, pixels.height);
    return {
      name: file.name, pdq: pdq.pdq, quality: pdq.quality, dihedral: pdq.dihedral, md5: md5, sha256: sha256
    };
  }

  function row(result, index) {
    var tr = document.createElement('tr');
    tr.id = 'hash-' + index;
    tr.dataset.name = result.name;
    tr.dataset.pdq = result.pdq;
    tr.dataset.quality = String(result.quality);
    tr.dataset.dihedral = result.dihedral.join(',');
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
      hashes: hashes.map(function (h) {
        return { pdq: h.pdq, quality: h.quality, md5: h.md5, sha256: h.sha256, dihedral: h.dihedral };
      }),
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
