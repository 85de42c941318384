/*
 * MD5 (RFC 1321) of an ArrayBuffer, for the "protect my images" page: Web Crypto offers SHA-256
 * but not MD5, and exact-copy banks (StopNCII, video hash lists) still exchange MD5.
 */
(function (global) {
  'use strict';

  // Per-round left-rotation amounts and the additive constants floor(2^32 * |sin(i + 1)|).
  const SHIFTS = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
  const CONSTANTS = new Int32Array(64);
  for (let i = 0; i < 64; i++) {
    CONSTANTS[i] = Math.floor(Math.abs(Math.sin(i + 1)) * 4294967296) | 0;
  }

  function rotateLeft(value, bits) {
    return (value << bits) | (value >>> (32 - bits));
  }

  function md5(buffer) {
    const bytes = new Uint8Array(buffer);
    const bitLength = bytes.length * 8;
    // Message, a 0x80 byte, zeros up to 56 mod 64, then the bit length as 64-bit little-endian.
    const paddedLength = (((bytes.length + 8) >>> 6) + 1) * 64;
    const padded = new Uint8Array(paddedLength);
    padded.set(bytes);
    padded[bytes.length] = 0x80;
    const view = new DataView(padded.buffer);
    view.setUint32(paddedLength - 8, bitLength >>> 0, true);
    view.setUint32(paddedLength - 4, Math.floor(bitLength / 4294967296), true);

    let a0 = 0x67452301;
    let b0 = 0xefcdab89 | 0;
    let c0 = 0x98badcfe | 0;
    let d0 = 0x10325476;
    const words = new Int32Array(16);
    for (let block = 0; block < paddedLength; block += 64) {
      for (let i = 0; i < 16; i++) {
        words[i] = view.getInt32(block + i * 4, true);
      }
      let a = a0;
      let b = b0;
      let c = c0;
      let d = d0;
      for (let i = 0; i < 64; i++) {
        let mixed;
        let index;
        if (i < 16) {
          mixed = (b & c) | (~b & d);
          index = i;
        } else if (i < 32) {
          mixed = (d & b) | (~d & c);
          index = (5 * i + 1) % 16;
        } else if (i < 48) {
          mixed = b ^ c ^ d;
          index = (3 * i + 5) % 16;
        } else {
          mixed = c ^ (b | ~d);
          index = (7 * i) % 16;
        }
        const rotated = rotateLeft((a + mixed + CONSTANTS[i] + words[index]) | 0, SHIFTS[(i >>> 4) * 4 + (i % 4)]);
        a = d;
        d = c;
        c = b;
        b = (b + rotated) | 0;
      }
      a0 = (a0 + a) | 0;
      b0 = (b0 + b) | 0;
      c0 = (c0 + c) | 0;
      d0 = (d0 + d) | 0;
    }
    const digest = new DataView(new ArrayBuffer(16));
    [a0, b0, c0, d0].forEach((word, i) => digest.setInt32(i * 4, word, true));
    let hex = '';
    for (let i = 0; i < 16; i++) {
      hex += digest.getUint8(i).toString(16).padStart(2, '0');
    }
    return hex;
  }

  if (typeof module === 'object' && module.exports) {
    module.exports = { md5: md5 };
  } else {
    global.RedressMd5 = { md5: md5 };
  }
})(typeof self !== 'undefined' ? self : this);
