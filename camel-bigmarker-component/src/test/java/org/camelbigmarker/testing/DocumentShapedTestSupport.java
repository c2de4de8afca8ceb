package org.camelbigmarker.testing;

import org.camelbigmarker.BigMarkerComponent;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camelbigmarker.docshape.DocumentShapedBigMarker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fresh document-shaped server per test, and the consumer a test starts against it with the server's driven clock
 * as the component's, so that both sides' time moves when the test says; both stopped afterwards.
 */
public abstract class DocumentShapedTestSupport {

    protected static final String KEY = "doc-shaped-key";
    protected DocumentShapedBigMarker server;
    protected ConsumerHarness consumer;

    @BeforeEach
    public void startServer() throws Exception {
        server = new DocumentShapedBigMarker();
    }

    @AfterEach
    public void stopAll() throws Exception {
        if (consumer != null) {
            consumer.close();
        }
        server.close();
    }

    /** The consumer of {@code bigmarker:<groupAndOptions>}; beans as name, value pairs. */
    protected ConsumerHarness consumer(String groupAndOptions, Object... beans) throws Exception {
        consumer = new ConsumerHarness(server.baseUrl(), KEY, groupAndOptions,
                camel -> camel.getComponent("bigmarker", BigMarkerComponent.class).setClock(server.clock()), beans);
        return consumer;
    }

    /** How often each value occurs: every item once is every count 1. */
    protected static Map<String, Long> counts(List<String> values) {
        return values.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
