package org.dudao.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.dudao.audit.AuditLog;
import org.dudao.evaluation.internal.ChainForms;
import org.dudao.evaluation.internal.Evaluation;
import org.dudao.evaluation.internal.EvaluationRepository;
import org.dudao.evaluation.internal.Project;
import org.dudao.evaluation.internal.ProjectRepository;
import org.dudao.evaluation.internal.ProjectScope;
import org.dudao.evaluation.internal.ProjectView;
import org.dudao.org.OrgKind;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.scheme.Schemes;
import org.dudao.shared.Access;
import org.dudao.shared.NotFoundException;
import org.dudao.shared.Problems;
import org.dudao.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of evaluation projects: creation with the candidate schools and quota plan, reading, quota progress
 * and expert groups. A project is owned by a county or city; it is readable inside the owner's subtree and by
 * anyone whose scope contains the owner. Directors (or administrators) at the owner manage it.
 */
@Service
public class Projects {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private final ProjectRepository projects;
    private final EvaluationRepository evaluations;
    private final ProjectScope scope;
    private final OrgUnits orgUnits;
    private final Schemes schemes;
    private final AuditLog audit;
    private final Clock clock;

    Projects(
            ProjectRepository projects,
            EvaluationRepository evaluations,
            ProjectScope scope,
            OrgUnits orgUnits,
            Schemes schemes,
            AuditLog audit,
            Clock clock) {
        this.projects = projects;
        this.evaluations = evaluations;
        this.scope = scope;
        this.orgUnits = orgUnits;
        this.schemes = schemes;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- reads --------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public ProjectView get(String code) {
        return scope.view(scope.readable(code));
    }

    /** Every project the current user may read, newest year first. */
    @Transactional(readOnly = true)
    public List<ProjectView> list() {
        return projects.findAll().stream()
                .filter(p -> Access.canReadInherited(p.getOwnerPath()))
                .sorted((a, b) -> a.getYear() != b.getYear()
                        ? b.getYear() - a.getYear()
                        : a.getCode().compareTo(b.getCode()))
                .map(scope::view)
                .toList();
    }

    // ---- writes -------------------------------------------------------------------------------------------

    @Transactional
    public ProjectView create(ProjectForm form) {
        Problems problems = new Problems();
        OrgUnitRef owner = owner(problems, form);
        problems.throwIfAny();
        Access.requireRole(owner.path(), Role.OFFICE, "org unit " + owner.code());
        Deadlines deadlines = deadlines(problems, form);
        int publicity = form.publicityDays() == null ? 7 : form.publicityDays();
        if (publicity < 0 || publicity > 60) {
            problems.add("publicityDays", "error.range", 0, 60);
        }
        if (projects.existsByCode(form.code().trim())) {
            problems.add("code", "evaluation.error.code-taken", form.code().trim());
        }
        long versionId = 0;
        try {
            versionId = schemes.versionId(form.scheme().trim(), form.schemeVersion());
        } catch (NotFoundException e) {
            problems.add("scheme", "evaluation.error.scheme-unknown", form.scheme());
        }
        ChainForms.Review review =
                ChainForms.read(problems, form.template(), form.unitKinds(), form.chain(), publicity);
        List<OrgUnitRef> schools = schools(problems, owner, form.schools(), review.unitKinds());
        int[] quota = quota(problems, owner, form);
        problems.throwIfAny();

        schemes.markInUse(versionId);
        Instant now = Instant.now(clock);
        Project p = projects.saveAndFlush(new Project(
                form.code().trim(),
                form.name().trim(),
                form.year(),
                owner.id(),
                owner.path(),
                form.scheme().trim(),
                versionId,
                deadlines.application(),
                deadlines.county(),
                deadlines.city(),
                publicity,
                quota[0],
                quota[1],
                Access.currentUsername(),
                now));
        p.review(review.template(), review.unitKinds(), review.chain());
        projects.flush();
        evaluations.saveAll(schools.stream()
                .map(u -> new Evaluation(p.getId(), u.id(), u.path(), now))
                .toList());
        ProjectView view = scope.view(p);
        audit.created("EvaluationProject", p.getCode(), p.getName(), p.getOwnerPath(), view);
        return view;
    }

    /** The quota plan (小学, 中学) as given, else by the 5% rule over the owner's subtree. */
    private int[] quota(Problems problems, OrgUnitRef owner, ProjectForm form) {
        int[] quota = defaultQuota(orgUnits.subtree(owner.code()));
        int primary = form.quotaPrimary() == null ? quota[0] : form.quotaPrimary();
        int secondary = form.quotaSecondary() == null ? quota[1] : form.quotaSecondary();
        if (primary < 0 || primary > 100_000) problems.add("quotaPrimary", "error.range", 0, 100_000);
        if (secondary < 0 || secondary > 100_000) problems.add("quotaSecondary", "error.range", 0, 100_000);
        return new int[] {primary, secondary};
    }

    /** The heading fields of a new project and its owner, a county or city. */
    private OrgUnitRef owner(Problems problems, ProjectForm form) {
        if (problems.required("code", form.code())
                && !CODE.matcher(form.code().trim()).matches()) {
            problems.add("code", "evaluation.error.code-format");
        }
        if (problems.required("name", form.name())) {
            problems.name("name", form.name(), 200);
        }
        if (form.year() == null) {
            problems.add("year", "error.required");
        } else if (form.year() < 2000 || form.year() > 2100) {
            problems.add("year", "error.range", 2000, 2100);
        }
        problems.required("scheme", form.scheme());
        OrgUnitRef owner = null;
        if (problems.required("orgUnit", form.orgUnit())) {
            owner = orgUnits.readable(form.orgUnit().trim());
            if (owner.kind().level() != OrgKind.Level.COUNTY && owner.kind().level() != OrgKind.Level.CITY) {
                problems.add("orgUnit", "evaluation.error.owner-level");
            }
        }
        return owner;
    }

    private record Deadlines(LocalDate application, LocalDate county, LocalDate city) {}

    /** The application deadline (by default 11-25, never past) and the 初评 and 复核 ones, which follow each other. */
    private Deadlines deadlines(Problems problems, ProjectForm form) {
        LocalDate deadline = form.deadline() == null || form.deadline().isBlank()
                ? ProjectScope.defaultDeadline(form.year(), LocalDate.now(clock))
                : date(problems, "deadline", form.deadline());
        LocalDate countyDeadline = date(problems, "countyDeadline", form.countyDeadline());
        LocalDate cityDeadline = date(problems, "cityDeadline", form.cityDeadline());
        if (deadline != null && countyDeadline != null && countyDeadline.isBefore(deadline)) {
            problems.add("countyDeadline", "evaluation.error.county-deadline-order");
        }
        LocalDate before = countyDeadline != null ? countyDeadline : deadline;
        if (before != null && cityDeadline != null && cityDeadline.isBefore(before)) {
            problems.add("cityDeadline", "evaluation.error.city-deadline-order");
        }
        return new Deadlines(deadline, countyDeadline, cityDeadline);
    }

    /**
     * The units taking part: the given candidates under the owner, or every candidate under it; candidates are the
     * units of the evaluated kinds (by default the standardization schools).
     */
    private List<OrgUnitRef> schools(
            Problems problems, OrgUnitRef owner, List<String> codes, java.util.Set<OrgKind> kinds) {
        List<OrgUnitRef> schools = new ArrayList<>();
        if (owner == null) {
            return schools;
        }
        if (codes == null) {
            orgUnits.subtree(owner.code()).stream()
                    .filter(u -> kinds.contains(u.kind()) && !u.path().equals(owner.path()))
                    .forEach(schools::add);
            return schools;
        }
        Map<String, OrgUnitRef> found = orgUnits.readableByCode(codes);
        for (String c : codes) {
            OrgUnitRef u = c == null ? null : found.get(c.trim());
            if (u == null || !u.path().startsWith(owner.path()) || !kinds.contains(u.kind())) {
                problems.add("schools", "evaluation.error.school-unknown", c);
            } else if (!schools.contains(u)) {
                schools.add(u);
            }
        }
        return schools;
    }

    /** Whether the current user sets projects up somewhere (a director or administrator); where, create checks. */
    public boolean canCreate() {
        return Access.holdsAny(Role.OFFICE);
    }

    /** 5% of the compulsory-education schools, rounded up, split 小学 / 中学 in proportion (28 = 23 + 5). */
    private static int[] defaultQuota(List<OrgUnitRef> subtree) {
        long primaries =
                subtree.stream().filter(u -> u.kind() == OrgKind.PRIMARY).count();
        long all = subtree.stream()
                .filter(u -> EvaluationStats.CANDIDATES.contains(u.kind()))
                .count();
        return QuotaPlan.split(all, primaries);
    }

    /** An ISO date of a form field, or null when blank; a bad date is a problem of that field. */
    private static LocalDate date(Problems problems, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text.trim());
            return problems.saneDate(field, date) ? date : null;
        } catch (DateTimeParseException e) {
            problems.add(field, "evaluation.error.date-format");
            return null;
        }
    }
}
