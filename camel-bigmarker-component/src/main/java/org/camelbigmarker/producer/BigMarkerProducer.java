package org.camelbigmarker.producer;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;
import org.camelbigmarker.api.JsonSupport;
import org.camelbigmarker.api.Pager;
import org.camelbigmarker.api.ParameterCollector;
import org.camelbigmarker.api.ResultMapper;
import org.camelbigmarker.client.PageInfo;
import org.camelbigmarker.BigMarkerConfiguration;
import org.camelbigmarker.BigMarkerConstants;
import org.camelbigmarker.BigMarkerOperation;
import org.camelbigmarker.OutputType;
import org.camelbigmarker.client.ApiResponse;
import org.camelbigmarker.client.ListAnswer;
import org.camelbigmarker.operation.InvalidParameterException;
import org.camelbigmarker.operation.Paging;
import org.camelbigmarker.operation.ResultSpec;

/**
 * Performs one operation per message: resolves the operation, gathers and checks its parameters, sends the request,
 * and puts the mapped result in the body (paging information in headers).
 */
public class BigMarkerProducer extends DefaultProducer {

    private final ProducerSetup endpoint;
    private final ResultMapper results = new ResultMapper(JsonSupport.mapper());

    public BigMarkerProducer(Endpoint endpoint, ProducerSetup setup) {
        super(endpoint);
        this.endpoint = setup;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        BigMarkerConfiguration configuration = endpoint.configuration();
        BigMarkerOperation operation = resolveOperation(message);
        Map<String, Object> parameters = ParameterCollector.collect(operation, configuration.getParameters(),
                configuration.getConferenceId(), configuration.getChannelId(), message);
        endpoint.checkCredentialsFor(operation);
        ResultSpec result = operation.result();
        boolean allPages = result.paged() && allPages(message);
        if (allPages) {
            // every page request names its page, the first one too
            parameters.put(result.paging().pageParameter(), firstPageNumber(operation, parameters));
        }
        ApiResponse first = send(operation, parameters);
        message.setHeader(BigMarkerConstants.HTTP_STATUS, first.status());
        OutputType outputType = configuration.getOutputType();
        if (!result.list()) {
            message.setBody(results.single(operation, first, outputType));
            return;
        }
        Function<JsonNode, Object> converter = results.itemConverter(operation, outputType);
        List<Object> items;
        PageInfo paging;
        if (allPages) {
            Pager<Object> pager = new Pager<>(endpoint.caller(), operation, parameters, converter,
                    configuration.getMaxPages()).startingWith(first);
            Pager.Page<Object> page = pager.next();
            items = page.items();
            paging = page.paging();
            message.setBody(new PageIterator(pager, page));
        } else {
            ListAnswer<Object> page = first.readList(result.itemsKey(), converter);
            items = page.items();
            paging = page.paging();
            message.setBody(results.listBody(items, outputType));
        }
        if (result.paged()) {
            setPagingHeaders(message, operation, parameters, paging, items.size());
        }
    }

    private ApiResponse send(BigMarkerOperation operation, Map<String, Object> parameters) throws IOException {
        return endpoint.caller().call(operation, parameters);
    }

    private BigMarkerOperation resolveOperation(Message message) {
        Object fromHeader = message.getHeader(BigMarkerConstants.OPERATION);
        BigMarkerOperation operation = fromHeader == null ? endpoint.configuration().getOperation()
                : fromHeader instanceof BigMarkerOperation given ? given : byName(fromHeader.toString());
        if (operation == null) {
            throw new InvalidParameterException("operation", "is missing: set the operation option or the "
                                                             + BigMarkerConstants.OPERATION + " header; group "
                                                             + endpoint.group() + " has "
                                                             + BigMarkerOperation.of(endpoint.group()));
        }
        return operation.checkGroup(endpoint.group());
    }

    private BigMarkerOperation byName(String name) {
        try {
            return BigMarkerOperation.valueOf(name.trim());
        } catch (IllegalArgumentException unknown) {
            throw new InvalidParameterException("operation", "'" + name + "' is not a BigMarker operation; group "
                                                             + endpoint.group() + " has "
                                                             + BigMarkerOperation.of(endpoint.group())
                                                             + " (all: " + Arrays.toString(BigMarkerOperation.values())
                                                             + ")");
        }
    }

    private boolean allPages(Message message) {
        Boolean fromHeader = message.getHeader(BigMarkerConstants.ALL_PAGES, Boolean.class);
        return fromHeader != null ? fromHeader : endpoint.configuration().isAllPages();
    }

    private void setPagingHeaders(Message message, BigMarkerOperation operation, Map<String, Object> parameters,
                                  PageInfo info, int itemsOnPage) {
        int page = info.page() != null ? info.page() : firstPageNumber(operation, parameters);
        Integer pageSize = info.perPage() != null ? info.perPage() : requestedPageSize(parameters);
        long seen = (long) (page - 1) * (pageSize == null ? itemsOnPage : pageSize) + itemsOnPage;
        message.setHeader(BigMarkerConstants.PAGE, page);
        message.setHeader(BigMarkerConstants.PER_PAGE, info.perPage());
        message.setHeader(BigMarkerConstants.TOTAL_PAGES, info.totalPages());
        message.setHeader(BigMarkerConstants.TOTAL_ENTRIES, info.totalEntries());
        message.setHeader(BigMarkerConstants.HAS_MORE_PAGES, info.hasMoreAfter(page, itemsOnPage, seen));
    }

    private static int firstPageNumber(BigMarkerOperation operation, Map<String, Object> parameters) {
        Object page = parameters.get(operation.result().paging().pageParameter());
        return page == null ? 1 : Integer.parseInt(page.toString().trim());
    }

    private static Integer requestedPageSize(Map<String, Object> parameters) {
        Object perPage = parameters.get(Paging.PER_PAGE);
        return perPage == null ? null : Integer.valueOf(perPage.toString().trim());
    }
}
