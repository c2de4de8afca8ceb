package org.camelbigmarker.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a list answer says about paging. The API spells it several ways (current_page or page; per_page or
 * page_count; total_entries or total_count; total_pages or nothing; bare arrays with nothing at all), so every
 * field may be null.
 */
public record PageInfo(Integer page, Integer perPage, Integer totalPages, Long totalEntries) {

    public static PageInfo of(JsonNode envelope) {
        if (envelope == null || !envelope.isObject()) {
            return new PageInfo(null, null, null, null);
        }
        Long entries = number(envelope, "total_entries", "total_count");
        Long page = number(envelope, "current_page", "page");
        Long perPage = number(envelope, "per_page", "page_count");
        Long pages = number(envelope, "total_pages");
        return new PageInfo(toInt(page), toInt(perPage), toInt(pages), entries);
    }

    /**
     * Whether a next page may hold items. Only an empty page or the server's totals prove the end: where the answer
     * shows no totals, a page shorter than the size asked for proves nothing, since a server may cap its pages below
     * it (the API document promises no page size), so the next page is read.
     *
     * @param pageNumber  the page just read
     * @param itemsOnPage items it held
     * @param seenSoFar   items on all pages read so far
     */
    public boolean hasMoreAfter(int pageNumber, int itemsOnPage, long seenSoFar) {
        if (itemsOnPage == 0) {
            return false;
        }
        if (totalPages != null) {
            return pageNumber < totalPages;
        }
        if (totalEntries != null) {
            return seenSoFar < totalEntries;
        }
        return true;
    }

    private static Long number(JsonNode envelope, String... names) {
        for (String name : names) {
            JsonNode value = envelope.get(name);
            if (value != null && (value.isNumber() || value.isTextual() && value.asText().matches("\\d+"))) {
                return value.asLong();
            }
        }
        return null;
    }

    private static Integer toInt(Long value) {
        return value == null ? null : (int) Math.min(Integer.MAX_VALUE, value);
    }
}
