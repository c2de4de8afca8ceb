package org.camelbigmarker.metrics;

import java.util.Map;

import org.camelbigmarker.BigMarkerOperation;
import org.camelbigmarker.client.CallListener;

/**
 * The meters of the calls to one BigMarker host (tag {@code host}: the base URL's host, never a key): requests by
 * operation group and outcome, repeats, time waited for the request budget. Every client of the host reports here.
 */
public final class AccountMeters implements CallListener {

    private final MeterBoard board;
    private final Map<String, String> scope;

    public AccountMeters(MeterBoard board, String host) {
        this.board = board;
        this.scope = Map.of("host", host);
        board.counter(BigMarkerMeter.REQUEST_REPEATS, scope);
        board.counter(BigMarkerMeter.BUDGET_WAIT, scope);
    }

    @Override
    public void ended(String operation, String outcome) {
        board.counter(BigMarkerMeter.REQUESTS, MeterBoard.with(scope, "group", groupOf(operation), "outcome",
                outcome)).add(1);
    }

    @Override
    public void repeated() {
        board.counter(BigMarkerMeter.REQUEST_REPEATS, scope).add(1);
    }

    @Override
    public void waitedForBudget(long millis) {
        board.counter(BigMarkerMeter.BUDGET_WAIT, scope).add(millis / 1000.0);
    }

    public double total(BigMarkerMeter meter) {
        return board.total(meter, scope);
    }

    private static String groupOf(String operation) {
        try {
            return BigMarkerOperation.valueOf(operation).group().name();
        } catch (IllegalArgumentException notAnOperation) {
            return "other";
        }
    }
}
