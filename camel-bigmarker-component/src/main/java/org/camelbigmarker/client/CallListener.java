package org.camelbigmarker.client;

/** Told what a client's calls came to, for the component's meters. Called on the calling thread: it must be quick. */
public interface CallListener {

    /** A call ended: {@code outcome} is its last answer's status class (2xx, 4xx, 5xx), 429, or io. */
    void ended(String operation, String outcome);

    /** An attempt is repeated (after 429, 503, an empty answer or an I/O error). */
    void repeated();

    /** A request waited this long for its slot of the request budget. */
    void waitedForBudget(long millis);

    CallListener NONE = new CallListener() {
        @Override
        public void ended(String operation, String outcome) {
        }

        @Override
        public void repeated() {
        }

        @Override
        public void waitedForBudget(long millis) {
        }
    };

    /** The outcome of an answer with this status, as {@link #ended} names it. */
    static String outcomeOf(int status) {
        return status == 429 ? "429" : status / 100 + "xx";
    }
}
