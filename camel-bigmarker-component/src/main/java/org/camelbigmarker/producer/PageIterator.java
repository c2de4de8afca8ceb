package org.camelbigmarker.producer;

import java.io.IOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;

import org.apache.camel.RuntimeCamelException;
import org.camelbigmarker.client.ListAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every item of a paged list, one page in memory at a time: the next page is fetched only when the items of the
 * current one are used up. Stops on an empty or short page, on the server's totals, or when a page repeats the
 * previous one (a server ignoring the page parameter would otherwise be read forever).
 */
final class PageIterator implements Iterator<Object> {

    private static final Logger LOG = LoggerFactory.getLogger(PageIterator.class);

    /** Reads one page, its items already converted. */
    @FunctionalInterface
    interface PageReader {
        ListAnswer<Object> read(int pageNumber) throws IOException;
    }

    private final PageReader reader;
    private final Integer requestedPageSize;
    private Integer fullPageSize;
    private int pageNumber;
    private long seen;
    private Iterator<Object> current;
    private Object firstItemOfPage;
    private boolean morePages;

    PageIterator(PageReader reader, int firstPageNumber, ListAnswer<Object> firstAnswer, Integer requestedPageSize) {
        this.reader = reader;
        this.requestedPageSize = requestedPageSize;
        this.pageNumber = firstPageNumber;
        accept(firstAnswer);
    }

    private void accept(ListAnswer<Object> answer) {
        int size = answer.items().size();
        if (fullPageSize == null) {
            fullPageSize = requestedPageSize != null ? requestedPageSize : size;
        }
        if (answer.firstItem() != null && answer.firstItem().equals(firstItemOfPage)) {
            LOG.warn("BigMarker returned page {} identical to the page before; stopping (the server may ignore the"
                     + " page parameter)", pageNumber);
            current = Collections.emptyIterator();
            morePages = false;
            return;
        }
        firstItemOfPage = answer.firstItem();
        seen += size;
        current = answer.items().iterator();
        morePages = answer.paging().hasMoreAfter(pageNumber, size, seen, fullPageSize);
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
        return current.next();
    }
}
