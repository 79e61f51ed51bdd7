package org.dudao.rectification;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.dudao.rectification.internal.ItemStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only figures of rectification items for reports, counted by the database. Every method takes the
 * materialised path of a unit: the caller has checked that the user may read it, as no method here checks scope.
 */
@Service
@Transactional(readOnly = true)
public class RectificationStats {

    /** Upper ends of the age buckets in days: ≤30, 31–90, 91–180, 181–365 and over 365 days open. */
    public static final List<Integer> AGE_LIMITS = List.of(30, 90, 180, 365);

    /**
     * Items not yet 已销号: how many, how many past their deadline (逾期), and per age bucket (one more count than
     * {@link #AGE_LIMITS}); the age is counted in whole days since the item was drafted, as on the item itself.
     */
    public record OpenItems(long open, long overdue, List<Long> byAge) {}

    /** An item whose deadline fell in a year: where it is and whether it was late (deadline passed before 销号). */
    public record DueItem(String unitPath, LocalDate deadline, boolean late) {}

    private final EntityManager em;
    private final Clock clock;

    RectificationStats(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    public OpenItems open(String path) {
        Instant now = Instant.now(clock);
        // age ≤ n days ⇔ drafted less than n + 1 days ago
        List<Instant> bounds =
                AGE_LIMITS.stream().map(n -> now.minus(Duration.ofDays(n + 1L))).toList();
        Object[] row = em.createQuery("""
                        select count(r),
                        sum(case when r.deadline < :today then 1 else 0 end),
                        sum(case when r.createdAt > :b0 then 1 else 0 end),
                        sum(case when r.createdAt <= :b0 and r.createdAt > :b1 then 1 else 0 end),
                        sum(case when r.createdAt <= :b1 and r.createdAt > :b2 then 1 else 0 end),
                        sum(case when r.createdAt <= :b2 and r.createdAt > :b3 then 1 else 0 end),
                        sum(case when r.createdAt <= :b3 then 1 else 0 end)
                        from Rectification r where r.unitPath like concat(:path, '%') and r.status <> :closed""", Object[].class)
                .setParameter("path", path)
                .setParameter("closed", ItemStatus.CLOSED)
                .setParameter("today", LocalDate.now(clock))
                .setParameter("b0", bounds.get(0))
                .setParameter("b1", bounds.get(1))
                .setParameter("b2", bounds.get(2))
                .setParameter("b3", bounds.get(3))
                .getSingleResult();
        List<Long> ages = new ArrayList<>();
        for (int i = 2; i < row.length; i++) {
            ages.add(number(row[i]));
        }
        return new OpenItems(number(row[0]), number(row[1]), ages);
    }

    /**
     * Items under {@code path} whose deadline falls in {@code year} and has passed: late when not 已销号 by the end
     * of the deadline day (still open, or closed later).
     */
    public List<DueItem> dueIn(int year, String path) {
        LocalDate today = LocalDate.now(clock);
        ZoneId zone = clock.getZone();
        return em
                .createQuery("""
                        select r.unitPath, r.deadline, r.closedAt from Rectification r
                        where r.unitPath like concat(:path, '%') and r.deadline >= :from and r.deadline <= :to
                        and r.deadline < :today""", Object[].class)
                .setParameter("path", path)
                .setParameter("from", LocalDate.of(year, 1, 1))
                .setParameter("to", LocalDate.of(year, 12, 31))
                .setParameter("today", today)
                .getResultList()
                .stream()
                .map(r -> {
                    LocalDate deadline = (LocalDate) r[1];
                    Instant closed = (Instant) r[2];
                    boolean late =
                            closed == null || closed.atZone(zone).toLocalDate().isAfter(deadline);
                    return new DueItem((String) r[0], deadline, late);
                })
                .toList();
    }

    private static long number(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
