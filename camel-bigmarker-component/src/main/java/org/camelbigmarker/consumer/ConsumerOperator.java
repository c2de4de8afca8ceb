package org.camelbigmarker.consumer;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.camelbigmarker.ConsumerOperations;
import org.camelbigmarker.consumer.delivery.GivenUpItems;

/**
 * A started consumer's {@link ConsumerOperations}: questions answered from its ledger and store, actions run between
 * polls ({@link OperatorActions}) and logged.
 */
final class ConsumerOperator implements ConsumerOperations {

    private final OperatorActions actions;
    private final ConsumerQueries queries;
    private final GivenUpActions givenUp;
    private final String routeId;

    ConsumerOperator(OperatorActions actions, ConsumerQueries queries, GivenUpActions givenUp, String routeId) {
        this.actions = actions;
        this.queries = queries;
        this.givenUp = givenUp;
        this.routeId = routeId;
    }

    @Override
    public ItemLookup lookup(String key) {
        return queries.lookup(key);
    }

    @Override
    public ItemLookup lookupItem(Map<String, String> identity) {
        return queries.lookupItem(identity);
    }

    @Override
    public Map<String, Object> progress() {
        return queries.progress();
    }

    @Override
    public List<String> claims() {
        return queries.claims();
    }

    @Override
    public String exportState() {
        return queries.exportState(routeId);
    }

    @Override
    public List<GivenUpItem> givenUp() {
        return queries.givenUp();
    }

    @Override
    public Redelivery redeliverGivenUp(String key) {
        return redeliver(GivenUpActions.withKey(key), "item " + key);
    }

    @Override
    public Redelivery redeliverAllGivenUp() {
        return redeliver(kept -> true, "every item");
    }

    @Override
    public Redelivery redeliverGivenUpOfConference(String conferenceId) {
        return redeliver(GivenUpActions.ofConference(conferenceId), "the items of conference " + conferenceId);
    }

    private Redelivery redeliver(Predicate<GivenUpItems.GivenUp> which, String what) {
        return actions.act(() -> givenUp.redeliver(which), done -> "redelivered " + what + " given up on: "
                + done.delivered().size() + " delivered, " + done.givenUpAgain().size() + " given up on again, "
                + done.notSent().size() + " not sent");
    }

    @Override
    public boolean discardGivenUp(String key) {
        return actions.act(() -> givenUp.discard(key), kept -> kept ? "discarded an item given up on"
                : "no item given up on with that key to discard");
    }

    @Override
    public String replayFrom(String time) {
        return actions.replayFrom(time);
    }

    @Override
    public String replayConference(String conferenceId) {
        return actions.replayConference(conferenceId);
    }

    @Override
    public String resetStore() {
        return actions.reset();
    }
}
