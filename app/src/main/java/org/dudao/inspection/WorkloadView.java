package org.dudao.inspection;

import java.util.List;

/**
 * The workload of the inspectors of a unit in one month: per inspector the visits done, the schools they covered,
 * their findings, the findings that opened rectification items and how many of those were 销号 by their deadline,
 * and the state of the month's 一月一小结 ({@link SummaryView#state()}).
 */
public record WorkloadView(String unit, String unitName, String month, List<Row> rows) {

    public record Row(
            Long inspector,
            String inspectorName,
            int visits,
            int schools,
            int findings,
            int rectified,
            int closedOnTime,
            String summary) {}
}
