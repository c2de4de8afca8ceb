package org.camelbigmarker.producer;

import org.camelbigmarker.BigMarkerConfiguration;
import org.camelbigmarker.BigMarkerGroup;
import org.camelbigmarker.BigMarkerOperation;
import org.camelbigmarker.api.ApiCaller;

/**
 * What a producer takes from its endpoint: the producer never sees the endpoint or the component. Read when a message
 * is processed, since Camel may create a producer before its endpoint started.
 */
public interface ProducerSetup {

    BigMarkerGroup group();

    BigMarkerConfiguration configuration();

    /** The endpoint's caller (a producer's requests go before consumers' under a request budget). */
    ApiCaller caller();

    /** Fails, naming the option, when {@code operation} needs credentials and the endpoint has none. */
    void checkCredentialsFor(BigMarkerOperation operation);
}
