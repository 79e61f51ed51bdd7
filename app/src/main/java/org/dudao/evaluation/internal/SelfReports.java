package org.dudao.evaluation.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dudao.audit.AuditLog;
import org.dudao.engine.CompiledScheme;
import org.dudao.engine.FiredVeto;
import org.dudao.engine.IndicatorDef;
import org.dudao.engine.IndicatorScore;
import org.dudao.engine.RuleType;
import org.dudao.engine.ScoreResult;
import org.dudao.evaluation.EvaluationDetail;
import org.dudao.evaluation.EvaluationState;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.shared.ConflictException;
import org.dudao.shared.ForbiddenException;
import org.dudao.shared.Problems;
import org.dudao.shared.WordDocument;
import org.dudao.shared.pdf.PdfRenderer;
import org.dudao.shared.web.Fmt;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The evaluated unit's 自评报告 (SPEC §11): one section per first-level indicator, prefilled with its score and the
 * stored figures it reads (enter once: nothing is typed twice), and a 专题报告 for every hard indicator (硬性指标) it
 * does not meet. Hard indicators are the THRESHOLD leaves, a standard met or missed, and the vetoes. A unit that is
 * not a school (a county, township or department under 督政) cannot submit its self-evaluation while a 专题报告 is
 * missing. Reviewers read the report beside the scores; it downloads as Word and PDF.
 */
@Service
public class SelfReports {

    static final int MAX_TEXT = 10_000;

    private final ProjectScope projects;
    private final OrgUnits orgUnits;
    private final EvaluationFiles files;
    private final EvaluationScoring scoring;
    private final EvaluationQueries queries;
    private final SelfReportPartRepository parts;
    private final AuditLog audit;
    private final PdfRenderer pdf;
    private final MessageSource messages;
    private final Fmt fmt;
    private final Clock clock;

    SelfReports(
            ProjectScope projects,
            OrgUnits orgUnits,
            EvaluationFiles files,
            EvaluationScoring scoring,
            EvaluationQueries queries,
            SelfReportPartRepository parts,
            AuditLog audit,
            PdfRenderer pdf,
            MessageSource messages,
            Fmt fmt,
            Clock clock) {
        this.projects = projects;
        this.orgUnits = orgUnits;
        this.files = files;
        this.scoring = scoring;
        this.queries = queries;
        this.parts = parts;
        this.audit = audit;
        this.pdf = pdf;
        this.messages = messages;
        this.fmt = fmt;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public SelfReportView view(String projectCode, String unitCode, Locale locale) {
        Project p = projects.readable(projectCode);
        OrgUnitRef unit = orgUnits.readable(unitCode);
        Evaluation e = files.file(p, unit);
        EvaluationDetail d = queries.detail(projectCode, unitCode);
        CompiledScheme cs = scoring.scheme(p);
        List<SelfReportPart> written = parts.findByEvaluationIdOrderByIdAsc(e.getId());
        Map<String, SelfReportPart> sections = byCode(written, SelfReportPart.Kind.SECTION);
        Map<String, SelfReportPart> topicTexts = byCode(written, SelfReportPart.Kind.TOPIC);
        Map<String, EvaluationDetail.Line> lines =
                d.indicators().stream().collect(Collectors.toMap(EvaluationDetail.Line::code, Function.identity()));

        List<SelfReportView.Section> list = new ArrayList<>();
        for (IndicatorDef top : cs.definition().indicators()) {
            EvaluationDetail.Line line = lines.get(top.code());
            List<SelfReportView.Figure> figures = new ArrayList<>();
            for (IndicatorDef leaf : leaves(List.of(top))) {
                EvaluationDetail.Source s = d.sources().get(leaf.code());
                if (s != null) figures.add(new SelfReportView.Figure(leaf.code(), s.name(), s.value(), s.unit()));
            }
            SelfReportPart own = sections.get(top.code());
            double score = line == null ? 0 : line.score();
            list.add(new SelfReportView.Section(
                    top.code(),
                    top.name(),
                    top.points(),
                    score,
                    figures,
                    own != null ? own.getBody() : prefill(top, score, figures, locale),
                    own != null));
        }
        List<SelfReportView.Topic> topics = failedHard(p, unit, e, locale).stream()
                .map(t -> new SelfReportView.Topic(
                        t.code(),
                        t.name(),
                        t.why(),
                        topicTexts.containsKey(t.code())
                                ? topicTexts.get(t.code()).getBody()
                                : null))
                .toList();
        SelfReportPart last = written.stream()
                .max(Comparator.comparing(SelfReportPart::getUpdatedAt))
                .orElse(null);
        return new SelfReportView(
                p.getCode(),
                p.getName(),
                p.getYear(),
                unit.code(),
                unit.name(),
                d.evaluation().stage(),
                d.evaluation().status(),
                d.liveTotal(),
                d.liveGrade(),
                editable(p, e),
                topicsRequired(unit),
                list,
                topics,
                topics.stream()
                        .filter(t -> t.body() == null)
                        .map(SelfReportView.Topic::code)
                        .toList(),
                last == null ? null : last.getUpdatedBy(),
                last == null ? null : last.getUpdatedAt());
    }

    /** The unit writes parts of its report while its self-evaluation is a draft; a blank text clears a part. */
    @Transactional
    public SelfReportView save(String projectCode, String unitCode, SelfReportRequest request, Locale locale) {
        Project p = projects.readable(projectCode);
        OrgUnitRef unit = orgUnits.readable(unitCode);
        Evaluation e = files.file(p, unit);
        Set<Hat> hats = files.hats(p, e);
        if (!hats.contains(Hat.SCHOOL_CLERK) && !hats.contains(Hat.SCHOOL_HEAD)) {
            throw new ForbiddenException("error.forbidden");
        }
        if (!editable(p, e)) {
            throw new ConflictException("evaluation.report.locked");
        }
        Map<String, String> sections = request == null || request.sections() == null ? Map.of() : request.sections();
        Map<String, String> topics = request == null || request.topics() == null ? Map.of() : request.topics();
        Set<String> sectionCodes = scoring.scheme(p).definition().indicators().stream()
                .map(IndicatorDef::code)
                .collect(Collectors.toSet());
        Set<String> topicCodes =
                failedHard(p, unit, e, locale).stream().map(HardIndicator::code).collect(Collectors.toSet());
        Problems problems = new Problems();
        check(problems, "sections", sections, sectionCodes);
        check(problems, "topics", topics, topicCodes);
        problems.throwIfAny();

        List<SelfReportPart> stored = parts.findByEvaluationIdOrderByIdAsc(e.getId());
        Map<String, String> before = texts(stored);
        write(e, stored, SelfReportPart.Kind.SECTION, sections);
        write(e, stored, SelfReportPart.Kind.TOPIC, topics);
        parts.flush();
        Map<String, String> after = texts(parts.findByEvaluationIdOrderByIdAsc(e.getId()));
        audit.updated("SelfReport", e.getId(), unit.name(), e.getUnitPath(), before, after);
        return view(projectCode, unitCode, locale);
    }

    @Transactional(readOnly = true)
    public byte[] pdf(String projectCode, String unitCode, Locale locale) {
        return pdf.render("pdf/self-report", Map.of("r", view(projectCode, unitCode, locale), "fmt", fmt), locale);
    }

    @Transactional(readOnly = true)
    public byte[] docx(String projectCode, String unitCode, Locale locale) {
        SelfReportView r = view(projectCode, unitCode, locale);
        WordDocument doc = new WordDocument()
                .title(msg("evaluation.report.title", locale, r.unitName()), 18)
                .centred(r.projectName())
                .centred(msg(
                        "evaluation.report.total", locale, fmt.num(r.total()), r.grade() == null ? "—" : r.grade()));
        for (SelfReportView.Section s : r.sections()) {
            doc.heading(msg(
                    "evaluation.report.section", locale, s.code(), s.name(), fmt.num(s.score()), fmt.num(s.points())));
            if (!s.figures().isEmpty()) {
                doc.table(
                        List.of(msg("evaluation.report.figure", locale), msg("evaluation.report.value", locale)),
                        s.figures().stream()
                                .map(f -> List.of(f.name(), figure(f, locale)))
                                .toList());
            }
            doc.text(s.body());
        }
        if (!r.topics().isEmpty()) {
            doc.heading(msg("evaluation.report.topics", locale));
            for (SelfReportView.Topic t : r.topics()) {
                doc.heading(msg("evaluation.report.topic", locale, t.code(), t.name(), t.why()));
                doc.text(t.body() == null ? msg("evaluation.report.topic-missing", locale) : t.body());
            }
        }
        return doc.bytes();
    }

    /** Refuses the submission of a self-evaluation whose unit must, and does not yet, explain a missed standard. */
    void requireTopicReports(Project p, OrgUnitRef unit, Evaluation e) {
        if (!topicsRequired(unit)) {
            return;
        }
        Set<String> written = byCode(parts.findByEvaluationIdOrderByIdAsc(e.getId()), SelfReportPart.Kind.TOPIC)
                .keySet();
        List<String> missing = failedHard(p, unit, e, Locale.ROOT).stream()
                .filter(t -> !written.contains(t.code()))
                .map(t -> t.code() + " " + t.name())
                .toList();
        if (!missing.isEmpty()) {
            throw new ConflictException("evaluation.refused.topic-reports", String.join(", ", missing));
        }
    }

    /** A hard indicator the unit does not meet now, and why. */
    record HardIndicator(String code, String name, String why) {}

    List<HardIndicator> failedHard(Project p, OrgUnitRef unit, Evaluation e, Locale locale) {
        CompiledScheme cs = scoring.scheme(p);
        ScoreResult r = scoring.score(p, unit, scoring.read(e.currentManual()));
        List<HardIndicator> list = new ArrayList<>();
        for (IndicatorDef leaf : leaves(cs.definition().indicators())) {
            if (leaf.rule() == null || leaf.rule().type() != RuleType.THRESHOLD) continue;
            IndicatorScore s = r.indicator(leaf.code());
            if (s != null && s.score() < s.points()) {
                String why = s.missingItem()
                        ? msg("evaluation.report.why-missing", locale)
                        : msg("evaluation.report.why-below", locale, fmt.num(s.score()), fmt.num(s.points()));
                list.add(new HardIndicator(leaf.code(), s.name(), why));
            }
        }
        for (FiredVeto v : r.vetoes()) {
            list.add(new HardIndicator(v.code(), v.name(), v.evidence()));
        }
        return list;
    }

    /** 督政: a government unit explains every missed standard before it submits; a school may, but need not. */
    private static boolean topicsRequired(OrgUnitRef unit) {
        return !unit.kind().isSchool();
    }

    private boolean editable(Project p, Evaluation e) {
        Set<Hat> hats = files.hats(p, e);
        return e.getState() == EvaluationState.SELF_DRAFT
                && (hats.contains(Hat.SCHOOL_CLERK) || hats.contains(Hat.SCHOOL_HEAD));
    }

    private String prefill(IndicatorDef top, double score, List<SelfReportView.Figure> figures, Locale locale) {
        String text = msg("evaluation.report.prefill", locale, top.name(), fmt.num(top.points()), fmt.num(score));
        if (figures.isEmpty()) {
            return text;
        }
        String data =
                figures.stream().map(f -> f.name() + " " + figure(f, locale)).collect(Collectors.joining("；"));
        return text + msg("evaluation.report.prefill-figures", locale, data);
    }

    private String figure(SelfReportView.Figure f, Locale locale) {
        return f.value() == null
                ? msg("evaluation.basis.missing", locale)
                : fmt.num(f.value()) + (f.unit() == null ? "" : " " + f.unit());
    }

    private static void check(Problems problems, String field, Map<String, String> texts, Set<String> known) {
        texts.forEach((code, text) -> {
            if (code == null || !known.contains(code)) {
                problems.add(field, "evaluation.report.unknown-part", String.valueOf(code));
            } else if (text != null) {
                problems.text(field + "." + code, text, MAX_TEXT);
            }
        });
    }

    private void write(Evaluation e, List<SelfReportPart> stored, SelfReportPart.Kind kind, Map<String, String> texts) {
        Map<String, SelfReportPart> existing = byCode(stored, kind);
        Instant now = Instant.now(clock);
        texts.forEach((code, text) -> {
            SelfReportPart part = existing.get(code);
            if (text == null || text.isBlank()) {
                if (part != null) parts.delete(part);
                return;
            }
            if (part == null) {
                part = new SelfReportPart(e.getId(), kind, code);
            }
            part.write(text.strip(), Access.currentUsername(), now);
            parts.save(part);
        });
    }

    private static Map<String, SelfReportPart> byCode(List<SelfReportPart> list, SelfReportPart.Kind kind) {
        Map<String, SelfReportPart> map = new LinkedHashMap<>();
        list.stream().filter(x -> x.getKind() == kind).forEach(x -> map.put(x.getCode(), x));
        return map;
    }

    private static Map<String, String> texts(List<SelfReportPart> list) {
        Map<String, String> map = new LinkedHashMap<>();
        list.forEach(x -> map.put(x.getKind() + ":" + x.getCode(), x.getBody()));
        return map;
    }

    /** The leaves under these nodes, in the order of the scheme. */
    static List<IndicatorDef> leaves(List<IndicatorDef> nodes) {
        List<IndicatorDef> list = new ArrayList<>();
        for (IndicatorDef n : nodes) {
            if (n.isLeaf()) list.add(n);
            else list.addAll(leaves(n.children()));
        }
        return list;
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
