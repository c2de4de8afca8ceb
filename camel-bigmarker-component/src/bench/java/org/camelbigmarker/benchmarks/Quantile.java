package org.camelbigmarker.benchmarks;

import java.util.List;

/** Nearest-rank quantiles of measured values, the one definition every table of the benchmarks uses. */
final class Quantile {

    private Quantile() {
    }

    /** The value at {@code quantile} (0.5 median, 0.99 p99, 1.0 max) of values sorted ascending, not empty. */
    static long of(List<Long> sorted, double quantile) {
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1);
        return sorted.get(Math.max(0, index));
    }
}
