package org.dudao.evaluation.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.dudao.audit.AuditLog;
import org.dudao.evaluation.Phase;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.shared.Problems;
import org.dudao.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 抽查: the office of a review level samples the project's files for on-site checks, stratified by township (each
 * township with files gets its proportional share and at least one; schools directly under the county form a
 * stratum of their own), drawn by seed so the sample can be repeated.
 */
@Service
public class Sampling {

    private final ProjectScope projects;
    private final EvaluationRepository evaluations;
    private final OnsiteSampleRepository samples;
    private final OrgUnits orgUnits;
    private final AuditLog audit;
    private final Clock clock;

    Sampling(
            ProjectScope projects,
            EvaluationRepository evaluations,
            OnsiteSampleRepository samples,
            OrgUnits orgUnits,
            AuditLog audit,
            Clock clock) {
        this.projects = projects;
        this.evaluations = evaluations;
        this.samples = samples;
        this.orgUnits = orgUnits;
        this.audit = audit;
        this.clock = clock;
    }

    /** The samples of the levels the user's office draws at. */
    @Transactional(readOnly = true)
    public List<SampleView> list(String code) {
        Project p = projects.readable(code);
        return samples.findByProjectIdOrderByIdAsc(p.getId()).stream()
                .filter(s -> Access.can(Role.OFFICE, drawnBy(p, s.getLevel())))
                .map(s -> view(p, s))
                .toList();
    }

    /** Whether the user may sample this project at some level (the screens' button). */
    public boolean canSample(String code) {
        Project p = projects.readable(code);
        return Access.can(Role.OFFICE, drawnBy(p, Phase.COUNTY)) || Access.can(Role.OFFICE, drawnBy(p, Phase.CITY));
    }

    @Transactional
    public SampleView sample(String code, SampleRequest request) {
        Project p = projects.readable(code);
        SampleRequest r = request == null ? new SampleRequest(null, null, null, null) : request;
        Problems problems = new Problems();
        Phase level = level(problems, r.level());
        problems.throwIfAny();
        ProjectScope.requireManager(drawnBy(p, level));
        List<Evaluation> files = evaluations.findByProjectIdOrderByIdAsc(p.getId());
        if ((r.percent() == null) == (r.count() == null)) {
            problems.add("percent", "experts.error.percent-or-count");
        } else if (r.percent() != null && (r.percent() < 1 || r.percent() > 100)) {
            problems.add("percent", "error.range", 1, 100);
        } else if (r.count() != null && (r.count() < 1 || r.count() > Math.max(1, files.size()))) {
            problems.add("count", "error.range", 1, Math.max(1, files.size()));
        }
        if (r.seed() != null && r.seed() < 0) problems.add("seed", "error.range", 0, Long.MAX_VALUE);
        if (files.isEmpty()) problems.add("level", "experts.error.no-files");
        problems.throwIfAny();
        long seed = r.seed() == null ? Lots.newSeed() : r.seed();
        int total = r.count() != null ? r.count() : (int) Math.ceil(files.size() * r.percent() / 100.0);
        List<Long> chosen = new ArrayList<>();
        Lots.stratified(strata(files), Evaluation::getOrgUnitId, total, seed)
                .values()
                .forEach(list -> list.forEach(e -> chosen.add(e.getOrgUnitId())));
        OnsiteSample s = samples.saveAndFlush(new OnsiteSample(
                p.getId(), level, seed, r.percent(), r.count(), chosen, Access.currentUsername(), Instant.now(clock)));
        SampleView view = view(p, s);
        audit.created("OnsiteSample", s.getId(), p.getCode() + " " + level, p.getOwnerPath(), view);
        return view;
    }

    /** The files by township path; a school directly under the county is a stratum of its own kind (its county). */
    private Map<String, List<Evaluation>> strata(List<Evaluation> files) {
        Map<String, List<Evaluation>> strata = new TreeMap<>();
        for (Evaluation e : files) {
            Place place = projects.place(e.getUnitPath());
            String key = place.township() != null ? place.township() : place.county() + "*";
            strata.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
        }
        return strata;
    }

    /** The latest level at which the unit of this file was sampled, or null. */
    Phase sampledAt(Project p, Long unitId) {
        Phase level = null;
        for (OnsiteSample s : samples.findByProjectIdOrderByIdAsc(p.getId())) {
            if (s.unitIds().contains(unitId)) level = s.getLevel();
        }
        return level;
    }

    /** County samples are drawn by the project owner, city ones by the city office above it. */
    String drawnBy(Project p, Phase level) {
        return level == Phase.COUNTY ? p.getOwnerPath() : projects.cityPath(p);
    }

    static Phase level(Problems problems, String text) {
        if (!problems.required("level", text)) {
            return null;
        }
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (!t.equals("COUNTY") && !t.equals("CITY")) {
            problems.add("level", "evaluation.error.level");
            return null;
        }
        return Phase.valueOf(t);
    }

    private SampleView view(Project p, OnsiteSample s) {
        List<Long> ids = s.unitIds();
        Map<Long, OrgUnitRef> refs = orgUnits.refs(ids);
        List<Long> parents =
                refs.values().stream().map(OrgUnitRef::parentId).distinct().toList();
        Map<Long, OrgUnitRef> parentRefs = orgUnits.refs(parents);
        List<SampleView.Unit> units = ids.stream()
                .map(id -> {
                    OrgUnitRef u = refs.get(id);
                    OrgUnitRef parent = parentRefs.get(u.parentId());
                    return new SampleView.Unit(
                            u.code(),
                            u.name(),
                            parent == null ? null : parent.code(),
                            parent == null ? null : parent.name());
                })
                .toList();
        return new SampleView(
                s.getId(),
                s.getLevel().name(),
                s.getSeed(),
                s.getPercent(),
                s.getRequested(),
                s.getDrawnBy(),
                s.getDrawnAt(),
                evaluations.findByProjectIdOrderByIdAsc(p.getId()).size(),
                units);
    }
}
