package org.dudao.evaluation.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import org.dudao.evaluation.ProjectForm;
import org.dudao.evaluation.Projects;
import org.dudao.shared.Access;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo data: this year's standardization project of 青山县 and of 东湖区 under the city's seeded scheme
 * (idempotent). When 11月25日 has passed, the demo deadline moves two weeks ahead so the workflow can be tried.
 */
@Component
@Profile("demo")
@Order(60)
public class DemoProjects implements ApplicationRunner {

    static final String SCHEME = "YWBZH";
    private static final Logger log = LoggerFactory.getLogger(DemoProjects.class);
    private final Projects projects;
    private final ProjectRepository repository;
    private final Clock clock;

    DemoProjects(Projects projects, ProjectRepository repository, Clock clock) {
        this.projects = projects;
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        int year = Year.now(clock).getValue();
        String due = ProjectScope.defaultDeadline(year, LocalDate.now(clock)).toString();
        Access.runAsSystem(() -> {
            create("QS-BZH-" + year, "青山县" + year + "年义务教育学校标准化建设评估验收", year, "JB0101", due);
            create("DH-BZH-" + year, "东湖区" + year + "年义务教育学校标准化建设评估验收", year, "JB0102", due);
        });
    }

    private void create(String code, String name, int year, String county, String deadline) {
        if (repository.existsByCode(code)) {
            return;
        }
        ProjectView p = projects.create(
                new ProjectForm(code, name, year, SCHEME, null, county, deadline, 7, null, null, null, null, null));
        log.info("demo project {} with {} schools, quota {}", p.code(), p.schools(), p.quota());
    }
}
