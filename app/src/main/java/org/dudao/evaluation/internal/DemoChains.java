package org.dudao.evaluation.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dudao.data.DataValues;
import org.dudao.evaluation.EvaluationDetail;
import org.dudao.evaluation.EvaluationView;
import org.dudao.evaluation.Evaluations;
import org.dudao.evaluation.ManualEntry;
import org.dudao.evaluation.ProjectForm;
import org.dudao.evaluation.Projects;
import org.dudao.evaluation.TransitionRequest;
import org.dudao.org.OrgKind;
import org.dudao.org.OrgTree;
import org.dudao.org.OrgUnitForm;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.shared.ConflictException;
import org.dudao.shared.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data for the other review chains, driven through the real services (each project once, while it does not
 * exist): 先进县督导评估 over the city's two counties (青山县 reviewed by the city and waiting for the province,
 * 东湖区 waiting for the city's review, where its D-grade buildings cap it at 合格县); 乡镇督政考核 of 青山县's
 * townships, each scored and approved by the county (a ranking by score); 党支部星级评定 of a few party branches
 * of 城关镇, created in the tree when none exist, self-scored, signed by the township party committee and
 * confirmed by the county (stars from the scheme's grade bands).
 */
@Component
@Profile("demo")
@Order(66)
class DemoChains implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoChains.class);
    static final String TOWNSHIP = "JB010101";
    private static final String[][] BRANCHES = {
        {"JB010101DZ1", "城关中心小学党支部"}, {"JB010101DZ2", "城关初级中学党支部"}, {"JB010101DZ3", "城关中心幼儿园党支部"}
    };

    private final Projects projects;
    private final Evaluations evaluations;
    private final SelfReports reports;
    private final ProjectRepository repository;
    private final OrgUnits orgUnits;
    private final OrgTree tree;
    private final DataValues values;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoChains(
            Projects projects,
            Evaluations evaluations,
            SelfReports reports,
            ProjectRepository repository,
            OrgUnits orgUnits,
            OrgTree tree,
            DataValues values,
            TransactionTemplate tx,
            Clock clock) {
        this.projects = projects;
        this.evaluations = evaluations;
        this.reports = reports;
        this.repository = repository;
        this.orgUnits = orgUnits;
        this.tree = tree;
        this.values = values;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        int year = Year.now(clock).getValue();
        String due = ProjectScope.defaultDeadline(year, LocalDate.now(clock)).toString();
        Access.runAsSystem(() -> {
            demo("先进县", () -> advancedCounties(year, due));
            demo("乡镇督政", () -> townships(year, due));
            demo("党支部星级评定", () -> partyBranches(year, due));
        });
    }

    /** One demo project; a failure is logged and leaves the others (demo data never stops the start). */
    private void demo(String what, Runnable part) {
        try {
            part.run();
        } catch (RuntimeException e) {
            log.warn("demo {} project not built: {}", what, e.toString());
        }
    }

    private boolean create(
            String code, String name, int year, String scheme, String owner, String due, ChainTemplate t) {
        if (repository.existsByCode(code)) {
            return false;
        }
        projects.create(new ProjectForm(
                code, name, year, scheme, null, owner, due, null, null, null, null, null, null, t.name(), null, null));
        return true;
    }

    private void advancedCounties(int year, String due) {
        String code = "JB01-XJX-" + year;
        if (!create(code, "临川市" + year + "年教育工作先进县督导评估", year, "XJXDD", "JB01", due, ChainTemplate.ADVANCED_COUNTY)) {
            return;
        }
        move(code, "JB0101", 0, "submit", "score", "approve");
        move(code, "JB0102", 0, "submit");
    }

    /** The townships' own figures of the year (dropout, D-grade buildings), uneven so the ranking has an order. */
    private void townships(int year, String due) {
        String code = "QS-XZDZ-" + year;
        if (!create(
                code, "青山县" + year + "年乡镇主要领导抓教育工作督导考核", year, "XZDZ", "JB0101", due, ChainTemplate.TOWNSHIP_DUZHENG)) {
            return;
        }
        List<EvaluationView> files = evaluations.list(code);
        for (int i = 0; i < files.size(); i++) {
            String township = files.get(i).orgUnit();
            double dropout = i % 3 == 2 ? 1.4 : 0.3 + 0.1 * i;
            double danger = i % 4 == 3 ? 2.5 : 0.2 * (i % 3);
            int at = i;
            tx.executeWithoutResult(s -> {
                OrgUnitRef u = orgUnits.readable(township);
                String period = String.valueOf(year);
                if (values.numbers(u.id(), period, List.of("dropout_rate_junior"))
                        .isEmpty()) {
                    values.putNumber(u.id(), u.path(), period, "dropout_rate_junior", BigDecimal.valueOf(dropout));
                    values.putNumber(u.id(), u.path(), period, "danger_d_ratio", BigDecimal.valueOf(danger));
                    values.putNumber(u.id(), u.path(), period, "major_accidents", BigDecimal.ZERO);
                }
            });
            move(code, township, at, "submit", "score", "approve");
        }
    }

    private void partyBranches(int year, String due) {
        String code = "QS-DZBXJ-" + year;
        if (repository.existsByCode(code)) {
            return;
        }
        boolean none = orgUnits.subtree("JB0101").stream().noneMatch(u -> u.kind() == OrgKind.PARTY_BRANCH);
        if (none) {
            for (String[] b : BRANCHES) {
                tree.create(new OrgUnitForm(
                        b[0], b[1], OrgKind.PARTY_BRANCH.label(), TOWNSHIP, null, null, null, null, null, null, null));
            }
        }
        create(code, "青山县" + year + "年学校党支部星级评定", year, "DZBXJ", "JB0101", due, ChainTemplate.PARTY_BRANCH_STARS);
        List<EvaluationView> files = evaluations.list(code);
        for (int i = 0; i < files.size(); i++) {
            String branch = files.get(i).orgUnit();
            try {
                evaluations.selfScore(code, branch, new ScoreSheet(sheet(code, branch, i), "支部自评", null, List.of()));
            } catch (ConflictException | InvalidInputException refused) {
                log.warn("demo self-score of {} in {}: {}", branch, code, refused.getMessage());
                continue;
            }
            // the last branch waits for the township party committee's review
            move(
                    code,
                    branch,
                    i,
                    i == files.size() - 1 ? new String[] {"submit"} : new String[] {"submit", "submit", "approve"});
        }
    }

    /** Applies the actions; a score is agreed full marks but for some points off the first indicators. */
    private void move(String project, String unit, int lower, String... actions) {
        try {
            if (actions[0].equals("submit")) {
                explainMissedStandards(project, unit);
            }
            for (String action : actions) {
                Map<String, ManualEntry> agreed = action.equals("score") ? sheet(project, unit, lower) : null;
                evaluations.transition(
                        project, unit, new TransitionRequest(action, agreed == null ? null : "评审组集体评议后协商一致", agreed));
            }
        } catch (ConflictException | InvalidInputException refused) {
            log.warn("demo file {} of {} stays where it is: {}", unit, project, refused.getMessage());
        }
    }

    /** The 专题报告 a unit writes on each hard indicator it misses before it may submit (SPEC §11). */
    private void explainMissedStandards(String project, String unit) {
        Map<String, String> topics = new LinkedHashMap<>();
        for (SelfReportView.Topic t :
                reports.view(project, unit, Locale.SIMPLIFIED_CHINESE).topics()) {
            if (t.body() == null) {
                topics.put(t.code(), t.name() + "未达到要求：原因已查明，整改措施和完成时限已列入下一年度工作计划。");
            }
        }
        if (!topics.isEmpty()) {
            reports.save(project, unit, new SelfReportRequest(null, topics), Locale.SIMPLIFIED_CHINESE);
        }
    }

    /** Full marks on every manual indicator but 1 + {@code lower} points off the first ones, with a reason. */
    private Map<String, ManualEntry> sheet(String project, String unit, int lower) {
        EvaluationDetail d = evaluations.detail(project, unit);
        Map<String, ManualEntry> sheet = new LinkedHashMap<>();
        int off = 1 + lower;
        for (EvaluationDetail.Line line : d.indicators()) {
            if (!d.manualIndicators().contains(line.code())) {
                continue;
            }
            double points = line.points();
            double minus = Math.min(off, Math.floor(points / 3));
            off -= (int) minus;
            sheet.put(
                    line.code(),
                    minus > 0 ? new ManualEntry(points - minus, "部分工作台账不全") : new ManualEntry(points, null));
        }
        return sheet;
    }
}
