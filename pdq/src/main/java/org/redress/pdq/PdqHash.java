package org.redress.pdq;

/**
 * A 256-bit PDQ hash.
 *
 * <p>The value is held as four {@code long} words, {@code w0} most significant: read as one
 * 256-bit unsigned number, bit {@code k} of the PDQ algorithm (the bit of DCT coefficient
 * {@code B[k / 16][k % 16]}) has the value 2<sup>k</sup>, so it lives in word {@code 3 - k / 64}
 * at position {@code k % 64}. The hex form is that number in 64 lower-case digits, most
 * significant first, which is the form that PDQ's reference implementations, StopNCII.org and
 * ThreatExchange exchange.
 *
 * <p>Instances are immutable and compare by value.
 *
 * @param w0 bits 255..192
 * @param w1 bits 191..128
 * @param w2 bits 127..64
 * @param w3 bits 63..0
 */
public record PdqHash(long w0, long w1, long w2, long w3) {

    /** Number of bits in a hash. */
    public static final int BITS = 256;

    /** Number of hex digits in the textual form. */
    public static final int HEX_DIGITS = 64;

    private static final PdqHash ZERO = new PdqHash(0, 0, 0, 0);

    /** Returns the hash whose 256 bits are all zero (what images under 5 pixels hash to). */
    public static PdqHash zero() {
        return ZERO;
    }

    /**
     * Parses the 64-digit hex form.
     *
     * @param hex exactly 64 ASCII hex digits, either case, nothing else (no sign, prefix or space)
     * @return the hash
     * @throws IllegalArgumentException naming the length or the position of the first character
     *     that is not a hex digit
     */
    public static PdqHash fromHex(CharSequence hex) {
        if (hex.length() != HEX_DIGITS) {
            throw new IllegalArgumentException(
                    "a PDQ hash must be exactly 64 hex digits, got " + hex.length() + " characters");
        }
        return new PdqHash(word(hex, 0), word(hex, 16), word(hex, 32), word(hex, 48));
    }

    /**
     * Builds a hash from its bits in PDQ order.
     *
     * @param bits the 256 bits as four words, {@code bits[0]} holding bits 0..63
     * @throws IllegalArgumentException unless exactly four words are given
     */
    public static PdqHash fromBitWords(long[] bits) {
        if (bits.length != 4) {
            throw new IllegalArgumentException("expected 4 words of 64 bits, got " + bits.length);
        }
        return new PdqHash(bits[3], bits[2], bits[1], bits[0]);
    }

    /** Returns the Hamming distance to {@code other}: how many of the 256 bits differ, 0..256. */
    public int distanceTo(PdqHash other) {
        return Long.bitCount(w0 ^ other.w0)
                + Long.bitCount(w1 ^ other.w1)
                + Long.bitCount(w2 ^ other.w2)
                + Long.bitCount(w3 ^ other.w3);
    }

    /**
     * Returns bit {@code k} in PDQ order.
     *
     * @param k 0..255; bit {@code k} comes from DCT coefficient {@code B[k / 16][k % 16]}
     * @throws IllegalArgumentException when {@code k} is outside 0..255
     */
    public boolean bit(int k) {
        if (k < 0 || k >= BITS) {
            throw new IllegalArgumentException("bit index must be within [0, 255]: " + k);
        }
        return ((word(3 - (k >>> 6)) >>> (k & 63)) & 1L) != 0;
    }

    /**
     * Returns one of the four words, {@code 0} the most significant.
     *
     * @throws IllegalArgumentException when {@code index} is outside 0..3
     */
    public long word(int index) {
        return switch (index) {
            case 0 -> w0;
            case 1 -> w1;
            case 2 -> w2;
            case 3 -> w3;
            default -> throw new IllegalArgumentException("word index must be within [0, 3]: " + index);
        };
    }

    /** Returns the number of one bits, 0..256. */
    public int bitCount() {
        return Long.bitCount(w0) + Long.bitCount(w1) + Long.bitCount(w2) + Long.bitCount(w3);
    }

    /** Returns the 64-digit lower-case hex form, most significant digit first. */
    public String toHex() {
        var out = new StringBuilder(HEX_DIGITS);
        for (long w : new long[] {w0, w1, w2, w3}) {
            for (int shift = 60; shift >= 0; shift -= 4) {
                out.append(Character.forDigit((int) (w >>> shift) & 0xF, 16));
            }
        }
        return out.toString();
    }

    /** Returns the hex form, so that logs and test failures show the familiar notation. */
    @Override
    public String toString() {
        return toHex();
    }

    // Not Long.parseUnsignedLong: it also accepts a leading '+' and non-ASCII digits.
    private static long word(CharSequence hex, int start) {
        long value = 0;
        for (int i = start; i < start + 16; i++) {
            value = (value << 4) | digit(hex.charAt(i), i);
        }
        return value;
    }

    private static int digit(char c, int index) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        throw new IllegalArgumentException(
                "a PDQ hash must be hex digits only; character " + (index + 1) + " of 64 is not one");
    }
}
