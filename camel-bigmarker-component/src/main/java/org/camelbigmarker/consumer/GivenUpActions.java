package org.camelbigmarker.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import org.camelbigmarker.ConsumerOperations.Redelivery;
import org.camelbigmarker.consumer.delivery.GivenUpItems;
import org.camelbigmarker.consumer.webhook.WebhookReceiver;
import org.camelbigmarker.metrics.ConsumerMeters;
import org.camelbigmarker.state.ConsumerStore;

/**
 * An operator's redelivery of items given up on: each is forgotten as delivered, sent into the route now as a poll
 * would send it (claimed, tracked, recorded), and its record removed once its exchange completed; if the route fails
 * again, it is given up on again and kept. Items kept without their content cannot be sent and are left as they are.
 */
final class GivenUpActions {

    private final GivenUpItems givenUp;
    private final ConsumerStore store;
    private final DirectDelivery delivery;

    GivenUpActions(GivenUpItems givenUp, ConsumerStore store, DirectDelivery delivery) {
        this.givenUp = givenUp;
        this.store = store;
        this.delivery = delivery;
    }

    Redelivery redeliver(Predicate<GivenUpItems.GivenUp> which) {
        List<String> delivered = new ArrayList<>();
        List<String> failedAgain = new ArrayList<>();
        List<String> notSent = new ArrayList<>();
        for (GivenUpItems.GivenUp kept : givenUp.all()) {
            if (!which.test(kept)) {
                continue;
            }
            if (kept.item() == null) {
                notSent.add(kept.key());
                continue;
            }
            switch (redeliver(kept)) {
                case DELIVERED -> delivered.add(kept.key());
                case ROUTE_FAILED -> failedAgain.add(kept.key());
                default -> notSent.add(kept.key());
            }
        }
        return new Redelivery(delivered, failedAgain, notSent);
    }

    static Predicate<GivenUpItems.GivenUp> withKey(String key) {
        return kept -> kept.key().equals(key);
    }

    static Predicate<GivenUpItems.GivenUp> ofConference(String conferenceId) {
        return kept -> Objects.equals(kept.conferenceId(), conferenceId);
    }

    /**
     * DELIVERED, ROUTE_FAILED (given up on again, and kept), or what kept it from being sent: STOPPING and a failure
     * to send put it back as it was; DELIVERING_ELSEWHERE leaves it to the delivery that holds it.
     */
    private WebhookReceiver.Outcome redeliver(GivenUpItems.GivenUp kept) {
        givenUp.remove(kept.key());
        store.forget(List.of(kept.key()));
        WebhookReceiver.Outcome outcome;
        try {
            outcome = delivery.deliver(kept.item(), ConsumerMeters.REDELIVERY);
        } catch (Exception notSent) {
            outcome = WebhookReceiver.Outcome.STOPPING;
        }
        if (outcome == WebhookReceiver.Outcome.STOPPING) {
            restore(kept);
        }
        return outcome == WebhookReceiver.Outcome.DELIVERED && givenUp.get(kept.key()).isPresent()
                ? WebhookReceiver.Outcome.ROUTE_FAILED : outcome;
    }

    /** Puts an item that was not sent back as it was: recorded as delivered (so no read sends it) and kept. */
    private void restore(GivenUpItems.GivenUp kept) {
        if (givenUp.get(kept.key()).isEmpty()) {
            givenUp.keep(kept.item(), kept.attempts(), kept.failure());
        }
        store.markDelivered(List.of(kept.key()), kept.at().getEpochSecond());
    }

    boolean discard(String key) {
        boolean kept = givenUp.get(key).isPresent();
        givenUp.remove(key);
        return kept;
    }
}
