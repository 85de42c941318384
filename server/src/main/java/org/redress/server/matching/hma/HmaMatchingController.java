package org.redress.server.matching.hma;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.redress.pdq.PdqHash;
import org.redress.server.identity.Allow;
import org.redress.server.identity.Role;
import org.redress.server.matching.Bank;
import org.redress.server.matching.CheckResult;
import org.redress.server.matching.IndexStatus;
import org.redress.server.matching.Matching;
import org.redress.server.matching.check.UploadHashing;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * HMA's matching and hashing routes ({@code /hma/m/...}, {@code /hma/h/hash}) for platforms. Every
 * lookup answers from the same in-memory index as an upload check, with each bank's own distance,
 * and leaves no trace: nothing is registered for retroactive scans and no case is opened.
 */
@RestController
@RequestMapping("/hma")
@Allow(Role.PLATFORM)
class HmaMatchingController {

    /** One match as HMA writes it: the entry's id, and the distance as text ({@code -} for a digest). */
    record MatchView(long bank_content_id, String distance) {}

    record RawMatches(List<Object> matches) {}

    record SignalStatus(long built_to, boolean present, long size) {}

    private final Matching matching;

    HmaMatchingController(Matching matching) {
        this.matching = matching;
    }

    /** Matches by bank for one signal; HMA's other form, a {@code url} to fetch, is refused. */
    @GetMapping("/m/lookup")
    Map<String, List<MatchView>> lookup(
            @RequestParam(required = false) @Nullable String signal_type,
            @RequestParam(required = false) @Nullable String signal,
            @RequestParam(required = false) @Nullable String banks,
            @RequestParam(required = false) @Nullable String url) {
        if (url != null) {
            throw HmaRequests.badRequest("Redress does not fetch content from URLs; send the signal, or POST the file");
        }
        if (signal_type == null || signal == null) {
            throw HmaRequests.badRequest("Either url or both signal and signal_type are required");
        }
        HmaSignals type = HmaSignals.named(signal_type);
        return byBank(find(type, signal), banks, type);
    }

    /** Hashes an uploaded photo (form field {@code photo}) and answers its matches by signal type, then bank. */
    @PostMapping("/m/lookup")
    Map<String, Map<String, List<MatchView>>> lookupFile(
            @RequestParam(required = false) @Nullable MultipartFile photo,
            @RequestParam(required = false) @Nullable String banks)
            throws IOException {
        String pdq = hashPhoto(photo);
        return Map.of(HmaSignals.PDQ.wireName(), byBank(find(HmaSignals.PDQ, pdq), banks, HmaSignals.PDQ));
    }

    /** Entry ids only, or with their distances when {@code include_distance} is true. */
    @GetMapping("/m/raw_lookup")
    RawMatches rawLookup(
            @RequestParam String signal_type,
            @RequestParam String signal,
            @RequestParam(required = false) @Nullable String banks,
            @RequestParam(defaultValue = "false") boolean include_distance) {
        List<Object> matches = new ArrayList<>();
        Optional<Set<String>> wanted = bankFilter(banks);
        HmaSignals type = HmaSignals.named(signal_type);
        for (CheckResult.CheckMatch match : find(type, signal)) {
            if (wanted.isEmpty() || wanted.get().contains(HmaRequests.hmaName(match.bank()))) {
                matches.add(include_distance ? view(match, type) : match.entryId());
            }
        }
        return new RawMatches(matches);
    }

    /**
     * Compares pairs of hashes: {@code {"pdq": [a, b]}} answers {@code {"pdq": [match, {"distance": d}]}},
     * a match being within the usual PDQ threshold; digests match when equal and carry no distance.
     */
    @PostMapping("/m/compare")
    Map<String, List<Object>> compare(@RequestBody Map<String, List<String>> pairs) {
        Map<String, List<Object>> results = new LinkedHashMap<>();
        pairs.forEach((typeName, pair) -> {
            HmaSignals type = HmaSignals.named(typeName);
            if (pair == null || pair.size() != 2) {
                throw HmaRequests.badRequest("Comparison hash list length must be exactly 2");
            }
            String left = type.validated(pair.get(0));
            String right = type.validated(pair.get(1));
            results.put(
                    typeName,
                    switch (type) {
                        case PDQ -> {
                            int distance = PdqHash.fromHex(left).distanceTo(PdqHash.fromHex(right));
                            yield List.of(distance <= Bank.DEFAULT_MAX_DISTANCE, Map.of("distance", distance));
                        }
                        case VIDEO_MD5 -> List.of(left.equals(right), Map.of());
                    });
        });
        return results;
    }

    /** Per signal type: whether the index is loaded, what it holds, and up to when (Unix seconds, -1 before). */
    @GetMapping("/m/index/status")
    Map<String, SignalStatus> indexStatus(@RequestParam(required = false) @Nullable String signal_type) {
        IndexStatus status = matching.indexStatus();
        long builtTo = status.appliedAt().map(at -> at.getEpochSecond()).orElse(-1L);
        Map<String, SignalStatus> all = new LinkedHashMap<>();
        all.put(HmaSignals.PDQ.wireName(), new SignalStatus(builtTo, status.ready(), status.pdqEntries()));
        all.put(HmaSignals.VIDEO_MD5.wireName(), new SignalStatus(builtTo, status.ready(), status.md5Entries()));
        if (signal_type == null) {
            return all;
        }
        HmaSignals type = HmaSignals.named(signal_type);
        return Map.of(type.wireName(), all.get(type.wireName()));
    }

    /** The PDQ hash of an uploaded photo (form field {@code photo}), as HMA answers it. */
    @PostMapping("/h/hash")
    Map<String, String> hash(@RequestParam(required = false) @Nullable MultipartFile photo) throws IOException {
        return Map.of(HmaSignals.PDQ.wireName(), hashPhoto(photo));
    }

    private List<CheckResult.CheckMatch> find(HmaSignals type, String signal) {
        String value = type.validated(signal);
        return switch (type) {
            case PDQ -> matching.lookup(List.of(PdqHash.fromHex(value)), Optional.empty());
            case VIDEO_MD5 -> matching.lookup(List.of(), Optional.of(value));
        };
    }

    private static String hashPhoto(@Nullable MultipartFile photo) throws IOException {
        if (photo == null) {
            throw HmaRequests.badRequest("Missing multipart/form-data file upload in the field 'photo'");
        }
        return UploadHashing.hash(photo.getBytes())
                .hashes()
                .pdq()
                .map(PdqHash::toHex)
                .orElseThrow(() -> HmaRequests.badRequest("The photo could not be hashed"));
    }

    private static Map<String, List<MatchView>> byBank(
            List<CheckResult.CheckMatch> matches, @Nullable String banks, HmaSignals type) {
        Optional<Set<String>> wanted = bankFilter(banks);
        Map<String, List<MatchView>> byBank = new LinkedHashMap<>();
        for (CheckResult.CheckMatch match : matches) {
            String bank = HmaRequests.hmaName(match.bank());
            if (wanted.isEmpty() || wanted.get().contains(bank)) {
                byBank.computeIfAbsent(bank, b -> new ArrayList<>()).add(view(match, type));
            }
        }
        return byBank;
    }

    private static MatchView view(CheckResult.CheckMatch match, HmaSignals type) {
        return new MatchView(match.entryId(), type == HmaSignals.PDQ ? Integer.toString(match.distance()) : "-");
    }

    /** HMA's {@code banks} parameter: a comma-separated list of names, in either case. */
    private static Optional<Set<String>> bankFilter(@Nullable String banks) {
        if (banks == null || banks.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Arrays.stream(banks.split(","))
                .map(String::trim)
                .map(name -> name.toUpperCase(java.util.Locale.ROOT))
                .collect(Collectors.toSet()));
    }
}
