package org.camelbigmarker.client;

import org.camelbigmarker.operation.InvalidParameterException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** baseUrl is refused when it would be altered silently, and warned about when it sends the key somewhere odd. */
class BaseUrlTest {

    private static InvalidParameterException refused(String url) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> BaseUrl.check(url, true));
        assertThat(thrown).as(url).isInstanceOf(InvalidParameterException.class);
        InvalidParameterException error = (InvalidParameterException) thrown;
        assertThat(error.getParameter()).isEqualTo("baseUrl");
        return error;
    }

    @Test
    void userInfoIsRefusedAndTheMessageDoesNotRepeatIt() {
        InvalidParameterException error = refused("https://admin:hunter2-secret@acme.bigmarker.com/api/v1");
        assertThat(error.getMessage()).contains("user name or password").doesNotContain("hunter2-secret")
                .doesNotContain("admin");
    }

    @Test
    void aQueryOrAFragmentIsRefused() {
        assertThat(refused("https://www.bigmarker.com/api/v1?debug=1").getMessage()).contains("query");
        assertThat(refused("https://www.bigmarker.com/api/v1#top").getMessage()).contains("fragment");
    }

    @Test
    void anythingButAnHttpUrlWithAHostIsRefused() {
        refused("ftp://www.bigmarker.com/api/v1");
        refused("www.bigmarker.com/api/v1");
        refused("https:///api/v1");
        assertThat(refused("https://www.big marker.com/api/v1").getMessage()).doesNotContain("big marker");
    }

    @Test
    void plainHttpIsRefusedUnlessAllowedThenWarnedAboutAwayFromLoopback() {
        assertThatThrownBy(() -> BaseUrl.check("http://www.bigmarker.com/api/v1", false))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("allowPlainHttp");
        assertThat(BaseUrl.check("http://www.bigmarker.com/api/v1", true).warnings())
                .singleElement().asString().contains("plain http");
        assertThat(BaseUrl.check("http://127.0.0.1:8080/api/v1", true).warnings()).isEmpty();
        assertThat(BaseUrl.check("http://localhost:8080/api/v1", true).warnings()).isEmpty();
    }

    @Test
    void aHostOutsideBigMarkerIsWarnedAbout() {
        assertThat(BaseUrl.check("https://api.example.org/api/v1", false).warnings())
                .singleElement().asString().contains("api.example.org").contains("not a bigmarker.com host");
        assertThat(BaseUrl.check("https://www.bigmarker.com/api/v1/", false).warnings()).isEmpty();
        assertThat(BaseUrl.check("https://acme.bigmarker.com/api/v1", false).warnings()).isEmpty();
        assertThat(BaseUrl.check("https://evilbigmarker.com/api/v1", false).warnings()).hasSize(1);
    }

    @Test
    void trailingSlashesAreDropped() {
        assertThat(BaseUrl.check("https://www.bigmarker.com/api/v1//", false).uri().toString())
                .isEqualTo("https://www.bigmarker.com/api/v1");
    }
}
