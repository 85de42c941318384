/*
 * PDQ in the browser, for the "protect my images" page: the image never leaves the device, only
 * its hashes do. The arithmetic mirrors org.redress.pdq.PdqHasher operation for operation:
 * every intermediate is rounded to single precision with Math.fround (a double operation on two
 * floats, rounded once to float, equals the float operation), so the same pixels give the same
 * hash as the server and the C++ reference. See docs/pdq.md for the algorithm.
 */
(function (global) {
  'use strict';

  const fr = Math.fround;
  const SIDE = 64;
  const DCT_SIDE = 16;
  const REFERENCE_SIDE = 512;
  const MIN_HASHABLE_SIDE = 5;
  const LUMA_RED = fr(0.299);
  const LUMA_GREEN = fr(0.587);
  const LUMA_BLUE = fr(0.114);

  const DCT_BASIS = (function () {
    const scale = fr(Math.sqrt(2 / SIDE));
    const basis = new Float32Array(DCT_SIDE * SIDE);
    for (let i = 0; i < DCT_SIDE; i++) {
      for (let j = 0; j < SIDE; j++) {
        basis[i * SIDE + j] = fr(scale * Math.cos((Math.PI / 2 / SIDE) * (i + 1) * (2 * j + 1)));
      }
    }
    return basis;
  })();

  /** Nearest-neighbour squash to 512 x 512 of images larger on either side, as the reference does. */
  function referencePixels(rgba, width, height) {
    if (width <= REFERENCE_SIDE && height <= REFERENCE_SIDE) {
      return { rgba: rgba, width: width, height: height };
    }
    const out = new Uint8ClampedArray(REFERENCE_SIDE * REFERENCE_SIDE * 4);
    for (let y = 0; y < REFERENCE_SIDE; y++) {
      const sy = Math.floor((y * height) / REFERENCE_SIDE);
      for (let x = 0; x < REFERENCE_SIDE; x++) {
        const sx = Math.floor((x * width) / REFERENCE_SIDE);
        const from = (sy * width + sx) * 4;
        const to = (y * REFERENCE_SIDE + x) * 4;
        out[to] = rgba[from];
        out[to + 1] = rgba[from + 1];
        out[to + 2] = rgba[from + 2];
        out[to + 3] = 255;
      }
    }
    return { rgba: out, width: REFERENCE_SIDE, height: REFERENCE_SIDE };
  }

  function lumaOfRgba(rgba, count) {
    const luma = new Float32Array(count);
    for (let i = 0, o = 0; i < count; i++, o += 4) {
      luma[i] = fr(fr(fr(LUMA_RED * rgba[o]) + fr(LUMA_GREEN * rgba[o + 1])) + fr(LUMA_BLUE * rgba[o + 2]));
    }
    return luma;
  }

  function windowFor(dimension) {
    return Math.floor((dimension + 2 * SIDE - 1) / (2 * SIDE));
  }

  /** The box filter of pdq.md step 4 over one vector given by offset and stride. */
  function box(input, output, offset, stride, length, window) {
    const half = Math.floor((window + 2) / 2);
    let right = offset;
    let left = offset;
    let target = offset;
    const end = offset + length * stride;
    let sum = 0;
    let count = 0;
    for (let i = 0; i < half - 1; i++) {
      sum = fr(sum + input[right]);
      right += stride;
      count++;
    }
    for (let i = 0; i < window - half + 1; i++) {
      sum = fr(sum + input[right]);
      right += stride;
      count++;
      output[target] = fr(sum / count);
      target += stride;
    }
    while (right < end) {
      sum = fr(sum + input[right]);
      sum = fr(sum - input[left]);
      right += stride;
      left += stride;
      output[target] = fr(sum / count);
      target += stride;
    }
    for (let i = 0; i < half - 1; i++) {
      sum = fr(sum - input[left]);
      left += stride;
      count--;
      output[target] = fr(sum / count);
      target += stride;
    }
  }

  function jarosz(image, width, height) {
    const scratch = new Float32Array(image.length);
    const alongRows = windowFor(width);
    const alongColumns = windowFor(height);
    for (let pass = 0; pass < 2; pass++) {
      for (let y = 0; y < height; y++) {
        box(image, scratch, y * width, 1, width, alongRows);
      }
      for (let x = 0; x < width; x++) {
        box(scratch, image, x, width, height, alongColumns);
      }
    }
  }

  function decimate(blurred, width, height) {
    const cells = new Float32Array(SIDE * SIDE);
    for (let i = 0; i < SIDE; i++) {
      const row = Math.floor(((i + 0.5) * height) / SIDE);
      for (let j = 0; j < SIDE; j++) {
        const column = Math.floor(((j + 0.5) * width) / SIDE);
        cells[i * SIDE + j] = blurred[row * width + column];
      }
    }
    return cells;
  }

  function step(u, v) {
    return Math.trunc(fr(fr(fr(u - v) * 100) / 255));
  }

  function quality(cells) {
    let gradientSum = 0;
    for (let i = 0; i < SIDE - 1; i++) {
      for (let j = 0; j < SIDE; j++) {
        gradientSum += Math.abs(step(cells[i * SIDE + j], cells[(i + 1) * SIDE + j]));
      }
    }
    for (let i = 0; i < SIDE; i++) {
      for (let j = 0; j < SIDE - 1; j++) {
        gradientSum += Math.abs(step(cells[i * SIDE + j], cells[i * SIDE + j + 1]));
      }
    }
    return Math.min(100, Math.floor(gradientSum / 90));
  }

  function dct(cells) {
    const partial = new Float32Array(DCT_SIDE * SIDE);
    for (let i = 0; i < DCT_SIDE; i++) {
      for (let k = 0; k < SIDE; k++) {
        const d = DCT_BASIS[i * SIDE + k];
        for (let j = 0; j < SIDE; j++) {
          partial[i * SIDE + j] = fr(partial[i * SIDE + j] + fr(d * cells[k * SIDE + j]));
        }
      }
    }
    const coefficients = new Float32Array(DCT_SIDE * DCT_SIDE);
    for (let i = 0; i < DCT_SIDE; i++) {
      for (let j = 0; j < DCT_SIDE; j++) {
        let sum = 0;
        for (let k = 0; k < SIDE; k++) {
          sum = fr(sum + fr(partial[i * SIDE + k] * DCT_BASIS[j * SIDE + k]));
        }
        coefficients[i * DCT_SIDE + j] = sum;
      }
    }
    return coefficients;
  }

  /** Bits above the lower median, as 64 hex digits, most significant 16-bit word (bits 240..255) first. */
  function toHex(coefficients) {
    const sorted = Float32Array.from(coefficients).sort();
    const median = sorted[127];
    let hex = '';
    for (let word = 15; word >= 0; word--) {
      let value = 0;
      for (let bit = 15; bit >= 0; bit--) {
        value = value * 2 + (coefficients[word * 16 + bit] > median ? 1 : 0);
      }
      hex += value.toString(16).padStart(4, '0');
    }
    return hex;
  }

  /*
   * The 8 rotations and reflections of the image, in the order of docs/pdq.md, as changes to the
   * DCT matrix: for output cell [r][c], whether it reads B transposed (B[c][r]) and when it is
   * negated. A reversed axis flips the sign of the odd-indexed coefficients along it.
   */
  const DIHEDRAL = [
    { transposed: false, negated: function () { return false; } },
    { transposed: true, negated: function (r) { return r % 2 === 0; } },
    { transposed: false, negated: function (r, c) { return (r + c) % 2 === 1; } },
    { transposed: true, negated: function (r, c) { return c % 2 === 0; } },
    { transposed: false, negated: function (r) { return r % 2 === 0; } },
    { transposed: false, negated: function (r, c) { return c % 2 === 0; } },
    { transposed: true, negated: function () { return false; } },
    { transposed: true, negated: function (r, c) { return (r + c) % 2 === 1; } }
  ];

  /** The 8 dihedral hashes from one DCT matrix, each thresholded at its own median. */
  function dihedralHexes(coefficients) {
    return DIHEDRAL.map(function (variant) {
      const out = new Float32Array(DCT_SIDE * DCT_SIDE);
      for (let r = 0; r < DCT_SIDE; r++) {
        for (let c = 0; c < DCT_SIDE; c++) {
          const value = variant.transposed ? coefficients[c * DCT_SIDE + r] : coefficients[r * DCT_SIDE + c];
          out[r * DCT_SIDE + c] = variant.negated(r, c) ? -value : value;
        }
      }
      return toHex(out);
    });
  }

  /**
   * Hashes 8-bit RGBA pixels (as from a canvas) as given, without the 512 pre-step.
   * Returns {pdq: 64 hex digits, quality: 0..100, dihedral: the 8 dihedral hashes, pdq first}.
   */
  function hashPixels(rgba, width, height) {
    if (width < MIN_HASHABLE_SIDE || height < MIN_HASHABLE_SIDE) {
      const zero = '0'.repeat(64);
      return { pdq: zero, quality: 0, dihedral: DIHEDRAL.map(function () { return zero; }) };
    }
    const luma = lumaOfRgba(rgba, width * height);
    let cells = luma;
    if (width !== SIDE || height !== SIDE) {
      jarosz(luma, width, height);
      cells = decimate(luma, width, height);
    }
    const coefficients = dct(cells);
    return { pdq: toHex(coefficients), quality: quality(cells), dihedral: dihedralHexes(coefficients) };
  }

  /** Hashes decoded pixels the way the reference file tool does: the 512 pre-step, then PDQ. */
  function hashImageData(rgba, width, height) {
    const reference = referencePixels(rgba, width, height);
    return hashPixels(reference.rgba, reference.width, reference.height);
  }

  const api = { hashPixels: hashPixels, hashImageData: hashImageData, referencePixels: referencePixels };
  if (typeof module === 'object' && module.exports) {
    module.exports = api;
  } else {
    global.RedressPdq = api;
  }
})(typeof self !== 'undefined' ? self : this);
