package org.redress.server.matching.hma;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.redress.pdq.PdqHash;
import org.redress.server.matching.EntryHashes;

/**
 * The signal types Redress shares with HMA: {@code pdq} (a 64-hex PDQ hash) and {@code video_md5}
 * (the MD5 of a file, which Redress matches for any file, not only videos).
 */
enum HmaSignals {
    PDQ("pdq", 64),
    VIDEO_MD5("video_md5", 32);

    private final String wireName;
    private final int hexDigits;

    HmaSignals(String wireName, int hexDigits) {
        this.wireName = wireName;
        this.hexDigits = hexDigits;
    }

    String wireName() {
        return wireName;
    }

    /** @throws HmaRequests.Refusal (400) when there is no such type */
    static HmaSignals named(String name) {
        for (HmaSignals type : values()) {
            if (type.wireName.equals(name)) {
                return type;
            }
        }
        throw HmaRequests.badRequest("No such SignalType '" + name + "'");
    }

    /** The signal in lower-case hex. @throws HmaRequests.Refusal (400) */
    String validated(String signal) {
        String lower = signal.trim().toLowerCase(Locale.ROOT);
        if (lower.length() != hexDigits || lower.chars().anyMatch(c -> !HexFormat.isHexDigit(c))) {
            throw HmaRequests.badRequest("invalid signal: a " + wireName + " signal is " + hexDigits + " hex digits");
        }
        return lower;
    }

    /** Entry hashes from HMA's map of signal type to signal. */
    static EntryHashes hashesOf(Map<String, String> signals) {
        if (signals.isEmpty()) {
            throw HmaRequests.badRequest("No signals given");
        }
        Optional<PdqHash> pdq = Optional.empty();
        Optional<String> md5 = Optional.empty();
        for (var signal : signals.entrySet()) {
            HmaSignals type = named(signal.getKey());
            String value = type.validated(signal.getValue());
            switch (type) {
                case PDQ -> pdq = Optional.of(PdqHash.fromHex(value));
                case VIDEO_MD5 -> md5 = Optional.of(value);
            }
        }
        return new EntryHashes(pdq, md5, Optional.empty());
    }

    /** HMA's map of signal type to signal for an entry's hashes (SHA-256 has no HMA type). */
    static Map<String, String> signalsOf(EntryHashes hashes) {
        Map<String, String> signals = new LinkedHashMap<>();
        hashes.pdq().ifPresent(hash -> signals.put(PDQ.wireName, hash.toHex()));
        hashes.md5().ifPresent(digest -> signals.put(VIDEO_MD5.wireName, digest));
        return signals;
    }
}
