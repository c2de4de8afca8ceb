package org.camelbigmarker.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;

/** A consumer's exception handler for tests: keeps the message of every failure it is told of. */
public final class RecordingExceptionHandler implements ExceptionHandler {

    public final List<String> messages = new CopyOnWriteArrayList<>();

    @Override
    public void handleException(Throwable exception) {
        messages.add(exception.getMessage());
    }

    @Override
    public void handleException(String message, Throwable exception) {
        messages.add(message);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        messages.add(message);
    }
}
