package org.dudao.evaluation.internal;

import java.util.List;

public record GroupView(
        Long id, String level, String name, String leader, List<String> members, List<String> schools) {}
