package org.camelbigmarker.client;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link RequestBudget} per account of a component: every endpoint calling the same base URL with the same
 * credentials (an API key, or the email it logs in with) shares one, whichever route, producer or consumer it
 * belongs to, since a server throttles per key. The credentials stay in memory only, as the configuration holds them.
 */
public final class RequestBudgets {

    private final int perMinute;
    private final Clock clock;
    private final BigMarkerClient.Sleeper sleeper;
    private final Map<String, RequestBudget> byAccount = new ConcurrentHashMap<>();

    /** With {@code perMinute} 0 no request is paced. */
    public RequestBudgets(int perMinute, Clock clock, BigMarkerClient.Sleeper sleeper) {
        this.perMinute = perMinute;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * The budget of an account (the credentials' account, as the component decides which credentials an endpoint
     * calls with) on a base URL, or null when requests are not paced.
     */
    public RequestBudget of(String baseUrl, String account) {
        if (perMinute == 0) {
            return null;
        }
        return byAccount.computeIfAbsent(baseUrl + '\n' + account, any -> new RequestBudget(perMinute, clock, sleeper));
    }
}
