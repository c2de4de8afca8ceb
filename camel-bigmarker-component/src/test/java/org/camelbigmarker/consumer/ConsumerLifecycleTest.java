package org.camelbigmarker.consumer;

import java.util.HashMap;

import org.apache.camel.Consumer;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
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

    @Test
    void theRepositoriesAConsumerMadeItsStoreOfStopWithIt() throws Exception {
        MemoryIdempotentRepository keys = new MemoryIdempotentRepository(new HashMap<>());
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind("keys", keys);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("bigmarker:registrations?operation=listRegistrations&conferenceId=c1&apiKey=k"
                     + "&idempotentRepository=#keys&initialDelay=3600000").to("mock:out");
            }
        });
        camel.start();
        assertThat(keys.isStarted()).as("started with the consumer").isTrue();
        camel.stop();
        assertThat(keys.isStopped()).as("stopped with the consumer, as Camel's idempotent consumer does").isTrue();
    }
}
