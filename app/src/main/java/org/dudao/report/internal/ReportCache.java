package org.dudao.report.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.dudao.shared.ChangeClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The reports' figures remembered on this node while nothing they are made of has changed anywhere in the
 * cluster: each request reads the {@link ChangeClock} of the features they count (one indexed select) and
 * computes again when it moved since. Keys carry the language and the minute, so labels follow the caller and
 * the ages of open items (counted in days from now) move on without a write. Bounded, least recently used first.
 */
@Component
class ReportCache {

    /** The features whose tables the dashboard and the 目标考核 read (cases: its 通报批评). */
    static final List<String> TOPICS = List.of("evaluation", "rectification", "org", "report", "cases");

    private record Entry(long version, Object value) {}

    /** What a figure depends on besides its own arguments. */
    private record Key(String report, List<Object> arguments, Locale locale, Instant minute) {}

    private final ChangeClock changes;
    private final Clock clock;
    private final Map<Key, Entry> entries;

    ReportCache(ChangeClock changes, Clock clock, @Value("${dudao.report.cache-size:2000}") int size) {
        this.changes = changes;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
                return size() > size;
            }
        };
    }

    /**
     * The remembered value of {@code report} for these arguments, or a fresh one. The version is read before
     * computing: a write committed meanwhile is either in the result or moves the version again.
     */
    @SuppressWarnings("unchecked")
    <T> T get(String report, List<Object> arguments, Supplier<T> compute) {
        long version = changes.version(TOPICS);
        Key key = new Key(
                report,
                arguments,
                LocaleContextHolder.getLocale(),
                Instant.now(clock).truncatedTo(ChronoUnit.MINUTES));
        Entry known;
        synchronized (entries) {
            known = entries.get(key);
        }
        if (known != null && known.version() == version) {
            return (T) known.value();
        }
        T value = compute.get();
        synchronized (entries) {
            entries.merge(
                    key, new Entry(version, value), (old, fresh) -> old.version() > fresh.version() ? old : fresh);
        }
        return value;
    }
}
