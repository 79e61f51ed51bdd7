package org.dudao.evaluation.internal;

import java.util.Map;

/**
 * What the unit writes into its 自评报告: section texts by first-level indicator code, 专题报告 by hard indicator
 * (or veto) code. Only the codes given change; a blank text clears that part.
 */
public record SelfReportRequest(Map<String, String> sections, Map<String, String> topics) {}
