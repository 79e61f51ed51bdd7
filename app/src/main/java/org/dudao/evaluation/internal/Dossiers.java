package org.dudao.evaluation.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dudao.engine.IndicatorDef;
import org.dudao.evaluation.EvaluationDetail;
import org.dudao.evidence.EvidenceStore;
import org.dudao.evidence.EvidenceView;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.pdf.PdfRenderer;
import org.dudao.shared.web.Fmt;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 资料汇编 of one file, what visiting teams ask for in binders (SPEC §11: 资料应分开装订，并帖上标签): one ZIP with
 * a table of contents (PDF) first, the 自评报告 (PDF and Word), the scores of every level with the history and the
 * decision (PDF), and the evidence, one folder per indicator labelled with its code and name — the files the unit
 * attached to the indicator and those of the data items the indicator reads — plus the experts' on-site files.
 */
@Service
public class Dossiers {

    /** One file of the dossier and the label printed for it in the table of contents. */
    public record Entry(String path, String label) {}

    private final ProjectScope projects;
    private final OrgUnits orgUnits;
    private final EvaluationQueries queries;
    private final EvaluationEvidence evaluationEvidence;
    private final EvaluationScoring scoring;
    private final SelfReports reports;
    private final EvidenceStore store;
    private final PdfRenderer pdf;
    private final MessageSource messages;
    private final Fmt fmt;
    private final Clock clock;

    Dossiers(
            ProjectScope projects,
            OrgUnits orgUnits,
            EvaluationQueries queries,
            EvaluationEvidence evaluationEvidence,
            EvaluationScoring scoring,
            SelfReports reports,
            EvidenceStore store,
            PdfRenderer pdf,
            MessageSource messages,
            Fmt fmt,
            Clock clock) {
        this.projects = projects;
        this.orgUnits = orgUnits;
        this.queries = queries;
        this.evaluationEvidence = evaluationEvidence;
        this.scoring = scoring;
        this.reports = reports;
        this.store = store;
        this.pdf = pdf;
        this.messages = messages;
        this.fmt = fmt;
        this.clock = clock;
    }

    /** Writes the dossier as a ZIP to a temporary file the caller sends and deletes (evidence can be large). */
    @Transactional(readOnly = true)
    public Path zip(String projectCode, String unitCode, Locale locale) {
        Project p = projects.readable(projectCode);
        OrgUnitRef unit = orgUnits.readable(unitCode);
        EvaluationDetail d = queries.detail(projectCode, unitCode);
        Map<Entry, byte[]> documents = new LinkedHashMap<>();
        documents.put(
                new Entry(
                        msg("evaluation.dossier.file-report", locale) + ".pdf",
                        msg("evaluation.dossier.report", locale)),
                reports.pdf(projectCode, unitCode, locale));
        documents.put(
                new Entry(
                        msg("evaluation.dossier.file-report", locale) + ".docx",
                        msg("evaluation.dossier.report", locale)),
                reports.docx(projectCode, unitCode, locale));
        documents.put(
                new Entry(
                        msg("evaluation.dossier.file-scores", locale) + ".pdf",
                        msg("evaluation.dossier.scores", locale)),
                pdf.render(
                        "pdf/dossier-scores",
                        Map.of("d", d, "unit", unit.name(), "project", p.getName(), "fmt", fmt),
                        locale));
        Map<Entry, Long> evidence = evidence(p, unit, d, locale);

        List<Entry> toc = new ArrayList<>(documents.keySet());
        toc.addAll(evidence.keySet());
        Entry tocEntry =
                new Entry(msg("evaluation.dossier.file-toc", locale) + ".pdf", msg("evaluation.dossier.toc", locale));
        byte[] tocPdf = pdf.render(
                "pdf/dossier-toc",
                Map.of(
                        "entries", toc,
                        "unit", unit.name(),
                        "project", p.getName(),
                        "made", fmt.time(Instant.now(clock), "yyyy-MM-dd HH:mm")),
                locale);
        try {
            Path file = Files.createTempFile("dossier-", ".zip");
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
                put(zip, tocEntry.path(), out -> out.write(tocPdf));
                for (Map.Entry<Entry, byte[]> doc : documents.entrySet()) {
                    put(zip, doc.getKey().path(), out -> out.write(doc.getValue()));
                }
                for (Map.Entry<Entry, Long> f : evidence.entrySet()) {
                    Path stored = store.open(f.getValue()).path();
                    put(zip, f.getKey().path(), out -> Files.copy(stored, out));
                }
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Evidence files by their place in the dossier: per indicator (own attachments, then data items), experts. */
    private Map<Entry, Long> evidence(Project p, OrgUnitRef unit, EvaluationDetail d, Locale locale) {
        String root = msg("evaluation.dossier.folder-evidence", locale);
        Map<String, List<EvidenceView>> own = evaluationEvidence.selfEvidence(p.getCode(), unit.code());
        Map<String, List<EvidenceView>> byItem = new LinkedHashMap<>();
        for (EvidenceView v : store.list(unit.code(), p.period(), null, null)) {
            if (v.item() != null)
                byItem.computeIfAbsent(v.item(), k -> new ArrayList<>()).add(v);
        }
        Map<Entry, Long> files = new LinkedHashMap<>();
        Set<Long> placed = new LinkedHashSet<>();
        for (IndicatorDef leaf :
                SelfReports.leaves(scoring.scheme(p).definition().indicators())) {
            List<EvidenceView> list = new ArrayList<>(own.getOrDefault(leaf.code(), List.of()));
            EvaluationDetail.Source source = d.sources().get(leaf.code());
            if (source != null) list.addAll(byItem.getOrDefault(source.item(), List.of()));
            String folder = root + "/" + safe(leaf.code() + " " + leaf.name());
            add(files, placed, folder, leaf.code() + " " + leaf.name(), list);
        }
        Map<Long, EvidenceView> ofUnit = evaluationEvidence.files(unit.code());
        List<EvidenceView> onSite = d.expertSheets().stream()
                .flatMap(s -> s.evidence().stream())
                .map(ofUnit::get)
                .filter(v -> v != null)
                .toList();
        String experts = msg("evaluation.dossier.folder-experts", locale);
        add(files, placed, root + "/" + experts, experts, onSite);
        return files;
    }

    private static void add(
            Map<Entry, Long> files, Set<Long> placed, String folder, String label, List<EvidenceView> list) {
        int n = 0;
        for (EvidenceView v : list) {
            if (!placed.add(v.id())) continue; // one copy of a file, under the first indicator that names it
            files.put(new Entry("%s/%02d-%s".formatted(folder, ++n, safe(v.fileName())), label), v.id());
        }
    }

    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    private static void put(ZipOutputStream zip, String path, Body body) throws IOException {
        zip.putNextEntry(new ZipEntry(path));
        body.write(zip);
        zip.closeEntry();
    }

    /** A file or folder name safe on every system: no separators, reserved characters or leading dots. */
    static String safe(String name) {
        String s = name == null
                ? ""
                : name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        s = s.replaceFirst("^\\.+", "_");
        return s.isEmpty() ? "_" : s.length() > 80 ? s.substring(0, 80) : s;
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
