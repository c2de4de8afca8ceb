package org.camelbigmarker.consumer.delivery;

import java.util.Collection;
import java.util.Map;

import org.camelbigmarker.consumer.delivery.Emitter.ItemState;

/** Where items stand (in flight, delivered, new), how to wait for one in flight, and recording without delivering. */
public interface ItemStates {

    Map<String, ItemState> states(Collection<String> keys);

    boolean holdUntilDelivered(String key, DeliveryRound round);

    void markSeen(Collection<String> keys);
}
