package org.dudao.evaluation.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * Drawing lots that anyone can repeat: the candidates are put in a fixed order (by id) and shuffled by
 * {@code new Random(seed)}, so the same seed over the same candidates gives the same draw. Free of Spring, tested
 * on its own.
 */
public final class Lots {

    private Lots() {}

    /** A seed for a draw that was given none: positive and short enough to read out and type again. */
    public static long newSeed() {
        return ThreadLocalRandom.current().nextLong(1, 1_000_000_000L);
    }

    /** {@code count} of the candidates (fewer when there are fewer), in the order drawn. */
    public static <T> List<T> draw(List<T> candidates, Function<T, Long> id, int count, long seed) {
        List<T> ordered = new ArrayList<>(candidates);
        ordered.sort(Comparator.comparing(id));
        Collections.shuffle(ordered, new Random(seed));
        return List.copyOf(ordered.subList(0, Math.min(count, ordered.size())));
    }

    /**
     * A sample stratified by township: each stratum gets its share of {@code total} in proportion to its size
     * (largest remainders, ties to the stratum first in key order) and at least one, never more than it has; then
     * each stratum is drawn with its own generator seeded from {@code seed} and the stratum's position.
     */
    public static <K extends Comparable<K>, T> Map<K, List<T>> stratified(
            Map<K, List<T>> strata, Function<T, Long> id, int total, long seed) {
        List<K> keys = new ArrayList<>(strata.keySet());
        Collections.sort(keys);
        int size = strata.values().stream().mapToInt(List::size).sum();
        Map<K, Integer> shares = new LinkedHashMap<>();
        List<double[]> remainders = new ArrayList<>();
        int given = 0;
        for (int i = 0; i < keys.size(); i++) {
            int n = strata.get(keys.get(i)).size();
            double exact = size == 0 ? 0 : (double) total * n / size;
            int share = Math.min(n, Math.max(1, (int) Math.floor(exact)));
            shares.put(keys.get(i), share);
            given += share;
            remainders.add(new double[] {exact - Math.floor(exact), i});
        }
        remainders.sort((a, b) -> a[0] != b[0] ? Double.compare(b[0], a[0]) : Double.compare(a[1], b[1]));
        for (int round = 0; given < total && round < size; round++) {
            boolean added = false;
            for (double[] r : remainders) {
                K k = keys.get((int) r[1]);
                if (given < total && shares.get(k) < strata.get(k).size()) {
                    shares.merge(k, 1, Integer::sum);
                    given++;
                    added = true;
                }
            }
            if (!added) break;
        }
        Map<K, List<T>> result = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            K k = keys.get(i);
            result.put(k, draw(strata.get(k), id, shares.get(k), seed * 31 + i));
        }
        return result;
    }
}
