package org.camelbigmarker.api;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import org.camelbigmarker.BigMarkerOperation;
import org.camelbigmarker.client.ApiResponse;
import org.camelbigmarker.client.BigMarkerApiException;
import org.camelbigmarker.client.ListAnswer;
import org.camelbigmarker.client.PageInfo;
import org.camelbigmarker.operation.Paging;

/**
 * The pages of one read of a list, fetched one at a time as they are asked for, with every rule that ends a read in
 * one place. The producer's {@code allPages} iterator, the list consumers and the report consumer all walk pages
 * through it.
 * <p>
 * A read ends, in this order of checks after each page:
 * <ol>
 * <li>an operation that is not paged: after its one page ({@link End#LAST_PAGE});</li>
 * <li>a page that repeats the one before (same first item): the server ignores the page parameter; the repeated page
 * is not returned, and the read is not proven complete ({@link End#REPEATED_PAGE});</li>
 * <li>an empty page, or the server's totals (total_pages, or total_entries reached): {@link End#LAST_PAGE}. A page
 * shorter than asked for is not an end where the answer shows no totals (a server may cap its pages): the next page
 * is read, which costs one request more per read that ends on a short page;</li>
 * <li>more pages than {@code maxPages}: an error naming the maxPages option, never an endless read.</li>
 * </ol>
 * Only the previous page's first item is kept between pages.
 *
 * @param <T> what each item is converted to as it is parsed
 */
public final class Pager<T> {

    /** How a read ended. */
    public enum End {
        /** The last page was read: proven by an empty page, or by the server's totals. */
        LAST_PAGE,
        /** A page repeated the previous one: everything the server returns was read, but nothing proves it is all. */
        REPEATED_PAGE
    }

    /** One page: its number, its converted items, what it said about paging, and BigMarker's clock when it answered. */
    public record Page<T>(int number, List<T> items, PageInfo paging, Instant serverTime) {
    }

    /**
     * The page size a consumer asks for where it chooses one (lifecycle reads, a webhook's conferences): reads that
     * reach back a day would pay two requests or more per idle poll at BigMarker's default of 20.
     */
    public static final int CONSUMER_PAGE_SIZE = 100;

    private final ApiCaller caller;
    private final BigMarkerOperation operation;
    private final Map<String, Object> parameters;
    private final Function<JsonNode, T> converter;
    private final int maxPages;
    private final Paging paging;
    private int pageNumber;
    private int pagesRead;
    private long seen;
    private JsonNode previousFirstItem;
    private Page<T> prefetched;
    private End end;

    /**
     * @param parameters the read's parameters; the page parameter, if given, is the first page to read
     * @param maxPages   the most pages one read may take
     */
    public Pager(ApiCaller caller, BigMarkerOperation operation, Map<String, Object> parameters,
                 Function<JsonNode, T> converter, int maxPages) {
        this.caller = caller;
        this.operation = operation;
        this.parameters = new LinkedHashMap<>(parameters);
        this.converter = converter;
        this.maxPages = maxPages;
        this.paging = operation.result().paging();
        Integer firstPage = paging == Paging.NONE ? null : intParameter(parameters.get(paging.pageParameter()));
        this.pageNumber = (firstPage == null ? 1 : firstPage) - 1;
    }

    /** Starts with a first page already read (the producer reads it to set its headers). */
    public Pager<T> startingWith(ApiResponse firstAnswer) {
        prefetched = accept(firstAnswer);
        return this;
    }

    public boolean hasNext() throws IOException {
        if (prefetched == null && end == null) {
            if (pagesRead >= maxPages) {
                throw new BigMarkerApiException(operation.name(), 200, "too_many_pages",
                        "the list has more than maxPages (" + maxPages + ") pages; raise maxPages, ask for larger"
                                                                          + " pages (per_page), or narrow the list",
                        0);
            }
            prefetched = accept(fetch(pageNumber + 1));
        }
        return prefetched != null;
    }

    public Page<T> next() throws IOException {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Page<T> page = prefetched;
        prefetched = null;
        return page;
    }

    /** How the read ended; null while pages may follow. */
    public End end() {
        return end;
    }

    private ApiResponse fetch(int number) throws IOException {
        if (paging != Paging.NONE) {
            parameters.put(paging.pageParameter(), number);
        }
        return caller.call(operation, parameters);
    }

    /** Reads one answer and applies the rules; null when it repeated the page before. */
    private Page<T> accept(ApiResponse answer) {
        pageNumber++;
        pagesRead++;
        ListAnswer<T> list = answer.readList(operation.result().itemsKey(), converter);
        int size = list.items().size();
        if (paging == Paging.NONE) {
            end = End.LAST_PAGE;
            return page(list, answer);
        }
        if (list.firstItem() != null && list.firstItem().equals(previousFirstItem)) {
            end = End.REPEATED_PAGE;
            return null;
        }
        previousFirstItem = list.firstItem();
        seen += size;
        if (!list.paging().hasMoreAfter(pageNumber, size, seen)) {
            end = End.LAST_PAGE;
        }
        return page(list, answer);
    }

    private Page<T> page(ListAnswer<T> list, ApiResponse answer) {
        return new Page<>(pageNumber, list.items(), list.paging(), answer.serverTime());
    }

    private static Integer intParameter(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.toString().trim());
        } catch (NumberFormatException notANumber) {
            return null; // the request's validation names it
        }
    }
}
