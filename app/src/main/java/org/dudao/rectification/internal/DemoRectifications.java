package org.dudao.rectification.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Map;
import org.dudao.rectification.ItemView;
import org.dudao.rectification.Rectifications;
import org.dudao.shared.Access;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo data after the demo files closed below 达标 (evaluation.DemoEvaluations): some schools file a plan for
 * an item, and 青山县 issues a 限期整改通知书 with its 文号 to the first school with open items. Runs once per
 * project (while the project has no notice).
 */
@Component
@Profile("demo")
@Order(70)
class DemoRectifications implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRectifications.class);
    /** The county of each demo project, by code prefix (青山县's issues the notice). */
    private static final Map<String, String> COUNTIES = Map.of("QS-BZH-", "JB0101", "DH-BZH-", "JB0102");

    private final Rectifications rectifications;
    private final NoticeRepository notices;
    private final Clock clock;

    DemoRectifications(Rectifications rectifications, NoticeRepository notices, Clock clock) {
        this.rectifications = rectifications;
        this.notices = notices;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        int year = Year.now(clock).getValue();
        Access.runAsSystem(() -> COUNTIES.forEach((prefix, county) -> {
            String project = prefix + year;
            if (notices.existsBySourceRef(project)) {
                return;
            }
            List<ItemView> items = rectifications.list(county, null).stream()
                    .filter(i -> project.equals(i.sourceRef()))
                    .toList();
            if (items.isEmpty()) {
                return;
            }
            planSome(items);
            if (prefix.startsWith("QS")) {
                NoticeView n = rectifications.issueNotice(items.get(0).orgUnit(), project, null);
                log.info("demo notice {} to {}", n.number(), items.get(0).unitName());
            }
        }));
    }

    /** Every other school below 达标 files a plan for its first item, half a year ahead. */
    private void planSome(List<ItemView> items) {
        String due = LocalDate.now(clock).plusMonths(6).toString();
        List<String> units = items.stream().map(ItemView::orgUnit).distinct().toList();
        for (int u = 1; u < units.size(); u += 2) {
            String unit = units.get(u);
            items.stream()
                    .filter(i -> i.orgUnit().equals(unit) && "PLANNING".equals(i.status()))
                    .findFirst()
                    .ifPresent(i -> rectifications.plan(i.id(), "对照整改要求逐项落实，按期完成", due));
        }
    }
}
