/*
 * The framings a protected image is also hashed in, on the device, so that a copy posted cropped,
 * turned or tilted still matches it: the same framings, in the same order, as the server keeps for
 * an image banked from a removal (org.redress.pdq.EntryFraming and Reframing; docs/adr/0026). They
 * work on the pixels after the 512 x 512 pre-step, as the server's do, and each is hashed with
 * RedressPdq.hashPixels. Only the hashes leave the device.
 */
(function (global) {
  'use strict';

  /** A framing, and each framing of a picture under it, keeps no hash of its own (a flat hash matches too much). */
  const QUALITY_FLOOR = 50;
  const WINDOW_SHARE = 0.9;

  function image(rgba, width, height) {
    return { rgba: rgba, width: width, height: height };
  }

  function region(p, x, y, width, height) {
    const out = new Uint8ClampedArray(width * height * 4);
    for (let row = 0; row < height; row++) {
      const from = ((y + row) * p.width + x) * 4;
      out.set(p.rgba.subarray(from, from + width * 4), row * width * 4);
    }
    return image(out, width, height);
  }

  /** Java's Math.round for the non-negative and negative halves alike: floor(x + 0.5). */
  function round(x) {
    return Math.floor(x + 0.5);
  }

  function centre(p, share) {
    const width = Math.max(1, round(p.width * share));
    const height = Math.max(1, round(p.height * share));
    return region(p, Math.floor((p.width - width) / 2), Math.floor((p.height - height) / 2), width, height);
  }

  function corner(p, right, bottom) {
    const width = Math.max(1, round(p.width * WINDOW_SHARE));
    const height = Math.max(1, round(p.height * WINDOW_SHARE));
    return region(p, right ? p.width - width : 0, bottom ? p.height - height : 0, width, height);
  }

  function edge(p, acrossWidth, far) {
    const width = acrossWidth ? Math.max(1, round(p.width * WINDOW_SHARE)) : p.width;
    const height = acrossWidth ? p.height : Math.max(1, round(p.height * WINDOW_SHARE));
    return region(p, far ? p.width - width : 0, far ? p.height - height : 0, width, height);
  }

  /** Where each source pixel (x, y) of a w x h picture lands, for each turn and mirror image. */
  const TURNS = {
    ROTATE_90: { swaps: true, to: function (x, y, w, h, ow) { return (w - 1 - x) * ow + y; } },
    ROTATE_180: { swaps: false, to: function (x, y, w, h, ow) { return (h - 1 - y) * ow + (w - 1 - x); } },
    ROTATE_270: { swaps: true, to: function (x, y, w, h, ow) { return x * ow + (h - 1 - y); } },
    FLIP_X: { swaps: false, to: function (x, y, w, h, ow) { return (h - 1 - y) * ow + x; } },
    FLIP_Y: { swaps: false, to: function (x, y, w, h, ow) { return y * ow + (w - 1 - x); } },
    FLIP_PLUS_1: { swaps: true, to: function (x, y, w, h, ow) { return x * ow + y; } },
    FLIP_MINUS_1: { swaps: true, to: function (x, y, w, h, ow) { return (w - 1 - x) * ow + (h - 1 - y); } }
  };

  function turned(p, name) {
    const turn = TURNS[name];
    const w = p.width;
    const h = p.height;
    const outWidth = turn.swaps ? h : w;
    const outHeight = turn.swaps ? w : h;
    const out = new Uint8ClampedArray(w * h * 4);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const to = turn.to(x, y, w, h, outWidth) * 4;
        const from = (y * w + x) * 4;
        out[to] = p.rgba[from];
        out[to + 1] = p.rgba[from + 1];
        out[to + 2] = p.rgba[from + 2];
        out[to + 3] = 255;
      }
    }
    return image(out, outWidth, outHeight);
  }

  /** Turned by a small angle about the centre on a canvas of the same size, uncovered corners black. */
  function tilted(p, degrees) {
    const w = p.width;
    const h = p.height;
    const cos = Math.cos(degrees * Math.PI / 180);
    const sin = Math.sin(degrees * Math.PI / 180);
    const cx = (w - 1) / 2;
    const cy = (h - 1) / 2;
    const out = new Uint8ClampedArray(w * h * 4);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const to = (y * w + x) * 4;
        out[to + 3] = 255;
        const sx = round(cx + (x - cx) * cos - (y - cy) * sin);
        const sy = round(cy + (x - cx) * sin + (y - cy) * cos);
        if (sx < 0 || sy < 0 || sx >= w || sy >= h) {
          continue;
        }
        const from = (sy * w + sx) * 4;
        out[to] = p.rgba[from];
        out[to + 1] = p.rgba[from + 1];
        out[to + 2] = p.rgba[from + 2];
      }
    }
    return image(out, w, h);
  }

  /** In EntryFraming's order: the server stores them by position. */
  const FRAMINGS = [
    function (p) { return turned(p, 'ROTATE_90'); },
    function (p) { return turned(p, 'ROTATE_180'); },
    function (p) { return turned(p, 'ROTATE_270'); },
    function (p) { return turned(p, 'FLIP_X'); },
    function (p) { return turned(p, 'FLIP_Y'); },
    function (p) { return turned(p, 'FLIP_PLUS_1'); },
    function (p) { return turned(p, 'FLIP_MINUS_1'); },
    function (p) { return centre(p, 0.95); },
    function (p) { return centre(p, 0.9); },
    function (p) { return centre(p, 0.8); },
    function (p) { return corner(p, false, false); },
    function (p) { return corner(p, true, false); },
    function (p) { return corner(p, false, true); },
    function (p) { return corner(p, true, true); },
    function (p) { return tilted(p, -8); },
    function (p) { return tilted(p, -4); },
    function (p) { return tilted(p, 4); },
    function (p) { return tilted(p, 8); },
    function (p) { return edge(p, false, false); },
    function (p) { return edge(p, false, true); },
    function (p) { return edge(p, true, false); },
    function (p) { return edge(p, true, true); }
  ];

  /**
   * The framings' PDQ hashes of pixels already through the 512 pre-step, given the picture's own
   * hash: empty for a picture under the quality floor, its own hash in place of a flat framing.
   */
  function framingHashes(rgba, width, height, own) {
    if (own.quality < QUALITY_FLOOR) {
      return [];
    }
    const p = image(rgba, width, height);
    return FRAMINGS.map(function (framing) {
      const framed = framing(p);
      const hash = global.RedressPdq.hashPixels(framed.rgba, framed.width, framed.height);
      return hash.quality < QUALITY_FLOOR ? own.pdq : hash.pdq;
    });
  }

  const api = { framingHashes: framingHashes, count: FRAMINGS.length };
  if (typeof module === 'object' && module.exports) {
    module.exports = api;
  } else {
    global.RedressFramings = api;
  }
})(typeof self !== 'undefined' ? self : this);
