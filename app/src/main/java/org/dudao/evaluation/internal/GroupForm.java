package org.dudao.evaluation.internal;

import java.util.List;

/** An expert group: level COUNTY (初评) or CITY (复核), leader and members by username, schools by code. */
public record GroupForm(String level, String name, String leader, List<String> members, List<String> schools) {}
