package org.camelbigmarker;

import org.apache.camel.Consumer;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;

/** A consumer's lifecycle outside the happy path. */
class ConsumerLifecycleTest {

    @Test
    void aConsumerThatNeverStartedStopsQuietly() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.start();
            Consumer consumer = camel.getEndpoint("bigmarker:registrations?operation=listRegistrations"
                                                  + "&conferenceId=c1&apiKey=k").createConsumer(exchange -> {
                                                  });
            consumer.init(); // what a route does whose cluster policy never lets it lead
            assertThatCode(consumer::stop).doesNotThrowAnyException();
        }
    }
}
