package org.camelbigmarker.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;
import org.camelbigmarker.BigMarkerOperation;
import org.camelbigmarker.client.BigMarkerApiException;
import org.camelbigmarker.docshape.BareHttpServer;
import org.camelbigmarker.testing.Callers;
import org.camelbigmarker.testing.QueryString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every rule that ends a read, against a bare server answering List Conferences page by page. */
class PagerTest {

    private final List<Integer> pagesAsked = new CopyOnWriteArrayList<>();
    private BareHttpServer server;

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    /** Serves page n as {@code pages.apply(n)}: the JSON of a List Conferences answer. */
    private Pager<String> read(IntFunction<String> pages, int maxPages) throws Exception {
        server = new BareHttpServer(request -> {
            int page = Integer.parseInt(QueryString.parse(request.rawQuery()).getOrDefault("page", "1"));
            pagesAsked.add(page);
            return new BareHttpServer.Answer(200, Map.of("Content-Type", "application/json"),
                    pages.apply(page).getBytes(StandardCharsets.UTF_8));
        });
        return new Pager<>(Callers.to("http://127.0.0.1:" + server.port() + "/api/v1", "k"),
                BigMarkerOperation.listConferences, Map.of("per_page", 2), item -> item.path("id").asText(), maxPages);
    }

    private static String page(String totals, String... ids) {
        StringBuilder items = new StringBuilder();
        for (String id : ids) {
            items.append(items.length() == 0 ? "" : ",").append("{\"id\":\"").append(id).append("\"}");
        }
        return "{\"conferences\":[" + items + "]" + totals + "}";
    }

    private static List<String> all(Pager<String> pager) throws Exception {
        List<String> ids = new ArrayList<>();
        while (pager.hasNext()) {
            ids.addAll(pager.next().items());
        }
        return ids;
    }

    @Test
    void theServersTotalsEndTheRead() throws Exception {
        Pager<String> pager = read(n -> page(",\"total_pages\":2", "c" + (2 * n - 1), "c" + (2 * n)), 10);
        assertThat(all(pager)).containsExactly("c1", "c2", "c3", "c4");
        assertThat(pager.end()).isEqualTo(Pager.End.LAST_PAGE);
        assertThat(pagesAsked).containsExactly(1, 2);
    }

    @Test
    void withoutTotalsAShortPageIsNotTheEndButAnEmptyOneIs() throws Exception {
        Pager<String> pager = read(n -> n == 1 ? page("", "c1") : n == 2 ? page("", "c2") : page(""), 10);
        assertThat(all(pager)).containsExactly("c1", "c2");
        assertThat(pager.end()).isEqualTo(Pager.End.LAST_PAGE);
        assertThat(pagesAsked).as("a server may cap its pages below the size asked for").containsExactly(1, 2, 3);
    }

    @Test
    void aServerIgnoringThePageParameterEndsTheReadUnproven() throws Exception {
        Pager<String> pager = read(n -> page("", "c1", "c2"), 10);
        assertThat(all(pager)).containsExactly("c1", "c2");
        assertThat(pager.end()).isEqualTo(Pager.End.REPEATED_PAGE);
    }

    @Test
    void moreThanMaxPagesIsAnErrorNamingTheOption() throws Exception {
        Pager<String> pager = read(n -> page(",\"total_pages\":9", "c" + n), 2);
        pager.next();
        pager.next();
        assertThatThrownBy(pager::hasNext).isInstanceOf(BigMarkerApiException.class).hasMessageContaining("maxPages");
    }

    @Test
    void aReadStartsAtThePageItIsGiven() throws Exception {
        server = new BareHttpServer(request -> {
            pagesAsked.add(Integer.parseInt(QueryString.parse(request.rawQuery()).get("page")));
            return new BareHttpServer.Answer(200, Map.of("Content-Type", "application/json"),
                    page(",\"total_pages\":3", "c").getBytes(StandardCharsets.UTF_8));
        });
        Pager<JsonNode> pager = new Pager<>(Callers.to("http://127.0.0.1:" + server.port() + "/api/v1", "k"),
                BigMarkerOperation.listConferences, Map.of("page", 3), item -> item, 10);
        assertThat(pager.next().number()).isEqualTo(3);
        assertThat(pager.hasNext()).isFalse();
        assertThat(pagesAsked).containsExactly(3);
    }
}
