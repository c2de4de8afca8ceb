package org.camelbigmarker.consumer.delivery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.camelbigmarker.consumer.delivery.Claims.Claim;

/**
 * What a consumer holds in memory while it delivers: the items reserved or in the route, each with its claim and the
 * rounds waiting for it, and the items completed but not written to the store yet, each with the claim that still
 * guards it. The {@link DeliveryLedger} decides; this keeps count.
 */
final class Flights {

    private record Flight(Claim claim, List<DeliveryRound> rounds) {
    }

    private final Map<String, Flight> inFlight = new ConcurrentHashMap<>();
    private final Map<String, Claim> completedUnrecorded = new ConcurrentHashMap<>();

    /** Reserves {@code key} for {@code claim}'s delivery unless it is in flight or completed here; true when it was. */
    boolean reserve(String key, Claim claim) {
        return !completedUnrecorded.containsKey(key)
               && inFlight.putIfAbsent(key, new Flight(claim, new CopyOnWriteArrayList<>())) == null;
    }

    /** Makes {@code round} wait for the item's flight, which must be under way. */
    void join(String key, DeliveryRound round) {
        inFlight.get(key).rounds().add(round);
    }

    /** Makes {@code round} wait for an item in flight; false when it is not (atomic with the flight's end). */
    boolean joinIfInFlight(String key, DeliveryRound round) {
        boolean[] held = new boolean[1];
        inFlight.computeIfPresent(key, (inFlightKey, flight) -> {
            round.expectOne();
            flight.rounds().add(round);
            held[0] = true;
            return flight;
        });
        return held[0];
    }

    /** The item's exchange completed: it waits to be recorded under its claim. Returns the rounds that waited. */
    List<DeliveryRound> complete(String key) {
        Flight flight = inFlight.get(key);
        completedUnrecorded.put(key, flight != null ? flight.claim() : Claims.NONE);
        return end(key);
    }

    /** Ends the item's flight; returns the rounds that waited for it. */
    List<DeliveryRound> end(String key) {
        Flight flight = inFlight.remove(key);
        return flight == null ? List.of() : flight.rounds();
    }

    /** IN_FLIGHT, DELIVERED (completed, not recorded yet) or null when nothing about it is held here. */
    ItemState stateHere(String key) {
        return inFlight.containsKey(key) ? ItemState.IN_FLIGHT
                : completedUnrecorded.containsKey(key) ? ItemState.DELIVERED : null;
    }

    /** Every claim that still guards an item here: in flight, or completed and not recorded. */
    Set<Claim> heldClaims() {
        Set<Claim> held = new LinkedHashSet<>();
        inFlight.values().forEach(flight -> held.add(flight.claim()));
        held.addAll(completedUnrecorded.values());
        return held;
    }

    /** The keys of {@code claim} it still guards here. */
    List<String> keysHeldBy(Claim claim) {
        return claim.grantedKeys().stream().filter(key -> completedUnrecorded.get(key) == claim
                || inFlight.get(key) != null && inFlight.get(key).claim() == claim).toList();
    }

    List<String> unrecorded() {
        return new ArrayList<>(completedUnrecorded.keySet());
    }

    void recorded(Collection<String> keys) {
        keys.forEach(completedUnrecorded::remove);
    }

    List<String> inFlightKeys() {
        return List.copyOf(new TreeSet<>(inFlight.keySet()));
    }

    int inFlightCount() {
        return inFlight.size();
    }
}
