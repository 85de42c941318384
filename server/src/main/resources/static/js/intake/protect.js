/*
 * The "protect my images" page: each chosen file is decoded and hashed here (PDQ with the 512 x 512
 * pre-step, MD5 and SHA-256 of the file's bytes); only the hashes are sent. The file's bytes are
 * never put into a request.
 */
(function () {
  'use strict';

  var hashes = [];
  var submissionKey = crypto.randomUUID();

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
    var reference = RedressPdq.referencePixels(pixels.data, pixels.width, pixels.height);
    var pdq = RedressPdq.hashPixels(reference.rgba, reference.width, reference.height);
    // Cropped, tilted and turned copies are matched by these, computed here as the server computes them.
    var framings = RedressFramings.framingHashes(reference.rgba, reference.width, reference.height, pdq);
    return {
      name: file.name, pdq: pdq.pdq, quality: pdq.quality, dihedral: pdq.dihedral, framings: framings,
      md5: md5, sha256: sha256
    };
  }

  function row(result, index) {
    var tr = document.createElement('tr');
    tr.id = 'hash-' + index;
    tr.dataset.name = result.name;
    tr.dataset.pdq = result.pdq;
    tr.dataset.quality = String(result.quality);
    tr.dataset.dihedral = result.dihedral.join(',');
    tr.dataset.framings = result.framings.join(',');
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
    submissionKey = crypto.randomUUID();
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

  /** Shows a message beside its field, marks the field invalid and moves the focus there. */
  function fieldError(fieldId, message) {
    var field = document.getElementById(fieldId);
    var error = document.getElementById(fieldId + '-error');
    error.textContent = message;
    error.hidden = false;
    field.setAttribute('aria-invalid', 'true');
    field.setAttribute('aria-describedby', (fieldId === 'email' ? 'email-hint ' : '') + fieldId + '-error');
    field.focus();
  }

  function clearFieldError(fieldId) {
    var field = document.getElementById(fieldId);
    document.getElementById(fieldId + '-error').hidden = true;
    field.removeAttribute('aria-invalid');
    field.setAttribute('aria-describedby', fieldId === 'email' ? 'email-hint' : fieldId + '-error');
  }

  var EMAIL_PROBLEM = 'Enter an e-mail address like name@example.com, or leave it empty.';

  /** The sentence for a refused submission: the field it names, or what the person can do. */
  async function explain(response) {
    var problem = {};
    try {
      problem = await response.json();
    } catch (e) {
      problem = {};
    }
    var pointers = (problem.errors || []).map(function (error) { return error.pointer || ''; });
    if (pointers.some(function (p) { return p.indexOf('#/contact') === 0; })) {
      fieldError('email', EMAIL_PROBLEM);
      return null;
    }
    if (response.status === 429) {
      return 'Too many requests came from your connection in a short time. Nothing was sent. Wait a few minutes '
        + 'and press Send again; your fingerprints are still here.';
    }
    if (response.status === 413) {
      return 'That is too many images for one request. Choose at most 100 images and send again.';
    }
    return 'Sending failed. Your images were not sent. Please try again in a moment.';
  }

  async function onSubmit(event) {
    event.preventDefault();
    var error = document.getElementById('declarations-error');
    var failure = document.getElementById('protect-error');
    failure.hidden = true;
    var subject = document.getElementById('subjectOrAuthorised').checked;
    var goodFaith = document.getElementById('goodFaithAndTrue').checked;
    if (!subject || !goodFaith) {
      error.textContent = 'Tick both boxes to confirm.';
      error.hidden = false;
      document.getElementById(subject ? 'goodFaithAndTrue' : 'subjectOrAuthorised').focus();
      return;
    }
    error.hidden = true;
    var under18 = document.querySelector('input[name=under18]:checked');
    var under18Error = document.getElementById('under18-error');
    if (!under18) {
      under18Error.textContent = 'Tell us whether the person was under 18. If you are not sure, choose yes.';
      under18Error.hidden = false;
      document.getElementById('under18-yes').focus();
      return;
    }
    under18Error.hidden = true;
    clearFieldError('email');
    var email = document.getElementById('email').value.trim();
    if (email && !/^[^@\s]{1,64}@[^@\s]+\.[^@\s]+$/.test(email)) {
      fieldError('email', EMAIL_PROBLEM);
      return;
    }
    var body = {
      hashes: hashes.map(function (h) {
        var sent = { pdq: h.pdq, quality: h.quality, md5: h.md5, sha256: h.sha256, dihedral: h.dihedral };
        if (h.framings.length > 0) {
          sent.framings = h.framings;
        }
        return sent;
      }),
      declarations: { subjectOrAuthorised: true, goodFaithAndTrue: true },
      subjectWasUnder18: under18.value === 'yes'
    };
    if (email) {
      body.contact = { email: email };
    }
    var response;
    try {
      response = await fetch('/api/v1/hash-submissions', {
        method: 'POST',
        // One key for these images: a second press, or a retry after a lost answer, files them once.
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': submissionKey },
        body: JSON.stringify(body)
      });
    } catch (e) {
      failure.textContent = 'Sending failed: this device seems to be offline. Your images were not sent. '
        + 'Check the connection and press Send again.';
      failure.hidden = false;
      return;
    }
    if (!response.ok) {
      var message = await explain(response);
      if (message) {
        failure.textContent = message;
        failure.hidden = false;
      }
      return;
    }
    showReceipt(await response.json());
  }

  function showReceipt(receipt) {
    document.getElementById('case-ref').textContent = receipt.caseRef;
    var link = document.getElementById('status-link');
    var path = '/status/' + encodeURIComponent(receipt.caseRef) + '?t=' + encodeURIComponent(receipt.statusToken);
    link.href = receipt.statusUrl || path;
    link.textContent = receipt.statusUrl || (window.location.origin + path);
    document.getElementById('copy-link').setAttribute('data-link', link.textContent);
    document.getElementById('protect-form').hidden = true;
    var done = document.getElementById('protect-receipt');
    done.hidden = false;
    done.focus();
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.getElementById('images').addEventListener('change', onChoose);
    document.getElementById('protect-form').addEventListener('submit', onSubmit);
    Array.prototype.forEach.call(document.querySelectorAll('input[name=under18]'), function (radio) {
      radio.addEventListener('change', function () {
        document.getElementById('under18-notice').hidden = radio.value !== 'yes' || !radio.checked;
      });
    });
  });
})();
