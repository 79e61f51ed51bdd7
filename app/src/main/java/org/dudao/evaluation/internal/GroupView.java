package org.dudao.evaluation.internal;

import java.util.List;

/** An expert group: logins and unit codes for the API, with the names people read on the screen beside them. */
public record GroupView(
        Long id,
        String level,
        String name,
        String leader,
        String leaderName,
        List<String> members,
        List<String> memberNames,
        List<String> schools,
        List<String> schoolNames) {}
