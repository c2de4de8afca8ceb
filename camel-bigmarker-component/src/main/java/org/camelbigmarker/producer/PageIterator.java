package org.camelbigmarker.producer;

import java.io.IOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;

import org.apache.camel.RuntimeCamelException;
import org.camelbigmarker.api.Pager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every item of a paged list as one Iterator, one page in memory at a time: the next page is fetched only when the
 * items of the current one are used up. When and how the pages end is the {@link Pager}'s to decide.
 */
final class PageIterator implements Iterator<Object> {

    private static final Logger LOG = LoggerFactory.getLogger(PageIterator.class);

    private final Pager<Object> pager;
    private Iterator<Object> current;

    PageIterator(Pager<Object> pager, Pager.Page<Object> firstPage) {
        this.pager = pager;
        this.current = firstPage.items().iterator();
    }

    @Override
    public boolean hasNext() {
        try {
            while (!current.hasNext()) {
                if (!pager.hasNext()) {
                    if (pager.end() == Pager.End.REPEATED_PAGE) {
                        LOG.warn("BigMarker returned a page identical to the page before; stopping (the server may"
                                 + " ignore the page parameter)");
                    }
                    current = Collections.emptyIterator();
                    return false;
                }
                current = pager.next().items().iterator();
            }
            return true;
        } catch (IOException failure) {
            throw new RuntimeCamelException("Reading the next page failed: " + failure.getMessage(), failure);
        }
    }

    @Override
    public Object next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.next();
    }
}
