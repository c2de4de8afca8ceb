package org.camelbigmarker.producer;

import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.apache.camel.RuntimeCamelException;
import org.camelbigmarker.api.PageInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every item of a paged list, one page in memory at a time: the next page is fetched only when the items of the
 * current one are used up. Stops on an empty or short page, on the server's totals, or when a page repeats the
 * previous one (a server ignoring the page parameter would otherwise be read forever).
 */
final class PageIterator implements Iterator<Object> {

    private static final Logger LOG = LoggerFactory.getLogger(PageIterator.class);

    /** Reads one page: the answer's JSON, already checked for errors. */
    @FunctionalInterface
    interface PageReader {
        JsonNode read(int pageNumber) throws IOException;
    }

    /** Extracts and converts the items of one answer. */
    interface PageItems {
        ArrayNode items(JsonNode answer);

        Object convert(JsonNode item);
    }

    private final PageReader reader;
    private final PageItems pageItems;
    private final Integer requestedPageSize;
    private Integer fullPageSize;
    private int pageNumber;
    private long seen;
    private Iterator<JsonNode> current;
    private JsonNode firstItemOfPage;
    private boolean morePages;

    PageIterator(PageReader reader, PageItems pageItems, int firstPageNumber, JsonNode firstAnswer,
                 Integer requestedPageSize) {
        this.reader = reader;
        this.pageItems = pageItems;
        this.requestedPageSize = requestedPageSize;
        this.pageNumber = firstPageNumber;
        accept(firstAnswer);
    }

    private void accept(JsonNode answer) {
        ArrayNode items = pageItems.items(answer);
        if (fullPageSize == null) {
            fullPageSize = requestedPageSize != null ? requestedPageSize : items.size();
        }
        JsonNode first = items.isEmpty() ? null : items.get(0);
        if (first != null && first.equals(firstItemOfPage)) {
            LOG.warn("BigMarker returned page {} identical to the page before; stopping (the server may ignore the"
                     + " page parameter)", pageNumber);
            current = java.util.Collections.emptyIterator();
            morePages = false;
            return;
        }
        firstItemOfPage = first;
        seen += items.size();
        current = items.iterator();
        morePages = PageInfo.of(answer).hasMoreAfter(pageNumber, items.size(), seen, fullPageSize);
    }

    @Override
    public boolean hasNext() {
        while (!current.hasNext() && morePages) {
            pageNumber++;
            try {
                accept(reader.read(pageNumber));
            } catch (IOException failure) {
                throw new RuntimeCamelException("Reading page " + pageNumber + " failed", failure);
            }
        }
        return current.hasNext();
    }

    @Override
    public Object next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return pageItems.convert(current.next());
    }
}
