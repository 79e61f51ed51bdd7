package org.dudao.evaluation.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dudao.audit.AuditLog;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.shared.ExcelBook;
import org.dudao.shared.NotFoundException;
import org.dudao.shared.Role;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 督政 results (SPEC §11): a project's units — townships, counties, departments or schools — ranked by their total
 * score. The project's office sees the ranking at once; the evaluated units see it once the office publishes it,
 * and everyone does on a public page when the office chooses so. Shortfalls become rectification items through
 * the same {@code EvaluationFinalized} as for schools.
 */
@Service
public class Rankings {

    private final ProjectScope projects;
    private final ProjectRepository projectRepository;
    private final EvaluationRepository evaluations;
    private final RankingPublicationRepository publications;
    private final OrgUnits orgUnits;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;

    Rankings(
            ProjectScope projects,
            ProjectRepository projectRepository,
            EvaluationRepository evaluations,
            RankingPublicationRepository publications,
            OrgUnits orgUnits,
            AuditLog audit,
            MessageSource messages,
            Clock clock) {
        this.projects = projects;
        this.projectRepository = projectRepository;
        this.evaluations = evaluations;
        this.publications = publications;
        this.orgUnits = orgUnits;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /** The ranking for a signed-in reader: the office always, the evaluated units once it is published. */
    @Transactional(readOnly = true)
    public RankingView ranking(String projectCode) {
        Project p = projects.readable(projectCode);
        RankingPublication published = publications.findById(p.getId()).orElse(null);
        if (published == null && !Access.canRead(p.getOwnerPath())) {
            throw new NotFoundException("ranking " + projectCode);
        }
        return view(p, published, Access.can(Role.OFFICE, p.getOwnerPath()));
    }

    /** Whether the signed-in reader may see the ranking (so screens link it only then). */
    @Transactional(readOnly = true)
    public boolean visible(String projectCode) {
        Project p = projects.readable(projectCode);
        return Access.canRead(p.getOwnerPath()) || publications.existsById(p.getId());
    }

    /** The ranking on the page without login, only when the office published it there. */
    @Transactional(readOnly = true)
    public RankingView publicRanking(String projectCode) {
        Project p = projectRepository
                .findByCode(projectCode == null ? "" : projectCode.trim())
                .orElse(null);
        RankingPublication published =
                p == null ? null : publications.findById(p.getId()).orElse(null);
        if (published == null || !published.isPublicPage()) {
            throw new NotFoundException("ranking " + projectCode);
        }
        return view(p, published, false);
    }

    /** The office publishes (or republishes with another choice of public page) the ranking. */
    @Transactional
    public RankingView publish(String projectCode, boolean publicPage) {
        Project p = projects.readable(projectCode);
        ProjectScope.requireManager(p.getOwnerPath());
        RankingPublication publication =
                publications.findById(p.getId()).orElseGet(() -> new RankingPublication(p.getId()));
        boolean wasPublic = publication.getPublishedAt() != null && publication.isPublicPage();
        publication.publish(publicPage, Access.currentUsername(), Instant.now(clock));
        publications.saveAndFlush(publication);
        audit.updated(
                "Ranking",
                p.getCode(),
                p.getName(),
                p.getOwnerPath(),
                Map.of("publicPage", wasPublic),
                Map.of("publicPage", publicPage));
        return view(p, publication, true);
    }

    /** The ranking as an Excel sheet (rank, unit, total, grade). */
    @Transactional(readOnly = true)
    public ExcelBook.File excel(String projectCode, Locale locale) {
        RankingView r = ranking(projectCode);
        try (ExcelBook book = new ExcelBook(key -> messages.getMessage(key, null, locale))) {
            var sheet = book.sheet(
                    "evaluation.ranking.title",
                    "evaluation.ranking.rank",
                    "evaluation.ranking.unit-code",
                    "evaluation.ranking.unit",
                    "evaluation.field.score",
                    "evaluation.ranking.grade");
            for (RankingView.Row row : r.rows()) {
                book.row(sheet, row.rank(), row.orgUnit(), row.name(), row.total(), row.grade());
            }
            return book.file("ranking-" + r.project() + ".xlsx");
        }
    }

    private RankingView view(Project p, RankingPublication published, boolean canPublish) {
        List<Evaluation> files = evaluations.findByProjectIdOrderByIdAsc(p.getId()).stream()
                .filter(e -> e.getTotal() != null)
                .sorted(Comparator.comparing(Evaluation::getTotal).reversed())
                .toList();
        Map<Long, OrgUnitRef> units =
                orgUnits.refs(files.stream().map(Evaluation::getOrgUnitId).toList());
        List<RankingView.Row> rows = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Evaluation e = files.get(i);
            // competition ranking: equal totals share the rank of the first of them
            int rank = i > 0 && e.getTotal().equals(files.get(i - 1).getTotal())
                    ? rows.get(i - 1).rank()
                    : i + 1;
            OrgUnitRef u = units.get(e.getOrgUnitId());
            rows.add(new RankingView.Row(
                    rank,
                    u.code(),
                    u.name(),
                    u.kind().label(),
                    e.getTotal(),
                    e.getGrade(),
                    e.getState().phase().name(),
                    e.getState().status()));
        }
        return new RankingView(
                p.getCode(),
                p.getName(),
                p.getYear(),
                canPublish,
                published == null ? null : published.getPublishedAt(),
                published == null ? null : published.getPublishedBy(),
                published != null && published.isPublicPage(),
                rows);
    }
}
