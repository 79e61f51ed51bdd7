package org.dudao.shared;

import java.util.Collection;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * One counter per feature ({@code change_clock}, a row per topic) moved in the same transaction as every write
 * the feature's readers cache: a cache remembers the sum of the counters it read before computing, and a request
 * on any node that finds another sum computes again. Entities marked {@link Tracked} move it by themselves;
 * writes past Hibernate (bulk JDBC, update queries) call {@link #bump}.
 */
@Service
public class ChangeClock {

    private final NamedParameterJdbcTemplate jdbc;

    ChangeClock(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Moves the topic's counter; the row stays locked until the writing transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void bump(String topic) {
        jdbc.getJdbcTemplate().update(BUMP, topic);
    }

    /** The sum of the topics' counters: it grows with every committed write to any of them. */
    public long version(Collection<String> topics) {
        Long v = jdbc.queryForObject(
                "select coalesce(sum(version), 0) from change_clock where topic in (:topics)",
                java.util.Map.of("topics", Set.copyOf(topics)),
                Long.class);
        return v == null ? 0 : v;
    }

    /** The topic of an entity class: its feature, the package under {@code org.dudao}. */
    public static String topicOf(Class<?> type) {
        String name = type.getPackageName();
        String rest = name.startsWith("org.dudao.") ? name.substring("org.dudao.".length()) : name;
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    static final String BUMP = "update change_clock set version = version + 1 where topic = ?";
}
