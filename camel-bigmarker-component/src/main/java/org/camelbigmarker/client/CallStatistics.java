package org.camelbigmarker.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one client did, for operators (the bigmarker dev console): calls, repeats, throttling answers, failures; and
 * told as it happens to a {@link CallListener}, the component's meters of the account.
 */
public final class CallStatistics {

    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong repeats = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile CallListener listener = CallListener.NONE;

    /** Also tells {@code listener} (the component's meters) what the calls came to. */
    void reportTo(CallListener listener) {
        this.listener = java.util.Objects.requireNonNull(listener, "listener");
    }

    void ended(String operation, String outcome) {
        listener.ended(operation, outcome);
    }

    void waitedForBudget(long millis) {
        if (millis > 0) {
            listener.waitedForBudget(millis);
        }
    }

    void called() {
        calls.incrementAndGet();
    }

    void repeated() {
        repeats.incrementAndGet();
        listener.repeated();
    }

    /** A 429 or 503 answer, repeated or not. */
    void throttled() {
        throttled.incrementAndGet();
    }

    void failed() {
        failed.incrementAndGet();
    }

    public long calls() {
        return calls.get();
    }

    public long repeats() {
        return repeats.get();
    }

    public long throttledAnswers() {
        return throttled.get();
    }

    public long failures() {
        return failed.get();
    }

    public Map<String, Object> asMap() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("calls", calls());
        view.put("repeats", repeats());
        view.put("throttledAnswers", throttledAnswers());
        view.put("failures", failures());
        return view;
    }
}
