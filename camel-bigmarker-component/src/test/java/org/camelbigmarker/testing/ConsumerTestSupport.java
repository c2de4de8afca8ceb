package org.camelbigmarker.testing;

import org.camelbigmarker.BigMarkerComponent;
import java.util.ArrayList;
import java.util.List;

import org.camelbigmarker.sandbox.BigMarkerSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh sandbox per test, and the consumer harnesses a test starts, all stopped afterwards. */
public abstract class ConsumerTestSupport {

    protected BigMarkerSandbox server;
    /** The components' local clock in {@link #drivenHarness}: schedules (reconciliation, rechecks) move with it. */
    protected final org.camelbigmarker.testing.DrivenClock localClock = new org.camelbigmarker.testing.DrivenClock();
    private final List<ConsumerHarness> harnesses = new ArrayList<>();

    @BeforeEach
    public void startServer() throws Exception {
        server = BigMarkerSandbox.start();
    }

    @AfterEach
    public void stopAll() {
        harnesses.forEach(ConsumerHarness::close);
        server.close();
    }

    /** A started route from {@code bigmarker:<groupAndOptions>} against the sandbox; beans as name, value pairs. */
    protected ConsumerHarness harness(String groupAndOptions, Object... beans) throws Exception {
        ConsumerHarness harness = new ConsumerHarness(server, groupAndOptions, beans);
        harnesses.add(harness);
        return harness;
    }

    /** The same, with {@link #localClock} as the component's clock: the test moves it instead of sleeping. */
    protected ConsumerHarness drivenHarness(String groupAndOptions, Object... beans) throws Exception {
        ConsumerHarness harness = new ConsumerHarness(server.baseUrl(), BigMarkerSandbox.API_KEY, groupAndOptions,
                camel -> camel.getComponent("bigmarker", BigMarkerComponent.class).setClock(localClock), beans);
        harnesses.add(harness);
        return harness;
    }
}
