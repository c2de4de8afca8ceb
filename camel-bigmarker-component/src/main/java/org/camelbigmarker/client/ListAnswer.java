package org.camelbigmarker.client;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One page of a list answer, read item by item: each item was converted as soon as it was parsed, so no tree of the
 * whole page was ever built.
 *
 * @param paging    what the envelope says about paging (all null for a bare array)
 * @param items     the converted items, in the answer's order
 * @param firstItem the first item as parsed, before conversion (null for an empty page): tells a repeated page
 */
public record ListAnswer<T>(PageInfo paging, List<T> items, JsonNode firstItem) {
}
