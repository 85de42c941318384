package org.redress.server.matching;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.redress.hashindex.MultiIndex;
import org.redress.pdq.Dihedral;
import org.redress.pdq.PdqHash;
import org.redress.pdq.Quality;
import org.redress.server.enforcement.Enforcement;
import org.redress.server.intake.SubmittedHash;
import org.redress.server.matching.banks.Banks;
import org.redress.server.matching.banks.Entries;
import org.redress.server.matching.banks.MatchIndex;
import org.redress.server.matching.check.CheckRecorder;
import org.redress.server.matching.check.Deliveries;
import org.redress.server.matching.check.UploadHashing;
import org.redress.server.matching.registry.ContentRegistry;
import org.redress.server.matching.registry.RegistryHashes;
import org.redress.server.matching.video.HashedVideo;
import org.redress.server.matching.video.Videos;
import org.redress.server.media.Media;
import org.redress.server.shared.Actor;
import org.redress.server.shared.CaseRef;
import org.redress.server.shared.ContentId;
import org.redress.server.shared.ContentUrl;
import org.redress.server.shared.Jurisdiction;
import org.redress.server.shared.UploaderId;
import org.redress.server.storage.SqlDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hash banks and upload checks. Bank changes are audited, logged for the index replicas and take
 * effect in this process as soon as they commit; new entries are searched against every upload
 * checked before (a retroactive scan). Checks answer from memory.
 */
@Service
public class Matching {

    private static final Logger log = LoggerFactory.getLogger(Matching.class);

    private final Banks banks;
    private final Entries entries;
    private final ContentRegistry registry;
    private final MatchIndex index;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CheckRecorder recorder;
    private final RegistryHashes registryHashes;
    private final MatchingSettings settings;
    private final Media media;
    private final Enforcement enforcement;
    private final Deterrence deterrence;
    private final Videos videos;

    /** The code of the platform's default jurisdiction, whose law a block cites when its check names none. */
    private final String defaultGround;

    private final Deliveries deliveries;

    Matching(
            Banks banks,
            Entries entries,
            ContentRegistry registry,
            MatchIndex index,
            ApplicationEventPublisher events,
            Clock clock,
            CheckRecorder recorder,
            RegistryHashes registryHashes,
            MatchingSettings settings,
            Media media,
            Enforcement enforcement,
            @Value("${redress.jurisdiction.default:}") String defaultJurisdiction,
            Videos videos,
            Deliveries deliveries) {
        if (!defaultJurisdiction.isBlank()
                && Jurisdiction.of(defaultJurisdiction).isEmpty()) {
            throw new IllegalArgumentException("redress.jurisdiction.default names no jurisdiction Redress knows");
        }
        this.defaultGround = defaultJurisdiction.isBlank()
                ? Jurisdiction.UK_AND_US.name()
                : defaultJurisdiction.strip().toUpperCase(java.util.Locale.ROOT);
        this.videos = videos;
        this.settings = settings;
        this.deliveries = deliveries;
        this.enforcement = enforcement;
        this.deterrence = new Deterrence(settings.deterrence());
        this.media = media;
        this.banks = banks;
        this.entries = entries;
        this.registry = registry;
        this.index = index;
        this.events = events;
        this.clock = clock;
        this.recorder = recorder;
        this.registryHashes = registryHashes;
    }

    /**
     * Creates an enabled bank.
     *
     * @throws BankNameTakenException when the name is taken
     * @throws IllegalArgumentException when the distance or floor is out of range
     */
    @Transactional
    public Bank createBank(Actor actor, BankName name, BankAction action, int maxDistance, int qualityFloor) {
        var bank = new Bank(
                UUID.randomUUID().toString(),
                name,
                action,
                maxDistance,
                qualityFloor,
                true,
                SqlDialect.truncate(clock.instant()));
        if (!banks.insert(bank)) {
            throw new BankNameTakenException(name);
        }
        entries.logBankChange(bank.id());
        events.publishEvent(new BankChanged(actor, bank.id(), "created"));
        index.refreshAfterCommit();
        return bank;
    }

    /** Changes a bank's action, distance, floor or enabled flag. */
    @Transactional
    public Bank updateBank(
            Actor actor, BankName name, BankAction action, int maxDistance, int qualityFloor, boolean enabled) {
        Bank current = bank(name);
        var changed = new Bank(current.id(), name, action, maxDistance, qualityFloor, enabled, current.createdAt());
        banks.update(changed);
        entries.logBankChange(changed.id());
        events.publishEvent(new BankChanged(actor, changed.id(), "updated"));
        index.refreshAfterCommit();
        return changed;
    }

    /** @throws BankNotFoundException when there is no such bank */
    @Transactional(readOnly = true)
    public Bank bank(BankName name) {
        return banks.find(name).orElseThrow(() -> new BankNotFoundException(name));
    }

    @Transactional(readOnly = true)
    public List<Bank> banks() {
        return banks.all();
    }

    /** How many entries (enabled or not) each bank holds, by bank name; banks without entries count 0. */
    @Transactional(readOnly = true)
    public Map<BankName, Long> entryCounts() {
        Map<String, Long> byId = entries.countsByBank();
        Map<BankName, Long> counts = new HashMap<>();
        banks.all().forEach(bank -> counts.put(bank.name(), byId.getOrDefault(bank.id(), 0L)));
        return counts;
    }

    /**
     * A bank's newest entries, newest first, for the administration pages.
     *
     * @throws BankNotFoundException when there is no such bank
     */
    @Transactional(readOnly = true)
    public List<BankEntry> newestEntries(BankName name, int limit) {
        return entries.newestInBank(bank(name).id(), limit);
    }

    /**
     * Adds an entry to a bank and searches it against all registered content; each hit in a BLOCK
     * or REVIEW bank publishes a {@link MatchFound}.
     *
     * @param quality the PDQ hash's quality when known; checked against the bank's floor
     * @throws BankNotFoundException when there is no such bank
     * @throws LowQualityHashException when the quality is under the bank's floor
     */
    @Transactional
    public BankEntry addEntry(
            Actor actor,
            BankName bankName,
            EntryHashes hashes,
            Optional<Quality> quality,
            Optional<String> note,
            Provenance provenance) {
        Bank bank = bank(bankName);
        return addAll(actor, bank, List.of(new NewEntry(hashes, quality, note)), provenance, EntryTrust.CONFIRMED)
                .getFirst();
    }

    /**
     * Adds an image to a bank as {@link #addEntry} adds hashes: its PDQ hash (with its quality, held
     * to the bank's floor), MD5 and SHA-256, and as the entry's variants the PDQ hashes of its
     * rotations and mirrorings and of its framings (centre, corners, tilts: docs/adr/0026), so a
     * turned, cropped or tilted copy matches however the platform hashes it. The image was hashed
     * before (outside this transaction, as decoding takes time); it is not kept.
     */
    @Transactional
    public BankEntry addImageEntry(
            Actor actor,
            BankName bankName,
            UploadHashing.ForEntry image,
            Optional<String> note,
            Provenance provenance) {
        var entry =
                new NewEntry(image.image().hashes(), Optional.of(image.image().quality()), note, image.entryVariants());
        return addAll(actor, bank(bankName), List.of(entry), provenance, EntryTrust.CONFIRMED)
                .getFirst();
    }

    /**
     * Adds an entry fetched from a hash exchange, with the trust the exchange is given, and searches
     * it against all registered content as {@link #addEntry} does.
     */
    @Transactional
    public BankEntry addExchangeEntry(
            Actor actor, BankName bankName, EntryHashes hashes, Provenance provenance, EntryTrust trust) {
        var entry = new NewEntry(hashes, Optional.empty(), Optional.empty());
        return addAll(actor, bank(bankName), List.of(entry), provenance, trust).getFirst();
    }

    /** The entries one provenance brought, in any bank. */
    @Transactional(readOnly = true)
    public List<BankEntry> entriesFrom(Provenance provenance) {
        return entries.findAll(
                java.util.Arrays.stream(entries.idsFrom(provenance)).boxed().toList());
    }

    /** The hashes, quality, note and variants of an entry to add. */
    record NewEntry(EntryHashes hashes, Optional<Quality> quality, Optional<String> note, List<PdqHash> variants) {
        NewEntry(EntryHashes hashes, Optional<Quality> quality, Optional<String> note) {
            this(hashes, quality, note, List.of());
        }
    }

    /**
     * Banks a victim's submitted hashes in the victims' bank (created on first use with the
     * configured action) and searches them against all registered content. Joins the caller's
     * transaction, so the submission and its banking commit together.
     */
    @Transactional
    public List<BankEntry> bankSubmittedHashes(CaseRef caseRef, List<SubmittedHash> hashes) {
        var actor = new Actor.Public();
        var name = new BankName(settings.victimsBank());
        Bank bank = banks.find(name)
                .orElseGet(() -> createBank(
                        actor,
                        name,
                        settings.victimsBankAction(),
                        Bank.DEFAULT_MAX_DISTANCE,
                        Bank.DEFAULT_QUALITY_FLOOR));
        // The browser's quality is not held against the floor: refusing a victim's own plain image
        // would leave them unprotected. Its rotations and mirrorings, as the browser derived them, are
        // the entry's variants, so that a phone photo matches however a copy of it is turned, in JSON
        // checks as in image checks; the submission stays one entry (and one case if it matches).
        List<NewEntry> added = new ArrayList<>();
        for (SubmittedHash h : hashes) {
            List<PdqHash> dihedral = h.dihedral();
            List<PdqHash> variants = dihedral.size() == Dihedral.values().length
                            && dihedral.getFirst().equals(h.pdq())
                    ? dihedral.subList(1, dihedral.size())
                    : dihedral.stream()
                            .distinct()
                            .filter(variant -> !variant.equals(h.pdq()))
                            .limit(Dihedral.values().length - 1)
                            .toList();
            if (!h.framings().isEmpty()) {
                // The framings sit after the seven turns by position: a turn the browser did not
                // send holds the image's own hash, which matches nothing its own hash would not.
                var turnsThenFramings = new ArrayList<PdqHash>(variants);
                while (turnsThenFramings.size() < Dihedral.values().length - 1) {
                    turnsThenFramings.add(h.pdq());
                }
                turnsThenFramings.addAll(h.framings());
                variants = turnsThenFramings;
            }
            added.add(new NewEntry(
                    new EntryHashes(Optional.of(h.pdq()), h.md5Hex(), h.sha256Hex()),
                    Optional.empty(),
                    Optional.empty(),
                    variants));
        }
        // Nobody has seen the image behind an anonymous submission: its entries block at once, but
        // provisionally, until a moderator confirms them in the entry's case.
        return addAll(
                actor,
                bank,
                added,
                new Provenance(Provenance.Source.SUBMISSION, caseRef.value()),
                EntryTrust.PROVISIONAL);
    }

    /** Takes everything a withdrawn case banked out of matching at once; returns how many entries. */
    @Transactional
    public int withdrawCase(CaseRef caseRef) {
        var actor = new Actor.Public();
        return disableAll(actor, new Provenance(Provenance.Source.SUBMISSION, caseRef.value()))
                + disableAll(actor, new Provenance(Provenance.Source.CASE, caseRef.value()));
    }

    /** The newest upload check of a content id, with its uploader and hashes. */
    @Transactional(readOnly = true)
    public Optional<RegisteredUpload> registered(ContentId contentId) {
        return registry.newest(contentId.value());
    }

    /**
     * Banks the hashes of content whose removal the platform confirmed, in the confirmed-removals
     * bank (BLOCK, created on first use), so that the same image cannot be uploaded again, and
     * searches them against all registered content so copies already online are found. One entry
     * per removed item: with the image (kept for review) the PDQ hashes of its rotations,
     * mirrorings and framings are the entry's variants; without it, the entry holds the hashes of its upload
     * check. Joins the caller's transaction.
     *
     * @param decisionCase the case whose decision removed the content (the entry's provenance)
     * @return the entry added: none when neither the image nor an upload check is known
     */
    @Transactional
    public List<BankEntry> bankConfirmedRemoval(
            Actor actor, CaseRef decisionCase, ContentId content, Optional<byte[]> image) {
        String decisionRef = decisionCase.value();
        String contentId = content.value();
        Optional<EntryHashes> checked = registry.newest(contentId).map(RegisteredUpload::hashes);
        List<PdqHash> variants = List.of();
        Optional<EntryHashes> own = checked;
        if (image.isPresent()) {
            try {
                var hashed = UploadHashing.hashForEntry(image.get());
                own = Optional.of(checked.orElse(hashed.image().hashes()));
                variants = hashed.entryVariants();
            } catch (UndecodableUploadException | UploadTooLargeException e) {
                log.warn(
                        "The kept image of removed content could not be hashed ({}); banking its upload check's hashes",
                        e.getClass().getSimpleName());
            }
        }
        if (own.isEmpty()) {
            return List.of();
        }
        var name = new BankName(settings.confirmedRemovalsBank());
        Bank bank = banks.find(name)
                .orElseGet(() -> createBank(
                        actor, name, BankAction.BLOCK, Bank.DEFAULT_MAX_DISTANCE, Bank.DEFAULT_QUALITY_FLOOR));
        // One entry per removed item: its own hashes, and the rotations, mirrorings and framings of
        // its image as the entry's variants (by position, BankEntry.VARIANT_NAMES).
        List<PdqHash> others = own.get().pdq().isPresent() ? variants : List.of();
        var entry = new NewEntry(own.get(), Optional.empty(), Optional.of("removed content " + contentId), others);
        List<BankEntry> banked = addAll(
                actor,
                bank,
                List.of(entry),
                new Provenance(Provenance.Source.DECISION, decisionRef),
                EntryTrust.CONFIRMED);
        // A removed video's frame hashes go with its entry, so that a re-encoded copy is blocked too.
        videos.registeredFrames(contentId).ifPresent(frames -> bankVideoFrames(actor, bank, banked.getFirst(), frames));
        return banked;
    }

    /**
     * Keeps a video entry's frames and announces the registered videos they match (a retroactive
     * scan), leaving out those its digests found already.
     */
    private void bankVideoFrames(Actor actor, Bank bank, BankEntry entry, List<PdqHash> frames) {
        List<Videos.Found> found = videos.bank(entry.id(), bank, frames);
        if (bank.action() == BankAction.LOG || found.isEmpty()) {
            return;
        }
        var byDigest = new java.util.HashSet<>(registry.contentIdsWithDigests(
                entry.hashes().md5(), entry.hashes().sha256()));
        java.util.Set<String> unpublished =
                registry.blocked(found.stream().map(Videos.Found::contentId).toList());
        Instant now = SqlDialect.truncate(clock.instant());
        for (Videos.Found video : found) {
            if (byDigest.contains(video.contentId())) {
                continue;
            }
            events.publishEvent(new MatchFound(
                    actor,
                    new ContentId(video.contentId()),
                    bank.name(),
                    entry.id(),
                    video.distance(),
                    bank.action().verdict(),
                    originatingCase(entry),
                    true,
                    now,
                    uploaderOf(video.contentId()),
                    Optional.empty(),
                    !unpublished.contains(video.contentId()),
                    Optional.of(BankEntry.VARIANT_NAMES.getFirst())));
        }
    }

    private List<BankEntry> addAll(
            Actor actor, Bank bank, List<NewEntry> added, Provenance provenance, EntryTrust trust) {
        Instant now = SqlDialect.truncate(clock.instant());
        List<BankEntry> stored = new ArrayList<>(added.size());
        for (NewEntry entry : added) {
            if (bank.action() == BankAction.BLOCK && EmptyFile.digestIn(entry.hashes())) {
                throw new EmptyFileHashException();
            }
            if (entry.hashes().pdq().isPresent()
                    && entry.quality().isPresent()
                    && entry.quality().get().value() < bank.qualityFloor()) {
                throw new LowQualityHashException(entry.quality().get().value(), bank.qualityFloor());
            }
            var row = new BankEntry(
                    0, bank.id(), entry.hashes(), provenance, entry.note(), true, now, trust, entry.variants());
            long id = entries.insert(row);
            stored.add(new BankEntry(
                    id, row.bankId(), row.hashes(), row.provenance(), row.note(), true, now, trust, row.variants()));
            events.publishEvent(new EntryChanged(actor, id, "added", provenance.source()));
        }
        scanRegistry(actor, bank, stored, now);
        index.refreshAfterCommit();
        return stored;
    }

    /**
     * Adds every well-formed line as an entry in multi-row inserts, records one audit entry for the
     * import (not one per row), and searches the new entries against all registered content in one
     * pass over the registry. Malformed lines are counted and skipped.
     *
     * @throws BankNotFoundException when there is no such bank
     */
    @Transactional
    public ImportResult importEntries(Actor actor, BankName bankName, HashListFormat format, Stream<String> lines) {
        Bank bank = bank(bankName);
        Instant now = SqlDialect.truncate(clock.instant());
        var provenance =
                new Provenance(Provenance.Source.IMPORT, UUID.randomUUID().toString());
        boolean scan = bank.action() != BankAction.LOG && !registry.isEmpty();
        // The scan indexes the imported rows by their position in the import; the few that match
        // learn their entry ids afterwards, so the rows need not be read back.
        var scanning = new ImportedHashes();
        List<BankEntry> batch = new ArrayList<>(IMPORT_BATCH);
        List<Integer> rejectedLines = new ArrayList<>();
        int[] counts = new int[3];
        lines.forEachOrdered(line -> {
            int number = ++counts[0];
            try {
                format.read(line).ifPresent(hashes -> {
                    if (bank.action() == BankAction.BLOCK && EmptyFile.digestIn(hashes)) {
                        // Skipped with the malformed lines: a BLOCK bank never takes the empty file.
                        throw new IllegalArgumentException("the empty file's digest");
                    }
                    batch.add(new BankEntry(
                            0, bank.id(), hashes, provenance, Optional.empty(), true, now, EntryTrust.CONFIRMED));
                    if (scan) {
                        scanning.add(counts[1], hashes);
                    }
                    counts[1]++;
                });
            } catch (IllegalArgumentException e) {
                if (rejectedLines.size() < 100) {
                    rejectedLines.add(number);
                }
                counts[2]++;
            }
            if (batch.size() == IMPORT_BATCH) {
                entries.insertAll(batch);
                batch.clear();
            }
        });
        entries.insertAll(batch);
        // Replicas add a small import to the bank they hold; a large one they read again.
        if (counts[1] <= MatchIndex.INCREMENTAL_IMPORT_LIMIT) {
            entries.logEntriesFrom(provenance);
        } else {
            entries.logBankReload(bank.id());
        }
        events.publishEvent(new EntriesImported(actor, bank.id(), provenance.ref(), counts[1]));
        if (scan && counts[1] > 0) {
            scanRegistryForImport(actor, bank, provenance, scanning, now);
        }
        index.refreshAfterCommit();
        return new ImportResult(provenance.ref(), counts[1], rejectedLines, counts[2]);
    }

    private static final int IMPORT_BATCH = 10_000;

    /** An import's hashes by their position in it, for the retroactive scan. */
    private static final class ImportedHashes {
        private final MultiIndex.Builder pdq = MultiIndex.builder();
        private final Map<String, List<Long>> digests = new HashMap<>();

        void add(long position, EntryHashes hashes) {
            hashes.pdq().ifPresent(hash -> pdq.add(position, hash));
            hashes.md5()
                    .ifPresent(d -> digests.computeIfAbsent("md5:" + d, k -> new ArrayList<>(1))
                            .add(position));
            hashes.sha256()
                    .ifPresent(d -> digests.computeIfAbsent("sha256:" + d, k -> new ArrayList<>(1))
                            .add(position));
        }
    }

    /** Writes a bank's enabled entries in the format, header first. */
    @Transactional(readOnly = true)
    public void exportEntries(BankName bankName, HashListFormat format, Consumer<String> out) {
        Bank bank = bank(bankName);
        format.header().ifPresent(header -> out.accept(header + "\n"));
        entries.forEachInBank(bank.id(), entry -> {
            if (entry.enabled()) {
                out.accept(format.write(entry.hashes()));
            }
        });
    }

    private void scanRegistryForImport(
            Actor actor, Bank bank, Provenance provenance, ImportedHashes imported, Instant now) {
        MultiIndex pdq = imported.pdq.build();
        record Found(String contentId, long position, int distance) {}
        List<Found> found = new ArrayList<>();
        registry.forEach(content -> {
            Map<Long, Integer> best = new HashMap<>();
            if (bank.matchesPdqOf(content.quality())) {
                for (PdqHash hash : content.allPdq()) {
                    pdq.search(hash, bank.maxDistance())
                            .forEach(match -> best.merge(match.id(), match.distance(), Math::min));
                }
            }
            content.hashes()
                    .md5()
                    .ifPresent(d ->
                            imported.digests.getOrDefault("md5:" + d, List.of()).forEach(id -> best.put(id, 0)));
            content.hashes()
                    .sha256()
                    .ifPresent(d -> imported.digests
                            .getOrDefault("sha256:" + d, List.of())
                            .forEach(id -> best.put(id, 0)));
            best.forEach((position, distance) -> found.add(new Found(content.contentId(), position, distance)));
        });
        if (found.isEmpty()) {
            return;
        }
        long[] ids = entries.idsFrom(provenance);
        for (Found hit : found) {
            events.publishEvent(new MatchFound(
                    actor,
                    new ContentId(hit.contentId()),
                    bank.name(),
                    ids[(int) hit.position()],
                    hit.distance(),
                    bank.action().verdict(),
                    Optional.empty(),
                    true,
                    now,
                    uploaderOf(hit.contentId())));
        }
    }

    /** Disables or re-enables an entry; takes effect within a second on every replica. */
    @Transactional
    public void setEntryEnabled(Actor actor, BankName bankName, long entryId, boolean enabled) {
        BankEntry entry = entryOf(bankName, entryId);
        entries.setEnabled(entryId, enabled);
        events.publishEvent(new EntryChanged(
                actor,
                entryId,
                enabled ? "enabled" : "disabled",
                entry.provenance().source()));
        index.refreshAfterCommit();
    }

    /** Deletes an entry for good. */
    @Transactional
    public void deleteEntry(Actor actor, BankName bankName, long entryId) {
        BankEntry entry = entryOf(bankName, entryId);
        entries.delete(entryId);
        events.publishEvent(
                new EntryChanged(actor, entryId, "deleted", entry.provenance().source()));
        index.refreshAfterCommit();
    }

    /** Disables every entry that this provenance brought, in any bank; returns how many. */
    @Transactional
    public int disableAll(Actor actor, Provenance provenance) {
        List<BankEntry> disabled = entries.disableAll(provenance);
        disabled.forEach(
                entry -> events.publishEvent(new EntryChanged(actor, entry.id(), "disabled", provenance.source())));
        index.refreshAfterCommit();
        return disabled.size();
    }

    @Transactional(readOnly = true)
    public BankEntry entry(BankName bankName, long entryId) {
        return entryOf(bankName, entryId);
    }

    private BankEntry entryOf(BankName bankName, long entryId) {
        Bank bank = bank(bankName);
        return entries.find(entryId)
                .filter(e -> e.bankId().equals(bank.id()))
                .orElseThrow(() -> new EntryNotFoundException(entryId));
    }

    /**
     * Checks an upload against every enabled bank. The verdict and its matches are audited and the
     * content registered by the {@link CheckRecorder}'s group commit before this returns, the
     * registration behind a savepoint, so a failing registration never loses the verdict's audit
     * record (it is logged and the verdict returned).
     *
     * @throws MatchingUnavailableException while the index is still loading
     */
    public CheckResult check(Actor actor, Upload upload) {
        return check(actor, upload, Optional.empty());
    }

    /**
     * Checks an upload as {@link #check(Actor, Upload)} does; a BLOCK carries the deterrence message
     * of the jurisdiction (the configured default when absent or unknown).
     */
    public CheckResult check(Actor actor, Upload upload, Optional<String> jurisdiction) {
        if (!index.ready()) {
            throw new MatchingUnavailableException();
        }
        Instant now = SqlDialect.truncate(clock.instant());
        CheckRecorder.Judged judged = judge(upload, jurisdiction, now);
        // Answers once the verdict is audited and the content registered, in a batch shared with
        // the checks that arrived meanwhile (docs/adr/0011).
        recorder.record(actor, judged, now);
        return judged.result();
    }

    /**
     * Checks many uploads in one call, each exactly as {@link #check(Actor, Upload, Optional)} does:
     * all are searched first, then handed to the group commit together, so a batch of a thousand
     * shares a few commits instead of waiting for one each (docs/adr/0025). One check whose
     * recording fails fails alone: its outcome carries the failure, the others their verdicts. A
     * check whose {@linkplain BatchCheck#delivery() delivery} is recorded already (a stream record
     * delivered again, docs/adr/0030) is answered from the index without being recorded again: its
     * content is registered and its verdict audited once.
     *
     * @return one outcome per check, in the order given
     * @throws MatchingUnavailableException while the index is still loading (nothing is checked)
     */
    public List<CheckOutcome> checkAll(Actor actor, List<BatchCheck> checks) {
        if (!index.ready()) {
            throw new MatchingUnavailableException();
        }
        Instant now = SqlDialect.truncate(clock.instant());
        Set<String> recordedBefore = deliveries.recorded(
                checks.stream().flatMap(check -> check.delivery().stream()).toList());
        // One search of each bank for the whole batch: its memory reads are shared across checks.
        List<List<MatchIndex.Hit>> found = index.searchAll(
                checks.stream().map(check -> queryOf(check.upload())).toList());
        List<CheckRecorder.Judged> judged = new ArrayList<>(checks.size());
        List<CheckRecorder.Judged> toRecord = new ArrayList<>(checks.size());
        for (int i = 0; i < checks.size(); i++) {
            BatchCheck check = checks.get(i);
            CheckRecorder.Judged one = judged(check.upload(), found.get(i), check.jurisdiction(), now);
            one = new CheckRecorder.Judged(one.upload(), one.result(), one.hits(), check.delivery());
            judged.add(one);
            if (check.delivery().filter(recordedBefore::contains).isEmpty()) {
                toRecord.add(one);
            }
        }
        Iterator<Optional<RuntimeException>> failures =
                recorder.recordAll(actor, toRecord, now).iterator();
        List<CheckOutcome> outcomes = new ArrayList<>(checks.size());
        for (CheckRecorder.Judged one : judged) {
            Optional<RuntimeException> failure =
                    one.delivery().filter(recordedBefore::contains).isPresent() ? Optional.empty() : failures.next();
            outcomes.add(failure.<CheckOutcome>map(CheckOutcome.Failed::new)
                    .orElseGet(() -> new CheckOutcome.Checked(one.result())));
        }
        return outcomes;
    }

    /** The verdict of one upload from the index in memory, with the hits that gave it. */
    private CheckRecorder.Judged judge(Upload upload, Optional<String> jurisdiction, Instant now) {
        List<MatchIndex.Hit> hits = index.search(
                upload.queries(),
                upload.quality(),
                upload.hashes().md5(),
                upload.hashes().sha256());
        return judged(upload, hits, jurisdiction, now);
    }

    private static MatchIndex.Query queryOf(Upload upload) {
        return new MatchIndex.Query(
                upload.queries(),
                upload.quality(),
                upload.hashes().md5(),
                upload.hashes().sha256());
    }

    /** The verdict that these hits give the upload, with its statement of reasons when it is BLOCK. */
    private CheckRecorder.Judged judged(
            Upload upload, List<MatchIndex.Hit> hits, Optional<String> jurisdiction, Instant now) {
        Verdict verdict = Verdict.ALLOW;
        List<CheckResult.CheckMatch> matches = new ArrayList<>(hits.size());
        for (MatchIndex.Hit hit : hits) {
            verdict = verdict.stricter(hit.bank().action().verdict());
            matches.add(new CheckResult.CheckMatch(
                    hit.bank().name(),
                    hit.entryId(),
                    hit.distance(),
                    hit.bank().action(),
                    hit.provisional(),
                    BankEntry.VARIANT_NAMES.get(hit.variant())));
        }
        var result = new CheckResult(verdict, matches, Optional.empty());
        if (verdict == Verdict.BLOCK) {
            // The declared jurisdiction's law, else the platform's default (ADR 0032).
            String groundCode = jurisdiction
                    .filter(code -> Jurisdiction.of(code).isPresent())
                    .map(code -> code.strip().toUpperCase(java.util.Locale.ROOT))
                    .orElse(defaultGround);
            result = new CheckResult(
                    verdict,
                    matches,
                    Optional.of(new BlockStatement(
                            upload.contentId(),
                            now,
                            result.blockedProvisionally(),
                            settings.appealLink(),
                            deterrence.forJurisdiction(jurisdiction),
                            Jurisdiction.of(groundCode).orElse(Jurisdiction.UK_AND_US),
                            groundCode)));
        }
        return new CheckRecorder.Judged(upload, result, hits, Optional.empty());
    }

    /**
     * Every enabled entry that would match these hashes in a check, with no other effect: nothing
     * is registered, audited or opened. For callers that only ask (the HMA-compatible lookups).
     *
     * @throws MatchingUnavailableException while the index is still loading
     */
    public List<CheckResult.CheckMatch> lookup(List<PdqHash> pdq, Optional<String> md5) {
        if (!index.ready()) {
            throw new MatchingUnavailableException();
        }
        return index.search(pdq, Optional.empty(), md5, Optional.empty()).stream()
                .map(hit -> new CheckResult.CheckMatch(
                        hit.bank().name(),
                        hit.entryId(),
                        hit.distance(),
                        hit.bank().action(),
                        hit.provisional(),
                        BankEntry.VARIANT_NAMES.get(hit.variant())))
                .toList();
    }

    /** What this replica's index holds and how recent it is. */
    public IndexStatus indexStatus() {
        return new IndexStatus(index.ready(), index.size(), index.md5Entries(), index.appliedAt());
    }

    /**
     * Checks an uploaded image: decodes it within the size limits, hashes it with all eight
     * rotations and mirrorings, and checks like {@link #check(Actor, Upload)}. The image is kept
     * (encrypted) for review when the verdict is BLOCK or REVIEW, and for ALLOW unless
     * {@code redress.media.keep-allowed-uploads} is off; failing to keep it never fails the check.
     *
     * @throws UndecodableUploadException when the image cannot be decoded or is too large
     */
    public CheckResult checkImage(Actor actor, String contentId, String uploaderId, byte[] image) {
        return checkImage(actor, contentId, uploaderId, image, Optional.empty());
    }

    /** Checks an uploaded image as {@link #checkImage(Actor, String, String, byte[])}, in a jurisdiction. */
    public CheckResult checkImage(
            Actor actor, String contentId, String uploaderId, byte[] image, Optional<String> jurisdiction) {
        return checkImage(actor, contentId, uploaderId, image, jurisdiction, List.of());
    }

    /** Checks an uploaded image as above and registers its public URLs with it (docs/adr/0029). */
    public CheckResult checkImage(
            Actor actor,
            String contentId,
            String uploaderId,
            byte[] image,
            Optional<String> jurisdiction,
            List<ContentUrl> urls) {
        var hashed = UploadHashing.hash(image);
        var result = check(
                actor,
                new Upload(
                        contentId,
                        uploaderId,
                        hashed.hashes(),
                        hashed.searchVariants(),
                        Optional.of(hashed.quality()),
                        urls),
                jurisdiction);
        if (result.verdict() != Verdict.ALLOW || media.keepsAllowedUploads()) {
            try {
                media.keep(new ContentId(contentId), image, clock.instant());
            } catch (RuntimeException e) {
                log.warn(
                        "Keeping a checked image failed ({}); the verdict stands",
                        e.getClass().getName());
            }
        }
        return result;
    }

    /**
     * Checks an uploaded video (docs/adr/0028): hashes it within the video limits (MD5, SHA-256 and
     * one PDQ hash per sampled frame), matches its digests exactly as any check does and, when
     * none matches, its frames against the banked videos' frames. It is registered like an image,
     * with its frame hashes beside it for retroactive scans; the video itself is not kept.
     *
     * @throws MatchingUnavailableException while the index is still loading, or when as many videos
     *     as allowed are being decoded
     */
    public CheckResult checkVideo(
            Actor actor,
            String contentId,
            String uploaderId,
            byte[] video,
            Optional<String> jurisdiction,
            List<ContentUrl> urls) {
        if (!index.ready()) {
            throw new MatchingUnavailableException();
        }
        HashedVideo hashed = videos.hash(video);
        var upload = new Upload(contentId, uploaderId, hashed.hashes(), List.of(), Optional.empty(), urls);
        Instant now = SqlDialect.truncate(clock.instant());
        List<MatchIndex.Hit> hits = index.search(
                List.of(),
                Optional.empty(),
                upload.hashes().md5(),
                upload.hashes().sha256());
        if (hits.isEmpty()) {
            hits = videos.search(hashed.frames());
        }
        CheckRecorder.Judged judged = judged(upload, hits, jurisdiction, now);
        recorder.record(actor, judged, now);
        try {
            videos.register(contentId, hashed.frames(), now);
        } catch (RuntimeException e) {
            log.warn(
                    "Registering a checked video's frames failed ({}); the verdict stands",
                    e.getClass().getName());
        }
        return judged.result();
    }

    /** The case an entry came from: a hash submission's, or the case whose decision banked it. */
    public static Optional<CaseRef> originatingCase(BankEntry entry) {
        return switch (entry.provenance().source()) {
            case SUBMISSION, CASE, DECISION -> caseRef(entry.provenance().ref());
            case IMPORT, MANUAL, EXCHANGE -> Optional.empty();
        };
    }

    private static Optional<CaseRef> caseRef(String value) {
        try {
            return Optional.of(new CaseRef(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Searches added entries against all registered content: PDQ hashes in one pass over the
     * registry's hashes in memory (skipping uploads whose quality is under the bank's floor, as
     * their check would), digests through the registry's digest indexes. A hit on an upload that
     * its check blocked is published as never published (review records it, opens nothing). An
     * entry awaiting confirmation sends its hits to its one confirmation case; one that hits more
     * uploads than the flood guard allows is held instead, before it blocks or opens anything.
     */
    private void scanRegistry(Actor actor, Bank bank, List<BankEntry> added, Instant now) {
        if (bank.action() == BankAction.LOG || added.isEmpty()) {
            return;
        }
        record Found(String contentId, BankEntry entry) {}
        Map<Found, Integer> best = new java.util.LinkedHashMap<>();
        // Which of the entry's hashes gave each best distance (empty for a digest match).
        Map<Found, Optional<String>> variantOf = new HashMap<>();
        java.util.Set<String> unpublished = new java.util.HashSet<>();
        Map<org.redress.pdq.PdqHash, List<BankEntry>> byPdq = new HashMap<>();
        for (BankEntry entry : added) {
            for (PdqHash hash : entry.allPdq()) {
                List<BankEntry> holding = byPdq.computeIfAbsent(hash, k -> new ArrayList<>());
                if (!holding.contains(entry)) {
                    holding.add(entry);
                }
            }
        }
        if (!byPdq.isEmpty()) {
            for (RegistryHashes.Near near : registryHashes.search(List.copyOf(byPdq.keySet()), bank)) {
                if (!near.published()) {
                    unpublished.add(near.contentId());
                }
                for (BankEntry entry : byPdq.getOrDefault(near.query(), List.of())) {
                    var found = new Found(near.contentId(), entry);
                    if (near.distance() < best.getOrDefault(found, Integer.MAX_VALUE)) {
                        best.put(found, near.distance());
                        variantOf.put(
                                found,
                                Optional.of(BankEntry.VARIANT_NAMES.get(
                                        entry.allPdq().indexOf(near.query()))));
                    }
                }
            }
        }
        List<String> byDigest = new ArrayList<>();
        for (BankEntry entry : added) {
            registry.contentIdsWithDigests(entry.hashes().md5(), entry.hashes().sha256())
                    .forEach(contentId -> {
                        best.put(new Found(contentId, entry), 0);
                        variantOf.put(new Found(contentId, entry), Optional.empty());
                        byDigest.add(contentId);
                    });
        }
        unpublished.addAll(registry.blocked(byDigest));
        Map<Long, Long> hitsPerEntry = new HashMap<>();
        best.keySet().forEach(found -> hitsPerEntry.merge(found.entry().id(), 1L, Long::sum));
        java.util.Set<Long> held = new java.util.HashSet<>();
        for (BankEntry entry : added) {
            long hits = hitsPerEntry.getOrDefault(entry.id(), 0L);
            if (entry.trust().awaitsConfirmation() && hits > settings.floodLimit()) {
                hold(actor, bank, entry, hits, now);
                held.add(entry.id());
            }
        }
        best.forEach((found, distance) -> {
            if (held.contains(found.entry().id())) {
                return;
            }
            events.publishEvent(new MatchFound(
                    actor,
                    new ContentId(found.contentId()),
                    bank.name(),
                    found.entry().id(),
                    distance,
                    bank.action().verdict(),
                    originatingCase(found.entry()),
                    true,
                    now,
                    uploaderOf(found.contentId()),
                    found.entry().trust().awaitsConfirmation()
                            ? Optional.of(confirmationCase(found.entry().id()))
                            : Optional.empty(),
                    !unpublished.contains(found.contentId()),
                    variantOf.getOrDefault(found, Optional.empty())));
        });
    }

    /** The flood guard: the entry leaves the checks and waits for a moderator in its case. */
    private void hold(Actor actor, Bank bank, BankEntry entry, long matchedUploads, Instant now) {
        entries.setTrust(entry.id(), EntryTrust.HELD, false);
        events.publishEvent(
                new EntryChanged(actor, entry.id(), "held", entry.provenance().source()));
        events.publishEvent(new EntryHeld(
                actor,
                bank.name(),
                entry.id(),
                originatingCase(entry),
                confirmationCase(entry.id()),
                matchedUploads,
                now));
    }

    // ---- Entries awaiting a person's confirmation ----

    private static final String CONFIRMATION_CASES = "RP-ENTRY-";

    /**
     * The one case in which a moderator confirms or releases an entry that no person has confirmed:
     * derived from the entry, so every match of the entry finds the same case.
     */
    public static CaseRef confirmationCase(long entryId) {
        return new CaseRef(CONFIRMATION_CASES + entryId);
    }

    private BankEntry entryAwaitingConfirmation(CaseRef confirmationCase) {
        String value = confirmationCase.value();
        if (!value.startsWith(CONFIRMATION_CASES)) {
            throw new EntryNotFoundException(-1);
        }
        long entryId;
        try {
            entryId = Long.parseLong(value.substring(CONFIRMATION_CASES.length()));
        } catch (NumberFormatException e) {
            throw new EntryNotFoundException(-1);
        }
        return entries.find(entryId).orElseThrow(() -> new EntryNotFoundException(entryId));
    }

    /**
     * A moderator confirmed the entry of a confirmation case: it becomes CONFIRMED and takes part in
     * checks (a held entry too), and it is searched against the registry again, so that copies
     * already online get the usual cases of a confirmed match. Joins the caller's transaction.
     *
     * @throws EntryNotFoundException when the case is not an entry's confirmation case
     */
    @Transactional
    public BankEntry confirmEntry(Actor actor, CaseRef confirmationCase) {
        BankEntry entry = entryAwaitingConfirmation(confirmationCase);
        entries.setTrust(entry.id(), EntryTrust.CONFIRMED, true);
        events.publishEvent(new EntryChanged(
                actor, entry.id(), "confirmed", entry.provenance().source()));
        var confirmed = new BankEntry(
                entry.id(),
                entry.bankId(),
                entry.hashes(),
                entry.provenance(),
                entry.note(),
                true,
                entry.createdAt(),
                EntryTrust.CONFIRMED,
                entry.variants());
        banks.findById(entry.bankId())
                .ifPresent(bank -> scanRegistry(actor, bank, List.of(confirmed), SqlDialect.truncate(clock.instant())));
        index.refreshAfterCommit();
        return confirmed;
    }

    /**
     * A moderator released the entry of a confirmation case: it is disabled (kept, with its
     * provenance) and every upload it blocked on its own gets a {@code content.restore}. Joins the
     * caller's transaction.
     *
     * @return the uploads restored
     * @throws EntryNotFoundException when the case is not an entry's confirmation case
     */
    @Transactional
    public List<ContentId> releaseEntry(Actor actor, CaseRef confirmationCase) {
        BankEntry entry = entryAwaitingConfirmation(confirmationCase);
        entries.setTrust(entry.id(), entry.trust(), false);
        events.publishEvent(new EntryChanged(
                actor, entry.id(), "released", entry.provenance().source()));
        List<ContentId> restored = entries.provisionallyBlocked(entry.id()).stream()
                .map(ContentId::new)
                .toList();
        for (ContentId content : restored) {
            enforcement.requestRestore(
                    actor,
                    confirmationCase,
                    content,
                    "A moderator found that the upload does not show the protected image; the automated block "
                            + "is lifted.");
        }
        index.refreshAfterCommit();
        return restored;
    }

    /** Who uploaded registered content: a retroactive match carries it, so that review need not ask. */
    private Optional<UploaderId> uploaderOf(String contentId) {
        try {
            return registry.newest(contentId).map(RegisteredUpload::uploaderId);
        } catch (IllegalArgumentException e) {
            // A row whose uploader cannot be read (altered, or sealed under another key) still
            // matches: the copy must reach review, without an uploader to count it against.
            log.warn(
                    "A registered upload's uploader could not be read ({}); its match carries none",
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
