package org.camelbigmarker.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** What one client did, for operators (the bigmarker dev console): calls, repeats, throttling answers, failures. */
public final class CallStatistics {

    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong repeats = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    void called() {
        calls.incrementAndGet();
    }

    void repeated() {
        repeats.incrementAndGet();
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
